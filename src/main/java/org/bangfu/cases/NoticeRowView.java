package org.bangfu.cases;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.bangfu.shared.Money;

/**
 * One row of a notice. The public columns are copied when the notice is published (before that
 * they are empty); state: PENDING (period running or objection open), PASSED, UPHELD (an objection
 * was upheld and the case returned), REMOVED.
 */
public record NoticeRowView(long caseId, String caseNo, String fileNo, int rowNo, String state, String displayName,
		String organisationName, String regionName, Integer householdSize, CaseType caseType, BigDecimal amount,
		LocalDate appliedOn, long openObjections) {

	public String amountText() {
		return amount == null ? "" : Money.of(amount).format();
	}

}
