package org.bangfu.reporting;

import java.math.BigDecimal;
import java.util.List;

/** An organisation's scores in a year's assessment, with the evidence behind each point, and its rank. */
public record Scorecard(long organisationId, String organisationName, List<Point> points, BigDecimal total, int rank) {

	/**
	 * The points of one indicator: for a computed one the numerator and denominator it was measured on and the
	 * share in percent; for a manual one the note of the assessing level (points null until scored).
	 */
	public record Point(Indicator indicator, long numerator, long denominator, BigDecimal percent, BigDecimal points,
			String note, String drillDown) {
	}

	public Scorecard ranked(int r) {
		return new Scorecard(organisationId, organisationName, points, total, r);
	}

}
