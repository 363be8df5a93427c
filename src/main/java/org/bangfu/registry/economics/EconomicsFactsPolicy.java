package org.bangfu.registry.economics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.registry.economics.EconomicsViews.AssetView;
import org.bangfu.registry.economics.EconomicsViews.IncomeItemView;
import org.bangfu.registry.economics.EconomicsViews.Records;
import org.bangfu.registry.economics.EconomicsViews.SpendingView;
import org.bangfu.registry.economics.EconomicsViews.SuddenCostView;
import org.bangfu.registry.economics.EconomicsVocabulary.AssetKind;
import org.bangfu.registry.economics.EconomicsVocabulary.SpendingKind;

/**
 * The identification facts that come from a household's economics records, for one household on
 * a date, in Java — the same values, to the last decimal, as the set-based SQL of the facts
 * (identification's {@code EconomicsFacts}), by the same rules: m1 is the month of the date, m2
 * the one before …; income windows by {@link IncomeHistoryPolicy}; spending of the date's calendar
 * year (rent: the recorded rent, else the household's annual rent); sudden costs less what was
 * covered, in the year up to the date and in the 12 months up to it; assets dated on or before
 * the date; income items only of the file's members (a member who left takes their income along).
 * The facts the rules derive exactly from these (per-capita figures: ÷ size; the monthly
 * essential spending: ÷ 12) are not given: no rounded quotient is ever compared. Keys are the
 * facts' names.
 */
public final class EconomicsFactsPolicy {

	private EconomicsFactsPolicy() {
	}

	public static Map<String, Object> of(Records r, java.util.Set<Long> members, BigDecimal annualRent, LocalDate on) {
		Map<String, Object> f = new LinkedHashMap<>();
		YearMonth m1 = YearMonth.from(on);
		int year = on.getYear();
		List<IncomeItemView> income = r.income().stream().filter(i -> members.contains(i.memberId())).toList();
		BigDecimal inc12 = IncomeHistoryPolicy.window(income, m1.minusMonths(11), m1);
		BigDecimal lastYear = IncomeHistoryPolicy.year(income, year - 1);
		f.put("income_12m", inc12);
		f.put("income_last_year", lastYear);
		for (int k = 1; k <= 12; k++) {
			f.put("income_m" + k, IncomeHistoryPolicy.month(income, m1.minusMonths(k - 1)).amount());
		}
		BigDecimal rent = rent(r.spending(), year, annualRent);
		BigDecimal medical = spent(r.spending(), year, SpendingKind.MEDICAL);
		BigDecimal schooling = spent(r.spending(), year, SpendingKind.SCHOOLING);
		BigDecimal care = spent(r.spending(), year, SpendingKind.CARE);
		BigDecimal other = spent(r.spending(), year, SpendingKind.OTHER);
		BigDecimal essential = rent.add(medical).add(schooling).add(care).add(other);
		f.put("rent_year", rent);
		f.put("medical_spending_year", medical);
		f.put("schooling_spending_year", schooling);
		f.put("care_spending_year", care);
		f.put("other_spending_year", other);
		f.put("essential_spending_year", essential);
		BigDecimal lastRent = rent(r.spending(), year - 1, annualRent);
		BigDecimal lastOther = r.spending().stream().filter(s -> s.year() == year - 1 && s.kind() != SpendingKind.RENT)
			.map(SpendingView::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		f.put("essential_spending_last_year", lastRent.add(lastOther));
		LocalDate yearStart = LocalDate.of(year, 1, 1);
		LocalDate yearAgo = on.minusYears(1);
		f.put("sudden_costs_year", sudden(r.suddenCosts(), c -> !c.occurredOn().isBefore(yearStart) && !c.occurredOn().isAfter(on)));
		f.put("sudden_costs_12m", sudden(r.suddenCosts(), c -> c.occurredOn().isAfter(yearAgo) && !c.occurredOn().isAfter(on)));
		List<AssetView> assets = r.assets().stream().filter(a -> !a.asOf().isAfter(on)).toList();
		f.put("vehicle_value", value(assets, AssetKind.VEHICLE));
		f.put("recorded_savings", value(assets, AssetKind.SAVINGS));
		f.put("extra_homes", BigDecimal.valueOf(assets.stream().filter(a -> a.kind() == AssetKind.EXTRA_HOME).count()));
		f.put("registered_businesses", BigDecimal.valueOf(assets.stream().filter(a -> a.kind() == AssetKind.BUSINESS).count()));
		f.put("luxury_purchase_12m", assets.stream().anyMatch(a -> a.kind() == AssetKind.LUXURY_PURCHASE && a.asOf().isAfter(yearAgo)));
		return f;
	}

	private static BigDecimal rent(List<SpendingView> spending, int year, BigDecimal annualRent) {
		boolean recorded = spending.stream().anyMatch(s -> s.year() == year && s.kind() == SpendingKind.RENT);
		return recorded ? spent(spending, year, SpendingKind.RENT) : annualRent == null ? BigDecimal.ZERO : annualRent;
	}

	private static BigDecimal spent(List<SpendingView> spending, int year, SpendingKind kind) {
		return spending.stream().filter(s -> s.year() == year && s.kind() == kind).map(SpendingView::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static BigDecimal sudden(List<SuddenCostView> costs, java.util.function.Predicate<SuddenCostView> when) {
		return costs.stream().filter(when).map(SuddenCostView::uncovered).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static BigDecimal value(List<AssetView> assets, AssetKind kind) {
		return assets.stream().filter(a -> a.kind() == kind && a.value() != null).map(AssetView::value)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
