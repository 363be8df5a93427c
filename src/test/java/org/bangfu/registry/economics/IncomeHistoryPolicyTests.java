package org.bangfu.registry.economics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.bangfu.registry.economics.EconomicsViews.IncomeItemView;
import org.bangfu.registry.economics.EconomicsViews.MonthIncome;
import org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind;
import org.bangfu.registry.economics.EconomicsVocabulary.Period;
import org.bangfu.registry.economics.EconomicsVocabulary.Source;
import org.junit.jupiter.api.Test;

class IncomeHistoryPolicyTests {

	static IncomeItemView yearly(long id, int year, String amount) {
		return new IncomeItemView(id, 1, 1, "王大山", IncomeKind.FARMING, Period.YEAR, LocalDate.of(year, 1, 1),
				new BigDecimal(amount), Source.FORM, null, Instant.EPOCH, "t");
	}

	static IncomeItemView monthly(long id, YearMonth m, String amount) {
		return new IncomeItemView(id, 1, 2, "李梅", IncomeKind.WAGE, Period.MONTH, m.atDay(1), new BigDecimal(amount),
				Source.FORM, null, Instant.EPOCH, "t");
	}

	@Test
	void aYearlyFarmIncomeSumsBackToItselfOverItsYearAndIsShownDivided() {
		List<IncomeItemView> items = List.of(yearly(1, 2025, "25000.00"));
		assertThat(IncomeHistoryPolicy.year(items, 2025)).isEqualByComparingTo("25000.00");
		MonthIncome march = IncomeHistoryPolicy.month(items, YearMonth.of(2025, 3));
		assertThat(march.amount()).isEqualByComparingTo("2083.3333333333");
		assertThat(march.shown().plain()).isEqualTo("2083.33");
		assertThat(march.shares()).singleElement().satisfies(s -> {
			assertThat(s.entered()).isEqualByComparingTo("25000.00");
			assertThat(s.divisor()).isEqualTo(12);
		});
		// the old way lost four fen: 2,083.33 × 12 = 24,999.96
		assertThat(IncomeHistoryPolicy.window(items, YearMonth.of(2025, 1), YearMonth.of(2025, 12))).isNotEqualByComparingTo("24999.96");
	}

	@Test
	void aWindowAcrossTwoYearsTakesEachYearlyFigureByItsMonthsInIt() {
		List<IncomeItemView> items = List.of(yearly(1, 2025, "1339.98"), yearly(2, 2026, "24000.00"),
				monthly(3, YearMonth.of(2026, 2), "700.00"), monthly(4, YearMonth.of(2024, 12), "999.00"));
		// 2025-07 … 2026-06: six months of each year, plus February's wage
		BigDecimal w = IncomeHistoryPolicy.window(items, YearMonth.of(2025, 7), YearMonth.of(2026, 6));
		assertThat(w).isEqualByComparingTo("13369.99"); // 669.99 + 12000 + 700
		assertThat(IncomeHistoryPolicy.months(items, YearMonth.of(2026, 6), 12)).hasSize(12)
			.first().satisfies(m -> assertThat(m.month()).isEqualTo(YearMonth.of(2025, 7)));
	}

	@Test
	void monthsWithoutRecordsAreZeroAndSaySo() {
		MonthIncome m = IncomeHistoryPolicy.month(List.of(monthly(1, YearMonth.of(2026, 1), "10.00")), YearMonth.of(2026, 2));
		assertThat(m.amount()).isZero();
		assertThat(m.recorded()).isFalse();
	}

}
