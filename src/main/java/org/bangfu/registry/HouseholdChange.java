package org.bangfu.registry;

import java.time.Instant;

/** One entry of a household's history: who changed what, and the file right after the change. */
public record HouseholdChange(long id, Instant changedAt, String changedBy, String kind, HouseholdView after) {
}
