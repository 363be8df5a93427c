package org.bangfu.reporting.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Points of a computed indicator: the weight times the share achieved of the target, capped at the weight, rounded
 * half up to 0.01 once (points = weight x min(1, numerator / denominator / target)); nothing to measure (denominator
 * 0) counts as met. Ranking: by total, highest first; equal totals share a rank (1, 1, 3).
 */
public final class ScorePolicy {

	private ScorePolicy() {
	}

	public static BigDecimal percent(long numerator, long denominator) {
		if (denominator == 0) {
			return new BigDecimal("100.00");
		}
		return BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
	}

	public static BigDecimal points(BigDecimal weight, BigDecimal targetPercent, long numerator, long denominator) {
		if (denominator == 0 || targetPercent.signum() <= 0) {
			return weight.setScale(2, RoundingMode.HALF_UP);
		}
		BigDecimal achieved = BigDecimal.valueOf(numerator)
			.multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(denominator).multiply(targetPercent), MathContext.DECIMAL128);
		BigDecimal share = achieved.min(BigDecimal.ONE).max(BigDecimal.ZERO);
		return weight.multiply(share).setScale(2, RoundingMode.HALF_UP);
	}

	/** Ranks (1-based, ties share) of items already sorted by total, highest first. */
	public static <T> List<Integer> ranks(List<T> sorted, Function<T, BigDecimal> total) {
		List<Integer> ranks = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			boolean tie = i > 0 && total.apply(sorted.get(i)).compareTo(total.apply(sorted.get(i - 1))) == 0;
			ranks.add(tie ? ranks.get(i - 1) : i + 1);
		}
		return ranks;
	}

}
