package org.bangfu.registry.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.bangfu.registry.economics.EconomicsCommands.RecordAsset;
import org.bangfu.registry.economics.EconomicsCommands.RecordIncome;
import org.bangfu.registry.economics.EconomicsCommands.RecordSuddenCost;
import org.bangfu.registry.economics.EconomicsVocabulary.AssetKind;
import org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind;
import org.bangfu.registry.economics.EconomicsVocabulary.Period;
import org.bangfu.registry.economics.EconomicsVocabulary.SuddenCostKind;
import org.bangfu.shared.BangfuException;
import org.junit.jupiter.api.Test;

class EconomicsPolicyTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	static RecordIncome income(Period p, int year, Integer month, String amount) {
		return new RecordIncome(2L, IncomeKind.WAGE, p, year, month, new BigDecimal(amount), null, null);
	}

	@Test
	void periodsStartOnTheFirstAndNeverInTheFuture() {
		assertThat(EconomicsPolicy.periodStart(income(Period.YEAR, 2026, null, "1339.98"), TODAY)).isEqualTo("2026-01-01");
		assertThat(EconomicsPolicy.periodStart(income(Period.MONTH, 2026, 12, "700"), TODAY)).isEqualTo("2026-12-01");
		assertField(() -> EconomicsPolicy.periodStart(income(Period.MONTH, 2027, 1, "700"), TODAY), "month");
		assertField(() -> EconomicsPolicy.periodStart(income(Period.YEAR, 2027, null, "700"), TODAY), "year");
		assertField(() -> EconomicsPolicy.periodStart(income(Period.MONTH, 2026, null, "700"), TODAY), "month");
		assertField(() -> EconomicsPolicy.periodStart(income(Period.YEAR, 2026, 3, "700"), TODAY), "month");
		assertField(() -> EconomicsPolicy.periodStart(income(Period.YEAR, 2026, null, "1.001"), TODAY), "amount");
	}

	@Test
	void aMonthAndItsYearNeverCountTwice() {
		var year = IncomeHistoryPolicyTests.yearly(9, 2026, "24000");
		var sameMember = new EconomicsViews.IncomeItemView(9, 1, 2, "李梅", IncomeKind.WAGE, Period.YEAR, year.periodStart(),
				year.amount(), year.source(), null, year.recordedAt(), "t");
		RecordIncome march = income(Period.MONTH, 2026, 3, "700");
		assertField(() -> EconomicsPolicy.noOverlap(march, LocalDate.of(2026, 3, 1), List.of(sameMember), null), "period");
		EconomicsPolicy.noOverlap(march, LocalDate.of(2026, 3, 1), List.of(year), null); // another member's farming
		var monthItem = IncomeHistoryPolicyTests.monthly(5, YearMonth.of(2026, 3), "700");
		assertField(() -> EconomicsPolicy.noOverlap(march, LocalDate.of(2026, 3, 1), List.of(monthItem), null), "period");
		EconomicsPolicy.noOverlap(march, LocalDate.of(2026, 3, 1), List.of(monthItem), 5L); // correcting it
	}

	@Test
	void coveredCostsAndVehiclesAreChecked() {
		assertField(() -> EconomicsPolicy.suddenCost(new RecordSuddenCost(SuddenCostKind.ACCIDENT, TODAY,
				new BigDecimal("100"), new BigDecimal("100.01"), null), TODAY), "covered");
		assertField(() -> EconomicsPolicy.suddenCost(new RecordSuddenCost(SuddenCostKind.DISASTER, TODAY.plusDays(1),
				new BigDecimal("100"), null, null), TODAY), "occurredOn");
		assertField(() -> EconomicsPolicy.asset(new RecordAsset(AssetKind.VEHICLE, null, new BigDecimal("30000"), TODAY, null),
				TODAY), "vehicleKind");
		assertField(() -> EconomicsPolicy.asset(new RecordAsset(AssetKind.SAVINGS, null, null, TODAY, null), TODAY), "value");
	}

	static void assertField(Runnable r, String field) {
		assertThatThrownBy(r::run).isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.field()).isEqualTo(field));
	}

}
