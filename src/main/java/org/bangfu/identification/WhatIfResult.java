package org.bangfu.identification;

import java.time.LocalDate;
import java.util.List;

/**
 * What a proposal would change: households evaluated, how many change class, the counts per
 * class before and after, the moves by region and class, and a page of changed households.
 */
public record WhatIfResult(String ruleSetCode, int baseVersion, int proposedVersion, LocalDate asOf, long households,
		long changed, List<ClassCount> classes, List<Move> moves, List<ChangedHousehold> changedHouseholds, int page,
		int size, long elapsedMillis) {

	public record ClassCount(String outcome, String label, long before, long after) {

		public long difference() {
			return after - before;
		}

	}

	public record Move(String regionCode, String regionName, String from, String fromLabel, String to, String toLabel,
			long count) {
	}

	public record ChangedHousehold(long householdId, String fileNo, String regionCode, String headName, String from,
			String fromLabel, String to, String toLabel) {
	}

	public int pages() {
		return (int) Math.max(1, (changed + size - 1) / size);
	}

}
