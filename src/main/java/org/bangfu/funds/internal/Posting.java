package org.bangfu.funds.internal;

import java.time.LocalDate;
import java.util.List;

/** A posting to write: its kind, date, organisation, the cycle it books (if any), the posting it reverses (if any) and its entries. */
public record Posting(String kind, LocalDate postedOn, long organisationId, Long cycleId, Long reverses, String memo,
		List<Entry> entries) {
}
