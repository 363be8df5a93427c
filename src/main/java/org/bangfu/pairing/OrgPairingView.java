package org.bangfu.pairing;

import java.time.LocalDate;

import org.bangfu.pairing.PairingVocabulary.OrgEndReason;

/** An organisation helping another in a year (plan 8, plan 12); ended with a reason, or active. */
public record OrgPairingView(long id, long helperId, String helperName, long helpedId, String helpedName, int year,
		LocalDate startedOn, LocalDate endedOn, String note, OrgEndReason endReason, String endNote) {

	public boolean active() {
		return endedOn == null;
	}

}
