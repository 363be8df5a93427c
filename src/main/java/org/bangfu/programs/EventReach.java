package org.bangfu.programs;

import java.util.List;

/** Who a declared event would reach: filed households in the reader's scope under its regions. */
public record EventReach(long eventId, long households, long persons, int page, int size, List<EventReachRow> rows) {

	public long pages() {
		return Math.max(1, (households + size - 1) / size);
	}

	/** One household reached: file number, head (name only), region and filing organisation. */
	public record EventReachRow(long householdId, String fileNo, String headName, String regionCode, String regionName,
			String organisationName, int members) {
	}

}
