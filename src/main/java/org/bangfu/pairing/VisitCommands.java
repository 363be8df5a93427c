package org.bangfu.pairing;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.bangfu.pairing.PairingVocabulary.Frequency;
import org.bangfu.pairing.PairingVocabulary.VisitKind;

/** What callers ask of visits. */
public final class VisitCommands {

	private VisitCommands() {
	}

	/**
	 * Records a visit. {@code clientKey} (made by the page for each draft) makes a retried
	 * submission record the visit once.
	 */
	public record RecordVisit(@NotNull(message = "{pairing.household.required}") Long householdId,
			@NotNull(message = "{visit.date.required}") LocalDate visitedOn,
			@NotNull(message = "{visit.kind.required}") VisitKind kind,
			@NotBlank(message = "{visit.visitors.required}") @Size(max = 200, message = "{visit.text.size}") String visitors,
			@Size(max = 4000, message = "{visit.text.size}") String findings,
			@Size(max = 4000, message = "{visit.text.size}") String problems,
			@Size(max = 4000, message = "{visit.text.size}") String measuresAgreed, Checklist checklist,
			@Size(max = 40, message = "{visit.text.size}") String clientKey) {
	}

	/** Sets the visit frequency for an organisation (and its subtree), optionally for one household category. */
	public record SetPolicy(Long organisationId, String category, @NotNull(message = "{visit.policy.frequency.required}") Frequency frequency,
			Integer intervalDays) {
	}

}
