package org.bangfu.pairing;

import java.time.LocalDate;

/**
 * A filed household that has no active pairing: since when (the end of its last pairing, or
 * its filing date) and for how many days; the last cadre when there was one.
 */
public record UnpairedRow(long householdId, String fileNo, String headName, long organisationId,
		String organisationName, String regionCode, String regionName, LocalDate since, long days,
		String lastCadreName) {
}
