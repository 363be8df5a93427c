package org.bangfu.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;

import org.bangfu.identification.Places;
import org.bangfu.identification.internal.FactsQuery.HouseholdFacts;
import org.bangfu.identification.rules.Fact;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.economics.EconomicsCommands.RecordAsset;
import org.bangfu.registry.economics.EconomicsCommands.RecordIncome;
import org.bangfu.registry.economics.EconomicsCommands.RecordSpending;
import org.bangfu.registry.economics.EconomicsCommands.RecordSuddenCost;
import org.bangfu.registry.economics.EconomicsVocabulary.AssetKind;
import org.bangfu.registry.economics.EconomicsVocabulary.Area;
import org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind;
import org.bangfu.registry.economics.EconomicsVocabulary.Period;
import org.bangfu.registry.economics.EconomicsVocabulary.Source;
import org.bangfu.registry.economics.EconomicsVocabulary.SpendingKind;
import org.bangfu.registry.economics.EconomicsVocabulary.SuddenCostKind;
import org.bangfu.registry.economics.EconomicsVocabulary.VehicleKind;
import org.bangfu.registry.economics.HouseholdEconomics;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The facts from the economics records are the same, to the last decimal, on every path: the
 * register's Java ({@link HouseholdEconomics#facts}), the live SQL for one household, the
 * maintained facts table, the snapshot of an earlier date, and the set-based files-as-of SQL the
 * batch and what-if use — before and after records are corrected and deleted.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class })
class EconomicsFactsIntegrationTests {

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	HouseholdEconomics economics;

	@Autowired
	FactsQuery facts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessClock clock;

	@Autowired
	Fixtures fixtures;

	@AfterEach
	void restoreClock() {
		clock.set(Clock.system(BusinessClock.zone()));
	}

