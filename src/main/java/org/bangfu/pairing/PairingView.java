package org.bangfu.pairing;

import java.time.LocalDate;

import org.bangfu.pairing.PairingVocabulary.EndReason;
import org.bangfu.pairing.PairingVocabulary.PairingType;

/** A cadre's pairing with a household, active while {@code endedOn} is null. */
public record PairingView(long id, long cadreId, String cadreName, long householdId, String fileNo, String headName,
		long organisationId, PairingType type, LocalDate startedOn, LocalDate plannedEndOn, LocalDate endedOn,
		EndReason endReason, String endNote, boolean endedEarly) {

	public boolean active() {
		return endedOn == null;
	}

}
