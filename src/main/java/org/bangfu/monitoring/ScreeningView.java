package org.bangfu.monitoring;

import java.time.LocalDate;
import java.util.List;

/** A disaster screening: the event, its regions, the visit deadline and how many households were listed and visited. */
public record ScreeningView(long id, long eventId, String eventName, List<String> regionCodes, LocalDate startedOn,
		LocalDate visitDue, String createdBy, int households, int visited) {
}
