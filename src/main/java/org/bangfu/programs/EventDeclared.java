package org.bangfu.programs;

import java.time.LocalDate;
import java.util.List;

/**
 * An event was declared for some regions and a period (published after commit through the event
 * publication registry): event-driven programs may propose a cycle for households under these
 * 12-digit region codes.
 */
public record EventDeclared(long eventId, EventKind kind, List<String> regionCodes, LocalDate from, LocalDate to,
		long organisationId) {

	public EventDeclared {
		regionCodes = List.copyOf(regionCodes);
	}

}
