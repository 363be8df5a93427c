package org.bangfu.programs;

import java.time.LocalDate;

/** A declared event was ended early: it is no longer in force after {@code endedOn}. */
public record EventEnded(long eventId, EventKind kind, LocalDate endedOn, long organisationId) {
}
