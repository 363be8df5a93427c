package org.bangfu.registry.economics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.registry.economics.EconomicsViews.IncomeItemView;
import org.bangfu.registry.economics.EconomicsViews.MonthIncome;
import org.bangfu.registry.economics.EconomicsViews.Share;
import org.bangfu.registry.economics.EconomicsVocabulary.Period;

/**
 * How a household's income by month follows from items given per month or per year. A monthly
 * item counts in its month; a yearly item counts in each month of its year with amount × n ÷ 12
 * for n of its months in a window, so a whole year sums back to the yearly figure exactly. A
 * quotient that does not end (÷ 12, ÷ household size) is carried to {@link #SCALE} decimals, half
 * up — the same in the facts' SQL ({@code round(x, 10)}), so both paths give identical values.
 * Nothing rounded is stored.
 */
public final class IncomeHistoryPolicy {

	/** Decimals a non-terminating quotient is carried to (far below a fen). */
	public static final int SCALE = 10;

	private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

	private IncomeHistoryPolicy() {
	}

	/** The part of an item in a window that holds n months of its period's year (n ≤ 12). */
	public static BigDecimal share(IncomeItemView item, int monthsInWindow) {
		if (item.period() == Period.MONTH) {
			return item.amount();
		}
		return divide(item.amount().multiply(BigDecimal.valueOf(monthsInWindow)), TWELVE);
	}

	/** x ÷ d carried to {@link #SCALE} decimals, half up; null when d is 0. */
	public static BigDecimal divide(BigDecimal x, BigDecimal d) {
		return d.signum() == 0 ? null : x.divide(d, SCALE, RoundingMode.HALF_UP);
	}

	/** The household's income in one month, with its parts. */
	public static MonthIncome month(List<IncomeItemView> items, YearMonth month) {
		List<Share> shares = new ArrayList<>();
		BigDecimal sum = BigDecimal.ZERO;
		for (IncomeItemView i : items) {
			boolean in = i.period() == Period.MONTH ? YearMonth.from(i.periodStart()).equals(month)
					: i.periodStart().getYear() == month.getYear();
			if (in) {
				BigDecimal part = share(i, 1);
				shares.add(new Share(i.id(), i.memberName(), i.kind(), i.period(), i.amount(), part));
				sum = sum.add(part);
			}
		}
		return new MonthIncome(month, sum, shares);
	}

	/** The months from (end − count + 1) to end, oldest first. */
	public static List<MonthIncome> months(List<IncomeItemView> items, YearMonth end, int count) {
		List<MonthIncome> out = new ArrayList<>();
		for (int k = count - 1; k >= 0; k--) {
			out.add(month(items, end.minusMonths(k)));
		}
		return out;
	}

	/** The income of the months from..to (inclusive): monthly items in it, yearly items by their months in it. */
	public static BigDecimal window(List<IncomeItemView> items, YearMonth from, YearMonth to) {
		BigDecimal sum = BigDecimal.ZERO;
		for (IncomeItemView i : items) {
			if (i.period() == Period.MONTH) {
				YearMonth m = YearMonth.from(i.periodStart());
				if (!m.isBefore(from) && !m.isAfter(to)) {
					sum = sum.add(i.amount());
				}
			}
			else {
				int n = overlap(i.periodStart().getYear(), from, to);
				if (n > 0) {
					sum = sum.add(share(i, n));
				}
			}
		}
		return sum;
	}

	/** How many months of the calendar year fall in from..to. */
	static int overlap(int year, YearMonth from, YearMonth to) {
		YearMonth a = from.getYear() < year ? YearMonth.of(year, 1) : from;
		YearMonth b = to.getYear() > year ? YearMonth.of(year, 12) : to;
		if (a.getYear() != year || b.getYear() != year || b.isBefore(a)) {
			return 0;
		}
		return b.getMonthValue() - a.getMonthValue() + 1;
	}

	/** The income of a calendar year (yearly items whole, monthly items of its months). */
	public static BigDecimal year(List<IncomeItemView> items, int year) {
		return window(items, YearMonth.of(year, 1), YearMonth.of(year, 12));
	}

}
