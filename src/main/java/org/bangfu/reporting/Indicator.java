package org.bangfu.reporting;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator of an assessment scheme: its code, its weight in points, its target in percent and whether the
 * assessing level scores it by hand. Computed indicators measure a share of two figures (see {@link #MEASURES}).
 */
public record Indicator(String code, BigDecimal weight, BigDecimal target, boolean manual) {

	/** Computed indicators: code, numerator figure, denominator figures (summed). */
	public record Measure(String code, String numerator, List<String> denominator) {
	}

	public static final List<Measure> MEASURES = List.of(
			new Measure("FILED", "households.filed", List.of("households.filed", "households.draft")),
			new Measure("PAIRED", "households.paired", List.of("households.filed")),
			new Measure("VISITED", "households.visitedOnTime", List.of("households.filed")),
			new Measure("PAID", "funds.paid", List.of("funds.paid", "funds.committed")),
			new Measure("CASES_ON_TIME", "cases.onTime", List.of("cases.pending")));

	/** The default scheme: filed, paired, visited, paid, cases on time; 九个到位 and complaints scored by hand. */
	public static List<Indicator> defaults() {
		return List.of(new Indicator("FILED", new BigDecimal("20"), new BigDecimal("100"), false),
				new Indicator("PAIRED", new BigDecimal("20"), new BigDecimal("100"), false),
				new Indicator("VISITED", new BigDecimal("20"), new BigDecimal("100"), false),
				new Indicator("PAID", new BigDecimal("15"), new BigDecimal("90"), false),
				new Indicator("CASES_ON_TIME", new BigDecimal("10"), new BigDecimal("100"), false),
				new Indicator("NINE_IN_PLACE", new BigDecimal("10"), new BigDecimal("100"), true),
				new Indicator("COMPLAINTS", new BigDecimal("5"), new BigDecimal("100"), true));
	}

	public static Measure measure(String code) {
		return MEASURES.stream().filter(m -> m.code().equals(code)).findFirst().orElse(null);
	}

}