	@Test
	void everyPathGivesTheSameUnroundedValues() {
		OrganisationView org = fixtures.organisation("经济事实");
		Scope scope = new Scope(org.id(), fixtures.everything().path() + org.id() + "/");
		LocalDate today = LocalDate.now(BusinessClock.zone());
		clock.set(Clock.offset(Clock.system(BusinessClock.zone()), Duration.ofDays(-90)));
		LocalDate t0 = clock.today();
		HouseholdView h = registry.file(scope, new FileHousehold(null, Places.household(Households.TOWNSHIP,
				new BigDecimal("4800.00"), HousingType.RENTED), Places.member("周户主", t0.minusYears(48), true, Relation.HEAD,
						Employment.EMPLOYED, "1000", Health.HEALTHY, null)));
		long id = h.id();
		long head = h.head().orElseThrow().id();
		long spouse = registry.addMember(scope, id, new AddMember(Places.member("吴", t0.minusYears(46), false, Relation.SPOUSE,
				Employment.FLEXIBLE, "0", Health.CHRONIC, null))).id();
		registry.addMember(scope, id, new AddMember(Places.member("周小", t0.minusYears(10), true, Relation.SON,
				Employment.STUDENT, "0", Health.HEALTHY, null)));
		economics.recordIncome(scope, id, new RecordIncome(head, IncomeKind.FARMING, Period.YEAR, t0.getYear() - 1, null,
				new BigDecimal("25000.00"), Source.VISIT, null));
		economics.recordIncome(scope, id, new RecordIncome(spouse, IncomeKind.OTHER, Period.YEAR, t0.getYear(), null,
				new BigDecimal("1339.98"), null, null));
		economics.recordIncome(scope, id, new RecordIncome(spouse, IncomeKind.WAGE, Period.MONTH, t0.minusMonths(1).getYear(),
				t0.minusMonths(1).getMonthValue(), new BigDecimal("700.00"), null, null));
		long medical = economics.recordSpending(scope, id, new RecordSpending(SpendingKind.MEDICAL, t0.getYear(),
				new BigDecimal("12000.50"), "住院", null));
		economics.recordSpending(scope, id, new RecordSpending(SpendingKind.CARE, t0.getYear() - 1, new BigDecimal("500.00"), null, null));
		long accident = economics.recordSuddenCost(scope, id, new RecordSuddenCost(SuddenCostKind.ACCIDENT, t0.minusDays(10),
				new BigDecimal("30000.00"), new BigDecimal("12000.33"), null));
		economics.recordAsset(scope, id, new RecordAsset(AssetKind.VEHICLE, VehicleKind.CAR, new BigDecimal("45000.00"),
				t0.minusDays(100), null));
		economics.recordAsset(scope, id, new RecordAsset(AssetKind.EXTRA_HOME, null, null, t0.minusDays(100), null));
		economics.recordAsset(scope, id, new RecordAsset(AssetKind.LUXURY_PURCHASE, null, new BigDecimal("9999.00"),
				t0.minusDays(5), "名表"));
		clock.set(Clock.system(BusinessClock.zone()));
		economics.correctSpending(scope, id, medical, new RecordSpending(SpendingKind.MEDICAL, t0.getYear(),
				new BigDecimal("13000.00"), "住院（更正）", null));
		economics.delete(scope, id, Area.SUDDEN_COST, accident);
		economics.recordSuddenCost(scope, id, new RecordSuddenCost(SuddenCostKind.DISASTER, today, new BigDecimal("8000.00"), null, null));
		economics.recordSpending(scope, id, new RecordSpending(SpendingKind.RENT, today.getYear(), new BigDecimal("5000.00"), null, null));

		Map<String, Object> then = economics.facts(scope, id, t0.plusDays(5));
		assertThat((BigDecimal) then.get("sudden_costs_12m")).isEqualByComparingTo("17999.67");
		assertThat(then.get("luxury_purchase_12m")).isEqualTo(true);
		assertThat((BigDecimal) then.get("vehicle_value")).isEqualByComparingTo("45000.00");
		assertThat((BigDecimal) then.get("income_12m")).isGreaterThan(BigDecimal.ZERO);
		Map<String, Object> now = economics.facts(scope, id, today);
		assertThat((BigDecimal) now.get("sudden_costs_12m")).isEqualByComparingTo("8000.00");
		assertThat((BigDecimal) now.get("rent_year")).isEqualByComparingTo(today.getYear() == t0.getYear() ? "5000.00" : "5000.00");

		for (LocalDate d : new LocalDate[] { t0.plusDays(5), today.minusDays(1) }) {
			Map<String, Object> java = economics.facts(scope, id, d);
			HouseholdFacts snapshot = facts.snapshot(registry.asOf(scope, id, d), d);
			HouseholdFacts setBased = jdbc.sql(FilesAsOf.facts(true, "h.id = :id", "TRUE", EnumSet.allOf(Fact.class)))
				.param("asOf", d)
				.param("id", id)
				.query((rs, n) -> FactsQuery.map(rs))
				.single();
			assertSame(java, snapshot, "snapshot " + d);
			assertSame(java, setBased, "files as of " + d);
		}
		HouseholdFacts live = facts.one(scope, id, today).orElseThrow();
		HouseholdFacts table = jdbc.sql(FactsTable.relation("x.household_id = :id", EnumSet.allOf(Fact.class)))
			.param("id", id)
			.query((rs, n) -> FactsQuery.map(rs))
			.single();
		assertSame(now, live, "live today");
		assertSame(now, table, "facts table today");
	}

	static void assertSame(Map<String, Object> java, HouseholdFacts sql, String what) {
		java.forEach((name, value) -> {
			Object other = sql.values().get(Fact.named(name).orElseThrow(() -> new AssertionError(name)));
			if (value instanceof BigDecimal b) {
				assertThat((BigDecimal) other).as(what + " " + name).isEqualByComparingTo(b);
			}
			else {
				assertThat(other).as(what + " " + name).isEqualTo(value);
			}
		});
	}

}
