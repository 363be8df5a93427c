package org.bangfu.registry.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.registry.economics.EconomicsViews.MonthIncome;

/**
 * A bar chart of monthly income drawn as server-side SVG (no script): one bar per month, its
 * height proportional to the month's income, the tallest bar {@link #HEIGHT} units high.
 */
record IncomeChart(List<Bar> bars, int width, int height) {

	static final int HEIGHT = 120;

	static final int BAR = 30;

	static final int GAP = 10;

	record Bar(int x, int y, int h, String label, String amount, boolean recorded) {
	}

	static IncomeChart of(List<MonthIncome> months) {
		BigDecimal max = months.stream().map(MonthIncome::amount).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < months.size(); i++) {
			MonthIncome m = months.get(i);
			int h = max.signum() == 0 ? 0
					: m.amount().multiply(BigDecimal.valueOf(HEIGHT)).divide(max, 0, RoundingMode.HALF_UP).intValue();
			if (h == 0 && m.amount().signum() > 0) {
				h = 1;
			}
			bars.add(new Bar(i * (BAR + GAP) + GAP, HEIGHT - h + 20, h, m.month().toString().substring(2),
					m.shown().format(), m.recorded()));
		}
		return new IncomeChart(bars, months.size() * (BAR + GAP) + GAP, HEIGHT + 40);
	}

}
