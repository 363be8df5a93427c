package org.bangfu.pairing;

import java.time.LocalDate;

/** An organisation helping another in a year (plan 8, plan 12). */
public record OrgPairingView(long id, long helperId, String helperName, long helpedId, String helpedName, int year,
		LocalDate startedOn, LocalDate endedOn, String note) {
}
