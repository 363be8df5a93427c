package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.bangfu.platform.jobs.JobView;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.economics.EconomicsCommands.RecordIncome;
import org.bangfu.registry.economics.EconomicsCommands.RecordSuddenCost;
import org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind;
import org.bangfu.registry.economics.EconomicsVocabulary.Period;
import org.bangfu.registry.economics.EconomicsVocabulary.Source;
import org.bangfu.registry.economics.EconomicsVocabulary.SuddenCostKind;
import org.bangfu.registry.economics.HouseholdEconomics;
import org.bangfu.shared.BusinessClock;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A household's economics over time, as identification reads them: per-capita months compared
 * exactly (899.99 ÷ 3 is below 300 and × 3 is 899.99 again); the maintained facts of the monthly
 * windows follow the clock into the next months (batch and what-if alike); and a date before a
 * correction, a deletion or a new record reads the records as they stood at the end of that
 * date — the batch and one household always giving the same answer.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class })
class EconomicsOverTimeIntegrationTests {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	@Autowired
	Decisions decisions;

	@Autowired
	RuleSets ruleSets;

	@Autowired
	WhatIf whatIf;

	@Autowired
	Jobs jobs;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	HouseholdEconomics economics;

	@Autowired
	Places places;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessClock clock;

	@AfterEach
	void restoreClock() {
		clock.set(Clock.system(BusinessClock.zone()));
	}

	@Test
	void monthlyWindowsFollowTheClockAndEarlierDatesReadTheRecordsAsTheyStoodThen() throws Exception {
		Places.Place place = places.county("经济随时间");
		clock.set(Clock.offset(Clock.system(BusinessClock.zone()), Duration.ofDays(-40)));
		LocalDate then = clock.today();
		String code = ruleSet(place, then.minusDays(5));
		HouseholdView h = registry.file(place.scope(), new FileHousehold(null, Places.household(place.township(), null, HousingType.OWN),
				Places.member("王户主", then.minusYears(50), true, Relation.HEAD, Employment.LAID_OFF, "0", Health.HEALTHY, null)));
		registry.addMember(place.scope(), h.id(), new AddMember(Places.member("赵", then.minusYears(48), false, Relation.SPOUSE,
				Employment.UNABLE, "0", Health.CHRONIC, null)));
		registry.addMember(place.scope(), h.id(), new AddMember(Places.member("王小", then.minusYears(12), true, Relation.SON,
				Employment.STUDENT, "0", Health.HEALTHY, null)));
		long head = registry.find(place.scope(), h.id()).orElseThrow().head().orElseThrow().id();
		YearMonth month = YearMonth.from(then);
		long item = economics.recordIncome(place.scope(), h.id(), new RecordIncome(head, IncomeKind.WAGE, Period.MONTH,
				month.getYear(), month.getMonthValue(), new BigDecimal("899.99"), Source.VISIT, null));

		// that day: 899.99 ÷ 3 < 300 exactly, and × 3 gives 899.99 back (no quotient rounded first)
		assertThat(batch(place, code, then).get(h.id())).isEqualTo("LOW");
		assertThat(decisions.evaluate(place.scope(), h.id(), code, then, ZH).outcome()).isEqualTo("LOW");

		// 40 days on: the month is no longer m1; the facts row computed then is out of date and is refreshed first
		clock.set(Clock.system(BusinessClock.zone()));
		LocalDate today = clock.today();
		assertThat(jdbc.sql("SELECT computed_on FROM identification_facts WHERE household_id = ?").param(h.id())
			.query(LocalDate.class).single()).isEqualTo(then);
		assertThat(whatIfBefore(place, code, "INCOME")).as("what-if today").isEqualTo(1);
		assertThat(whatIfBefore(place, code, "LOW")).as("what-if today").isZero();
		assertThat(batch(place, code, today).get(h.id())).isEqualTo("INCOME");
		assertThat(decisions.evaluate(place.scope(), h.id(), code, today, ZH).outcome()).isEqualTo("INCOME");
		assertThat(jdbc.sql("SELECT computed_on || ' ' || income_m1 FROM identification_facts WHERE household_id = ?").param(h.id())
			.query(String.class).single()).isEqualTo(today + " 0");

		// corrected and added today: the earlier date still reads the records as they stood at its end
		economics.correctIncome(place.scope(), h.id(), item, new RecordIncome(head, IncomeKind.WAGE, Period.MONTH, month.getYear(),
				month.getMonthValue(), new BigDecimal("1200.00"), Source.INVESTIGATION, "核实"));
		economics.recordSuddenCost(place.scope(), h.id(), new RecordSuddenCost(SuddenCostKind.ACCIDENT, then,
				new BigDecimal("5000.00"), null, null));
		for (LocalDate on : List.of(then, today)) {
			String expected = on.equals(today) ? "SUDDEN" : "LOW";
			assertThat(batch(place, code, on).get(h.id())).as("batch on %s", on).isEqualTo(expected);
			assertThat(decisions.evaluate(place.scope(), h.id(), code, on, ZH).outcome()).as("one household on %s", on)
				.isEqualTo(expected);
		}
	}

