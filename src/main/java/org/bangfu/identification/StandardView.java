package org.bangfu.identification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.bangfu.identification.rules.Words;

/**
 * One figure of a standard: the kind, where it applies (regionCode null = the whole country;
 * a region's figure applies to everything under it unless a more specific one exists), the
 * value and what it is per, its period, and its version (corrections with the same start
 * date get the next version). Figures are never changed or deleted; a figure that was corrected
 * names the version that replaced it ({@code correctedBy}) and no longer applies on any date.
 */
public record StandardView(long id, String kind, String regionCode, String regionName, int regionLevel,
		BigDecimal value, StandardBasis basis, LocalDate effectiveFrom, LocalDate effectiveTo, int version, String note,
		String createdBy, Instant createdAt, Integer correctedBy) {

	/** Whether a later version with the same start replaced it for its whole period. */
	public boolean corrected() {
		return correctedBy != null;
	}

	/** The value as people read it: 300.00, 1,800.00, 1.50. */
	public String valueText() {
		return Words.number(value);
	}

	public boolean national() {
		return regionCode == null;
	}

	public boolean appliesOn(LocalDate date) {
		return correctedBy == null && !effectiveFrom.isAfter(date) && (effectiveTo == null || !effectiveTo.isBefore(date));
	}

}
