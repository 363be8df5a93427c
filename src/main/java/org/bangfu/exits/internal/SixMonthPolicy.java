package org.bangfu.exits.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The six-month rule as pure functions. The months looked at are the complete months before
 * today: month 1 is last month, month 2 the one before, and so on up to 12. A month counts as
 * above the line when the household's per-capita income of that month is strictly above the
 * per-person monthly line (a yearly line counts as a twelfth, compared exactly without rounding:
 * income × 12 &gt; line × size). The run is the number of consecutive months above the line
 * counted back from month 1: the first month at or below it ends the run, so a dip resets the
 * count. Six or more makes a household proposable.
 */
public final class SixMonthPolicy {

	public static final int REQUIRED_MONTHS = 6;

	public static final int WINDOW = 12;

	private SixMonthPolicy() {
	}

	/** Month k (1 = last complete month before today). */
	public static YearMonth month(LocalDate today, int k) {
		return YearMonth.from(today).minusMonths(k);
	}

	/** Whether a month's household income is above the line for the household size. */
	public static boolean above(BigDecimal householdIncome, int size, BigDecimal lineValue, boolean yearlyLine) {
		if (size <= 0 || lineValue == null) {
			return false;
		}
		BigDecimal left = yearlyLine ? householdIncome.multiply(BigDecimal.valueOf(12)) : householdIncome;
		return left.compareTo(lineValue.multiply(BigDecimal.valueOf(size))) > 0;
	}

	/** The run of consecutive months above the line from month 1 back (incomes[0] is month 1). */
	public static int run(List<BigDecimal> incomes, int size, BigDecimal lineValue, boolean yearlyLine) {
		int run = 0;
		for (BigDecimal income : incomes) {
			if (!above(income, size, lineValue, yearlyLine)) {
				break;
			}
			run++;
		}
		return run;
	}

	/** The months of a run, oldest first, as people read them (2026-01 … 2026-06). */
	public static List<YearMonth> months(LocalDate today, int run) {
		List<YearMonth> out = new ArrayList<>();
		for (int k = run; k >= 1; k--) {
			out.add(month(today, k));
		}
		return out;
	}

	public static boolean proposable(int run) {
		return run >= REQUIRED_MONTHS;
	}

}
