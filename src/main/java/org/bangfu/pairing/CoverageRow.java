package org.bangfu.pairing;

/**
 * Coverage of one organisation subtree or region: filed households and how many of them
 * have an active pairing. {@code key} is the organisation id or the region code to drill into.
 */
public record CoverageRow(String key, String name, long filed, long paired, boolean drillable) {

	public long unpaired() {
		return filed - paired;
	}

	/** Paired share in percent with one decimal, as text (100.0 when nothing is filed). */
	public String percent() {
		if (filed == 0) {
			return "100.0";
		}
		return java.math.BigDecimal.valueOf(paired * 100L)
			.divide(java.math.BigDecimal.valueOf(filed), 1, java.math.RoundingMode.HALF_UP)
			.toPlainString();
	}

}
