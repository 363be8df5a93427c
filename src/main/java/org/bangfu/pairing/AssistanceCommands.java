package org.bangfu.pairing;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.bangfu.pairing.PairingVocabulary.ClauseStatus;
import org.bangfu.pairing.PairingVocabulary.MeasureStatus;
import org.bangfu.pairing.PairingVocabulary.MeasureType;

/** Measures, agreements and ledger confirmations. */
public final class AssistanceCommands {

	private AssistanceCommands() {
	}

	public record AddMeasure(@NotNull(message = "{pairing.household.required}") Long householdId, Long visitId,
			@NotNull(message = "{measure.type.required}") MeasureType type,
			@NotBlank(message = "{measure.before.required}") @Size(max = 1000, message = "{visit.text.size}") String beforeState,
			@NotBlank(message = "{measure.after.required}") @Size(max = 1000, message = "{visit.text.size}") String targetAfter,
			@NotBlank(message = "{measure.owner.required}") @Size(max = 100, message = "{visit.text.size}") String owner,
			LocalDate dueOn) {
	}

	public record UpdateMeasure(@NotNull(message = "{measure.status.required}") MeasureStatus status,
			@Size(max = 2000, message = "{visit.text.size}") String result) {
	}

	public record ClauseData(@NotBlank(message = "{agreement.clause.required}") @Size(max = 1000, message = "{visit.text.size}") String text,
			@NotBlank(message = "{measure.owner.required}") @Size(max = 100, message = "{visit.text.size}") String owner, LocalDate dueOn) {
	}

	public record AddAgreement(@NotNull(message = "{pairing.household.required}") Long householdId,
			@NotBlank(message = "{agreement.title.required}") @Size(max = 200, message = "{visit.text.size}") String title,
			LocalDate periodFrom, LocalDate periodTo,
			@NotEmpty(message = "{agreement.clause.required}") @Size(max = 50) List<@Valid ClauseData> clauses) {
	}

	/** The head of household confirms on screen; the name must be the head's. */
	public record ConfirmOnScreen(@NotBlank(message = "{agreement.head.required}") String headName) {
	}

	public record SetClauseStatus(@NotNull ClauseStatus status) {
	}

	public record ConfirmLedger(@NotNull LocalDate periodFrom, @NotNull LocalDate periodTo,
			@NotBlank(message = "{agreement.head.required}") String headName, @Size(max = 500) String note) {
	}

}
