package org.bangfu.programs;

import java.time.LocalDate;

/**
 * A post of the real-name post register (以岗定补) as pages and the API show it: the person by
 * name and masked ID number, the post, the place and its hardship tier, the first and the last
 * day in post (none while in post), and the salary account masked.
 */
public record PostView(long id, long organisationId, String organisationName, long householdId, long memberId,
		String personName, String idNumberMasked, String postName, String place, int tier, LocalDate from, LocalDate to,
		String endReason, String bankName, String accountMasked, int version) {

	/** Whether the person is in post on the day. */
	public boolean inPost(LocalDate day) {
		return !from.isAfter(day) && (to == null || !to.isBefore(day));
	}

	public boolean ended() {
		return to != null;
	}

}
