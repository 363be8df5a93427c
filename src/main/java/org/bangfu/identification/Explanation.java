package org.bangfu.identification;

import java.time.LocalDate;
import java.util.List;

/**
 * Why a household got its outcome: the rule set version, each row tried with values
 * substituted (e.g. '(24,000.00 − 6,000.00) ÷ 12 ÷ 3 = 500.00 &lt; 2 × 300.00 = 600.00 ✓'), the facts
 * the rules use with their values, and each standard with its region, period and version.
 */
public record Explanation(String ruleSetCode, int ruleSetVersion, String ruleSetName, LocalDate asOf, String outcome,
		String label, int matchedRow, String summary, List<Step> steps, List<FactValue> facts,
		List<StandardUse> standards, List<String> missingStandards) {

	/** One row tried: its number (0 = default), its source, the rendering with values, and the result. */
	public record Step(int row, String condition, String rendered, Boolean result, String outcome, String label) {
	}

	public record FactValue(String name, String label, String value) {
	}

	public record StandardUse(String kind, String kindName, String value, StandardBasis basis, String regionCode,
			String regionName, LocalDate effectiveFrom, LocalDate effectiveTo, int version, long id) {
	}

	/** A standard the rules need is not set (the missing ones are listed). */
	public boolean undecided() {
		return matchedRow == -1;
	}

	/** The household was not yet filed on the date: nothing was decided. */
	public boolean notFiled() {
		return matchedRow == -2;
	}

}
