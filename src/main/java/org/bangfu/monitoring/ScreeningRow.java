package org.bangfu.monitoring;

import java.time.LocalDate;

/** A household on a screening list: why it is listed (filed, exited, monitored) and its visit. */
public record ScreeningRow(long householdId, String fileNo, String headName, String regionCode, String reason,
		LocalDate visitedOn, String visitedBy, String visitNote) {
}