	@Test
	void aMemberWhoLeavesTakesTheirIncomeAlong() throws Exception {
		Places.Place place = places.county("成员迁出收入");
		LocalDate today = clock.today();
		String code = ruleSet(place, today.minusDays(5));
		HouseholdView h = registry.file(place.scope(), new FileHousehold(null, Places.household(place.township(), null, HousingType.OWN),
				Places.member("钱户主", today.minusYears(60), true, Relation.HEAD, Employment.RETIRED, "0", Health.HEALTHY, null)));
		long son = registry.addMember(place.scope(), h.id(), new AddMember(Places.member("钱子", today.minusYears(30),
				true, Relation.SON, Employment.EMPLOYED, "0", Health.HEALTHY, null))).id();
		long head = h.head().orElseThrow().id();
		YearMonth month = YearMonth.from(today);
		economics.recordIncome(place.scope(), h.id(), new RecordIncome(head, IncomeKind.PENSION, Period.MONTH, month.getYear(),
				month.getMonthValue(), new BigDecimal("250.00"), Source.FORM, null));
		economics.recordIncome(place.scope(), h.id(), new RecordIncome(son, IncomeKind.WAGE, Period.MONTH, month.getYear(),
				month.getMonthValue(), new BigDecimal("5000.00"), Source.FORM, null));
		assertThat(decisions.evaluate(place.scope(), h.id(), code, today, ZH).outcome()).isEqualTo("INCOME");
		registry.removeMember(place.scope(), h.id(), son, new org.bangfu.registry.HouseholdCommands.RemoveMember(null));
		// one person with 250 now: the son's 5,000 no longer counts, in Java, the facts table, the batch and one household
		assertThat((BigDecimal) economics.facts(place.scope(), h.id(), today).get("income_m1")).isEqualByComparingTo("250.00");
		assertThat(jdbc.sql("SELECT income_m1 FROM identification_facts WHERE household_id = ?").param(h.id())
			.query(BigDecimal.class).single()).isEqualByComparingTo("250.00");
		assertThat(batch(place, code, today).get(h.id())).isEqualTo("LOW");
		assertThat(decisions.evaluate(place.scope(), h.id(), code, today, ZH).outcome()).isEqualTo("LOW");
		// the household page's income history says the same
		assertThat(economics.incomeByMonth(place.scope(), h.id(), month, 1).get(0).amount()).isEqualByComparingTo("250.00");
	}

	/** Rows on the new facts: a sudden cost first, then a month below 300 per head, then any income over 12 months. */
	String ruleSet(Places.Place place, LocalDate from) {
		String code = "econ-time-" + System.nanoTime() % 100000000;
		RuleSetView rs = ruleSets.create(place.scope(), code, new RuleSetContent("经济随时间", "Economics over time", null,
				List.of(new RuleRow("sudden_costs_12m > 0", "SUDDEN", "突发", "Sudden"),
						new RuleRow("income_m1 > 0 and per_capita_income_m1 < 300 and per_capita_income_m1 * size >= income_m1", "LOW",
								"低于 300", "Below 300"),
						new RuleRow("per_capita_income_12m > 0", "INCOME", "有收入", "Some income")),
				"NONE", "无", "None",
				List.of(new TestCase("899.99 三人", Map.of("income_m1", new BigDecimal("899.99"), "size", 3), Map.of(), "LOW"),
						new TestCase("900 三人", Map.of("income_m1", new BigDecimal("900.00"), "income_12m", new BigDecimal("900.00"),
								"size", 3), Map.of(), "INCOME"))));
		ruleSets.activate(place.scope(), rs.id(), from);
		return code;
	}

	/** What-if today with a figure the rules do not read: the count of households in the class now. */
	long whatIfBefore(Places.Place place, String code, String outcome) {
		WhatIfResult r = whatIf.run(place.scope(), new WhatIfRequest(code, null,
				new WhatIfRequest.ProposedStandard("dibao_urban", place.county(), new BigDecimal("300"), StandardBasis.MONTH), null,
				null, 1, 20), ZH);
		return r.classes().stream().filter(c -> c.outcome().equals(outcome)).mapToLong(WhatIfResult.ClassCount::before).sum();
	}

	/** Runs the batch for the place on the date; the outcomes it stored, by household. */
	Map<Long, String> batch(Places.Place place, String code, LocalDate on) throws InterruptedException {
		long job = decisions.startBatch(place.scope(), code, null, false, on);
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		JobView v = jobs.find(job).orElseThrow();
		while (!v.status().equals("DONE") && !v.status().equals("FAILED") && System.nanoTime() < deadline) {
			Thread.sleep(100);
			v = jobs.find(job).orElseThrow();
		}
		assertThat(v.status()).as(code + " " + v.error()).isEqualTo("DONE");
		Map<Long, String> out = new TreeMap<>();
		// the current decisions of the rule set for that date (one the batch found unchanged is kept, not written again)
		jdbc.sql("SELECT household_id, outcome FROM identification_decision WHERE rule_set_code = ? AND current AND as_of = ?")
			.params(code, on)
			.query((rs, n) -> out.put(rs.getLong(1), rs.getString(2)))
			.list();
		return out;
	}

}
