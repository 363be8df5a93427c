package org.bangfu.cases.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.bangfu.cases.CaseType;
import org.bangfu.shared.BangfuException;

/**
 * The new-case form as typed (amount and date as text, so a wrong entry comes back next to its
 * field instead of failing the binding).
 */
public record CaseForm(Long householdId, CaseType type, Long chainId, String summary, String requestedAmount, String exitDate) {

	/** An empty form; chainId: the chain preselected (the type's default), null for none. */
	static CaseForm empty(long householdId, CaseType type, Long chainId) {
		return new CaseForm(householdId, type, chainId, "", "", "");
	}

	BigDecimal amount() {
		if (requestedAmount == null || requestedAmount.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(requestedAmount.strip().replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw BangfuException.badField("requestedAmount", "money.format", requestedAmount);
		}
	}

	LocalDate exit() {
		if (exitDate == null || exitDate.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(exitDate.strip());
		}
		catch (DateTimeParseException ex) {
			throw BangfuException.badField("exitDate", "cases.exitDate.invalid", exitDate);
		}
	}

}
