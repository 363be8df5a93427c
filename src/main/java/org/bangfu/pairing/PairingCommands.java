package org.bangfu.pairing;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.bangfu.pairing.PairingVocabulary.EndReason;
import org.bangfu.pairing.PairingVocabulary.OrgEndReason;
import org.bangfu.pairing.PairingVocabulary.PairingType;

/** What callers ask the pairing module to do. */
public final class PairingCommands {

	private PairingCommands() {
	}

	/** Records a cadre without a login (organisationId null: the caller's organisation). */
	public record RegisterCadre(Long organisationId, @NotBlank(message = "{pairing.cadre.name.required}") @Size(max = 50) String name,
			@Size(max = 20) String phone, @Size(max = 100) String position) {
	}

	/**
	 * Pairs a cadre with a household. The cadre is given by {@code cadreId} or by the
	 * {@code userId} of a user (whose cadre record is made on first use). Start defaults to
	 * today, the planned end to start plus the minimum term, the type to one-to-many.
	 */
	public record Pair(Long cadreId, Long userId, @NotNull(message = "{pairing.household.required}") Long householdId,
			PairingType type, LocalDate startedOn, LocalDate plannedEndOn) {
	}

	/** Pairs one cadre with several households at once: all or none. */
	public record BulkPair(Long cadreId, Long userId,
			@NotEmpty(message = "{pairing.households.required}") @Size(max = 50) List<Long> householdIds, PairingType type) {
	}

	/**
	 * Ends a pairing. Ending before the minimum term needs {@code confirmEarly}; otherwise the
	 * caller is warned (and nothing changes).
	 */
	public record EndPairing(@NotNull(message = "{pairing.endReason.required}") EndReason reason,
			@Size(max = 500) String note, LocalDate endedOn, boolean confirmEarly) {
	}

	public record UpdateSettings(@Min(1) @Max(50) int cadreCap, @Min(0) @Max(120) int minTermMonths,
			@Min(0) @Max(100) Integer orgCapacity) {
	}

	/** Ends an organisation-to-organisation pairing (endedOn null: today); the helper's place in the year is given back. */
	public record EndOrgPairing(@NotNull(message = "{pairing.endReason.required}") OrgEndReason reason,
			@Size(max = 500) String note, LocalDate endedOn) {
	}

	public record PairOrganisations(@NotNull Long helperId, @NotNull Long helpedId, Integer year,
			@Size(max = 500) String note) {
	}

}
