package org.bangfu.identification;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.bangfu.identification.rules.Words;

/**
 * One figure of a standard: the kind, where it applies (regionCode null = the whole country;
 * a region's figure applies to everything under it unless a more specific one exists), the
 * value and what it is per, its period, and its version (corrections with the same start
 * date get the next version). Figures are never changed or deleted.
 */
public record StandardView(long id, String kind, String regionCode, String regionName, int regionLevel,
		BigDecimal value, StandardBasis basis, LocalDate effectiveFrom, LocalDate effectiveTo, int version, String note,
		String createdBy, Instant createdAt) {

	/** The value as people read it: 300.00, 1,800.00, 1.50. */
	public String valueText() {
		return Words.number(value);
	}

	public boolean national() {
		return regionCode == null;
	}

	public boolean appliesOn(LocalDate date) {
		return !effectiveFrom.isAfter(date) && (effectiveTo == null || !effectiveTo.isBefore(date));
	}

}
