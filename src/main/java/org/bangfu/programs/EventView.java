package org.bangfu.programs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A declared event as users see it, with its status on the day it was read. */
public record EventView(long id, EventKind kind, String otherName, List<EventRegion> regions, LocalDate from,
		LocalDate to, LocalDate endedOn, String endReason, String note, long organisationId, String organisationName,
		String declaredBy, Instant declaredAt, EventStatus status) {

	/** The last day the event is in force: its end, or the day it was ended early. */
	public LocalDate lastDay() {
		return endedOn != null && endedOn.isBefore(to) ? endedOn : to;
	}

	public List<String> regionCodes() {
		return regions.stream().map(EventRegion::code).toList();
	}

}
