package org.bangfu.cases;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.bangfu.registry.HouseholdCommands.HouseholdData;

/** What a user can ask of a case. Every command is audited with its comment. */
public final class CaseCommands {

	private CaseCommands() {
	}

	/**
	 * Opens a case (a draft) for a household. chainId null = the default chain for the type and the
	 * household's organisation; requestedAmount for assistance; exitDate for an exit; change for a
	 * change of file (the household-level facts as they should become; a blank bank account keeps it).
	 */
	public record OpenCase(@NotNull(message = "{cases.type.required}") CaseType type,
			@NotNull(message = "{cases.household.required}") Long householdId, Long chainId,
			@NotBlank(message = "{cases.summary.required}") @Size(max = 2000, message = "{cases.text.size}") String summary,
			@DecimalMin(value = "0", message = "{cases.amount.negative}") @Digits(integer = 10, fraction = 2, message = "{cases.amount.digits}") BigDecimal requestedAmount,
			LocalDate exitDate, HouseholdData change) {
	}

	/** Submits a draft or resubmits a returned case; version is the one the user saw. */
	public record Submit(@NotNull Integer version, @Size(max = 2000, message = "{cases.text.size}") String comment) {
	}

	/**
	 * Decides the current step. form holds the step's record: INVESTIGATION visitDate, visitors,
	 * findings; COLLECTIVE_DECISION meetingDate, attendees (one per line), votesFor, votesAgainst,
	 * votesAbstain, decision; CROSS_CHECK result (MATCH or DISCREPANCY), discrepancies.
	 */
	public record Act(@NotNull Integer version, @NotNull(message = "{cases.outcome.required}") Outcome outcome,
			@Size(max = 2000, message = "{cases.text.size}") String comment, Map<String, String> form) {
	}

	/** Withdraws a draft or returned case. */
	public record Withdraw(@NotNull Integer version, @Size(max = 2000, message = "{cases.text.size}") String comment) {
	}

}
