package org.bangfu.programs;

import java.math.BigDecimal;

/**
 * The monthly subsidy of a hardship tier as it applies to an organisation: set by the
 * organisation itself, or by the nearest organisation above it (named), or not set (amount null).
 */
public record PostTier(int tier, Long monthlyFen, String setBy, boolean own) {

	public BigDecimal monthly() {
		return monthlyFen == null ? null : BigDecimal.valueOf(monthlyFen, 2);
	}

	public String monthlyText() {
		return monthlyFen == null ? "—" : org.bangfu.shared.Money.of(monthly()).format();
	}

}
