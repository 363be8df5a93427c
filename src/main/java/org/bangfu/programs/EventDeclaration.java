package org.bangfu.programs;

import java.time.LocalDate;
import java.util.List;

/**
 * Declare an event: its kind (a name when OTHER), the regions it covers (region codes of any
 * level), its period, a note and the declaring organisation (the user's own when null).
 */
public record EventDeclaration(EventKind kind, String otherName, List<String> regionCodes, LocalDate from,
		LocalDate to, String note, Long organisationId) {
}
