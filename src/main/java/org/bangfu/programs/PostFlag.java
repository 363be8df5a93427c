package org.bangfu.programs;

import java.time.LocalDate;

/**
 * A post a monthly cycle flagged and did not pay: {@code DUPLICATE} (the same ID number in two
 * posts at once), {@code NOT_IN_POST} (paid the month before, no day in post this month),
 * {@code NOT_IN_REGISTER} (no longer an active member of a filed household), {@code PAID_ELSEWHERE}
 * (the month already claimed by another cycle), {@code NO_AMOUNT} (no amount set for the tier).
 */
public record PostFlag(long cycleId, String cycleLabel, LocalDate month, String kind, long postId, String personName,
		String idNumberMasked, String postName, String place, int tier) {

	public String messageKey() {
		return "posts.flag." + kind;
	}

}
