package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.identification.internal.SetEvaluator;
import org.bangfu.platform.jobs.JobView;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The batch job and what-if are the same rules as the one-by-one interpreter: on a generated
 * population with standards by county, township and period, every household's stored
 * decision (outcome and matched row) equals its live evaluation, and what-if counts equal
 * the moves seen one by one after the change is really made.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, Population.class })
class SetBasedEvaluationIntegrationTests {

	static final List<String> SHIPPED = ShippedRuleSetsIntegrationTests.SHIPPED;

	@Autowired
	Standards standards;

	@Autowired
	Decisions decisions;

	@Autowired
	RuleSets ruleSets;

	@Autowired
	WhatIf whatIf;

	@Autowired
	Jobs jobs;

	@Autowired
	Places places;

	@Autowired
	Population population;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SetEvaluator evaluator;

	@Autowired
	org.bangfu.identification.internal.RuleSetStore ruleSetStore;

	@Autowired
	org.bangfu.identification.internal.RuleCompiler compiler;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	Places.Place place;

	LocalDate today;

	List<Long> households;

	@BeforeEach
	void setUp() {
		place = places.county("批量测试工会");
		today = decisions.today();
		add("dibao_urban", place.county(), "300", LocalDate.of(2020, 1, 1));
		add("dibao_urban", place.township(), "320", today.minusMonths(2));
		add("dibao_rural", place.county(), "1800", LocalDate.of(2020, 1, 1));
		add("poverty_line", place.county(), "3700", LocalDate.of(2020, 1, 1));
		add("disposable_income_last_year", place.county(), "40000", LocalDate.of(2020, 1, 1));
		households = population.generate(place.organisation().id(), List.of(place.township(), place.otherTownship()), 300,
				42, today);
	}

	void add(String kind, String region, String value, LocalDate from) {
		standards.add(place.scope(), new AddStandard(kind, region, new BigDecimal(value), null, from, null, null));
	}

	@Test
	void theBatchJobDecidesEveryHouseholdExactlyAsTheInterpreterDoes() throws Exception {
		for (LocalDate on : List.of(today, today.minusMonths(6))) {
			for (String code : SHIPPED) {
				long job = decisions.startBatch(place.scope(), code, null, false, on);
				JobView done = await(job);
				assertThat(done.status()).as(code + " " + done.error()).isEqualTo("DONE");
				assertThat(done.progressDone()).isEqualTo(households.size());
			}
			Map<String, String> stored = new HashMap<>();
			jdbc.sql("SELECT household_id, rule_set_code, outcome, matched_row FROM identification_decision d "
					+ "WHERE d.current AND d.household_id IN (:ids)")
				.param("ids", households)
				.query((rs, n) -> stored.put(rs.getLong(1) + "/" + rs.getString(2), rs.getString(3) + "#" + rs.getInt(4)))
				.list();
			Map<String, Integer> outcomes = new TreeMap<>();
			for (long id : households) {
				for (Evaluation e : decisions.evaluate(place.scope(), id, on, Locale.SIMPLIFIED_CHINESE)) {
					if (!SHIPPED.contains(e.ruleSetCode())) {
						continue;
					}
					assertThat(stored.get(id + "/" + e.ruleSetCode()))
						.as("household %d under %s on %s: %s", id, e.ruleSetCode(), on, e.explanation().summary())
						.isEqualTo(e.outcome() + "#" + e.explanation().matchedRow());
					outcomes.merge(e.ruleSetCode() + ":" + e.outcome(), 1, Integer::sum);
				}
			}
			assertThat(outcomes.keySet()).as("the population reaches several classes")
				.contains("union-classes:DEEP", "union-classes:RELATIVE", "union-classes:NONE", "near-dibao:DIBAO",
						"near-dibao:NEAR_DIBAO", "tiers-plan4:DEEP", "township-plan21:LOW_INCOME", "company-plan6:HARDSHIP");
		}
	}

	@Test
	void onlyStaleDecisionsAreRedoneWhenAskedAndAStandardChangeMarksThemSetBased() throws Exception {
		assertThat(await(decisions.startBatch(place.scope(), "union-classes", null, false, today)).status()).isEqualTo("DONE");
		assertThat(await(decisions.startBatch(place.scope(), "union-classes", null, true, today)).progressDone()).isZero();
		add("dibao_urban", place.otherTownship(), "500", today);
		long stale = jdbc.sql("SELECT count(*) FROM identification_decision WHERE current AND stale AND household_id IN (:ids)")
			.param("ids", households)
			.query(Long.class)
			.single();
		long inOther = jdbc.sql("SELECT count(*) FROM registry_household WHERE region_code = :region AND id IN (:ids)")
			.param("region", place.otherTownship())
			.param("ids", households)
			.query(Long.class)
			.single();
		assertThat(stale).isEqualTo(inOther).isPositive();
		JobView again = await(decisions.startBatch(place.scope(), "union-classes", null, true, today));
		assertThat(again.progressDone()).isEqualTo(inOther);
	}

	@Test
	void aRerunKeepsDecisionsThatWouldComeOutTheSameAndRewritesOnlyTheChangedFiles() throws Exception {
		JobView first = await(decisions.startBatch(place.scope(), "union-classes", null, false, today));
		assertThat(first.status()).as(first.error()).isEqualTo("DONE");
		assertThat(first.result()).contains("\"written\":" + households.size(), "\"unchanged\":0");
		long rows = decisionRows();
		// the same day, nothing changed: every decision is kept, none written again
		JobView again = await(decisions.startBatch(place.scope(), "union-classes", null, false, today));
		assertThat(again.progressDone()).isEqualTo(households.size());
		assertThat(again.result()).contains("\"written\":0", "\"unchanged\":" + households.size());
		assertThat(decisionRows()).isEqualTo(rows);
		// two files change (written around the register: the batch brings the facts table up to date first)
		List<Long> changed = households.subList(0, 2);
		jdbc.sql("UPDATE registry_member SET income_wage = income_wage + 9000 WHERE household_id IN (:ids)")
			.param("ids", changed)
			.update();
		jdbc.sql("UPDATE registry_household SET version = version + 1 WHERE id IN (:ids)").param("ids", changed).update();
		JobView third = await(decisions.startBatch(place.scope(), "union-classes", null, false, today));
		assertThat(third.result()).contains("\"written\":2", "\"unchanged\":" + (households.size() - 2));
		assertThat(decisionRows()).isEqualTo(rows + 2);
		for (long id : changed) {
			List<DecisionView> history = decisions.history(place.scope(), id, Locale.SIMPLIFIED_CHINESE).stream()
				.filter(d -> d.ruleSetCode().equals("union-classes"))
				.toList();
			assertThat(history).hasSize(2);
			assertThat(history.stream().filter(DecisionView::current)).singleElement()
				.satisfies(d -> assertThat(d.outcome())
					.isEqualTo(decisions.evaluate(place.scope(), id, "union-classes", today, Locale.SIMPLIFIED_CHINESE).outcome()));
		}
		// another date is another decision for everyone
		JobView otherDay = await(decisions.startBatch(place.scope(), "union-classes", null, false, today.minusDays(1)));
		assertThat(otherDay.result()).contains("\"written\":" + households.size());
		assertThat(jdbc.sql("SELECT count(*) FROM identification_decision WHERE current AND rule_set_code = 'union-classes' "
				+ "AND household_id IN (:ids)").param("ids", households).query(Long.class).single()).isEqualTo(households.size());
	}

	@Test
	void aRangeThatMeetsADecisionWrittenMeanwhileIsRunAgainLettingThatDecisionStand() {
		// the batch found no current decision and chose plain inserts; then a user recorded one household by hand
		DecisionView byHand = decisions.record(place.scope(), households.get(0), "union-classes", today,
				Locale.SIMPLIFIED_CHINESE);
		RuleSetView rs = ruleSetStore.inForce("union-classes", today).orElseThrow();
		SetEvaluator.Selection range = SetEvaluator.selection(place.scope(), ruleSetStore.ownerPath(rs.id()).orElseThrow())
			.and("h.id IN (:ids)", "m.household_id IN (:ids)", "x.household_id IN (:ids)", Map.of("ids", households));
		evaluator.prepare(households, today);
		org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(
				transactions);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> tx.execute(status -> evaluator.evaluate(rs,
				compiler.compile(rs), range, today, "batch", null, SetEvaluator.Insert.FIRST)))
			.isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
		assertThat(decisionRows()).as("the failed range wrote nothing").isEqualTo(1);
		SetEvaluator.Run run = tx.execute(status -> evaluator.evaluate(rs, compiler.compile(rs), range, today, "batch", null,
				SetEvaluator.Insert.SAFE));
		assertThat(run.evaluated()).isEqualTo(households.size());
		assertThat(run.written()).as("the decision recorded by hand stands").isEqualTo(households.size() - 1);
		assertThat(decisions.current(place.scope(), households.get(0), Locale.SIMPLIFIED_CHINESE))
			.filteredOn(d -> d.ruleSetCode().equals("union-classes"))
			.singleElement()
			.satisfies(d -> assertThat(d.id()).isEqualTo(byHand.id()));
	}

	@Test
	void filesClosedOrAddedAroundTheRegisterAreLeftOutOrIncludedByTheNextBatch() throws Exception {
		assertThat(await(decisions.startBatch(place.scope(), "tiers-plan4", null, false, today)).progressDone())
			.isEqualTo(households.size());
		jdbc.sql("UPDATE registry_household SET status = 'CLOSED', close_reason = 'OTHER', version = version + 1 WHERE id = ?")
			.param(households.get(0))
			.update();
		List<Long> more = population.generate(place.organisation().id(), List.of(place.township()), 3, 7, today);
		JobView next = await(decisions.startBatch(place.scope(), "tiers-plan4", null, false, today));
		assertThat(next.progressDone()).as("one closed, three added").isEqualTo(households.size() - 1 + 3);
		assertThat(next.result()).contains("\"written\":3");
		for (long id : more) {
			assertThat(decisions.current(place.scope(), id, Locale.SIMPLIFIED_CHINESE))
				.filteredOn(d -> d.ruleSetCode().equals("tiers-plan4"))
				.singleElement()
				.satisfies(d -> assertThat(d.outcome())
					.isEqualTo(decisions.evaluate(place.scope(), id, "tiers-plan4", today, Locale.SIMPLIFIED_CHINESE).outcome()));
		}
	}

	long decisionRows() {
		return jdbc.sql("SELECT count(*) FROM identification_decision WHERE rule_set_code = 'union-classes' AND household_id IN (:ids)")
			.param("ids", households)
			.query(Long.class)
			.single();
	}

	@Test
	void whatIfCountsEqualTheMovesSeenOneByOneAfterTheStandardIsReallyChanged() {
		Map<Long, String> before = outcomes("union-classes", today);
		WhatIfResult result = whatIf.run(place.scope(), new WhatIfRequest("union-classes", today,
				new WhatIfRequest.ProposedStandard("dibao_urban", place.county(), new BigDecimal("400"), null), null, "county",
				1, 100), Locale.SIMPLIFIED_CHINESE);
		add("dibao_urban", place.county(), "400", today);
		Map<Long, String> after = outcomes("union-classes", today);
		assertWhatIfMatches(result, before, after);
		assertThat(result.changed()).as("a county figure changes the class of households outside the overriding township")
			.isPositive();
		assertThat(result.changedHouseholds()).allSatisfy(h -> assertThat(h.regionCode()).isEqualTo(place.otherTownship()));
	}

	@Test
	void whatIfOfADraftVersionEqualsTheVersionOnceActive() {
		RuleSetView union = ruleSets.list(place.scope()).stream()
			.filter(r -> r.code().equals("union-classes") && r.active())
			.findFirst()
			.orElseThrow();
		RuleSetView copy = ruleSets.copy(place.scope(), union.id(), "union-" + System.nanoTime() % 100000000);
		ruleSets.activate(place.scope(), copy.id(), today);
		RuleSetContent c = copy.content();
		List<RuleRow> rows = new java.util.ArrayList<>(c.rows());
		rows.set(1, new RuleRow(rows.get(1).condition().replace("2 * ", "2.5 * "), "RELATIVE", "相对困难", "Relative hardship"));
		RuleSetView draft = ruleSets.update(place.scope(), copy.id(), new RuleSetContent(c.nameZh(), c.nameEn(),
				c.description(), rows, c.defaultOutcome(), c.defaultLabelZh(), c.defaultLabelEn(), List.of(
						new TestCase("2.5 倍", Map.of("income_year", 21600, "size", 3), Map.of("dibao_urban", new BigDecimal("300")), "RELATIVE"))));
		assertThat(draft.version()).isEqualTo(2);
		LocalDate tomorrow = today.plusDays(1);
		Map<Long, String> before = outcomes(copy.code(), tomorrow);
		WhatIfResult result = whatIf.run(place.scope(), new WhatIfRequest(copy.code(), tomorrow, null, draft.id(), "township", 1, 50),
				Locale.SIMPLIFIED_CHINESE);
		ruleSets.activate(place.scope(), draft.id(), tomorrow);
		Map<Long, String> after = outcomes(copy.code(), tomorrow);
		assertWhatIfMatches(result, before, after);
		assertThat(result.proposedVersion()).isEqualTo(2);
		assertThat(result.changed()).isPositive();
	}

	@Test
	void whatIfWithNationalFiguresOnlyEqualsTheMovesSeenOneByOne() {
		// custom kinds nobody else uses, so only national figures exist for them (one region key)
		String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		String monthly = "wi_m_" + tag;
		String yearly = "wi_y_" + tag;
		standards.addKind(new StandardCommands.AddStandardKind(monthly, StandardBasis.MONTH, "测试线" + tag, "Test line " + tag));
		standards.addKind(new StandardCommands.AddStandardKind(yearly, StandardBasis.YEAR, "年线" + tag, "Yearly line " + tag));
		org.bangfu.shared.Scope country = fixtures.everything();
		standards.add(country, new AddStandard(monthly, null, new BigDecimal("300"), null, LocalDate.of(2020, 1, 1), null, null));
		standards.add(country, new AddStandard(yearly, null, new BigDecimal("4200"), null, LocalDate.of(2020, 1, 1), null, null));
		String code = "national-" + tag;
		RuleSetView rs = ruleSets.create(place.scope(), code, new RuleSetContent("全国线", "National lines", null, List.of(
				new RuleRow("per_capita_income_month < std('" + monthly + "')", "LOW", "低", "Low"),
				new RuleRow("per_capita_income_month < std_month('" + yearly + "')", "NEAR", "边缘", "Near")),
				"NONE", "否", "None", List.of(new TestCase("低于月线", Map.of("per_capita_income_month", 100),
						Map.of(monthly, new BigDecimal("300"), yearly, new BigDecimal("4200")), "LOW"),
						new TestCase("年线折月 350", Map.of("per_capita_income_month", 349.99),
								Map.of(monthly, new BigDecimal("300"), yearly, new BigDecimal("4200")), "NEAR"))));
		ruleSets.activate(place.scope(), rs.id(), today);
		Map<Long, String> before = outcomes(code, today);
		WhatIfResult result = whatIf.run(place.scope(), new WhatIfRequest(code, today,
				new WhatIfRequest.ProposedStandard(monthly, null, new BigDecimal("340"), null), null, "county", 1, 100),
				Locale.SIMPLIFIED_CHINESE);
		standards.add(country, new AddStandard(monthly, null, new BigDecimal("340"), null, today, null, null));
		Map<Long, String> after = outcomes(code, today);
		assertWhatIfMatches(result, before, after);
		assertThat(result.changed()).isPositive();
		assertThat(before.values()).contains("LOW", "NEAR", "NONE");
	}

	void assertWhatIfMatches(WhatIfResult result, Map<Long, String> before, Map<Long, String> after) {
		Map<String, Long> expected = new TreeMap<>();
		long changed = 0;
		for (long id : households) {
			if (!before.get(id).equals(after.get(id))) {
				expected.merge(before.get(id) + "→" + after.get(id), 1L, Long::sum);
				changed++;
			}
		}
		Map<String, Long> actual = new TreeMap<>();
		result.moves().forEach(m -> actual.merge(m.from() + "→" + m.to(), m.count(), Long::sum));
		assertThat(actual).isEqualTo(expected);
		assertThat(result.changed()).isEqualTo(changed);
		assertThat(result.households()).isEqualTo(households.size());
		for (WhatIfResult.ClassCount c : result.classes()) {
			assertThat(c.before()).as(c.outcome()).isEqualTo(before.values().stream().filter(c.outcome()::equals).count());
			assertThat(c.after()).as(c.outcome()).isEqualTo(after.values().stream().filter(c.outcome()::equals).count());
		}
		assertThat(result.changedHouseholds()).hasSize((int) Math.min(changed, result.size()));
		result.changedHouseholds().forEach(h -> {
			assertThat(h.from()).isEqualTo(before.get(h.householdId()));
			assertThat(h.to()).isEqualTo(after.get(h.householdId()));
		});
	}

	Map<Long, String> outcomes(String code, LocalDate on) {
		Map<Long, String> out = new HashMap<>();
		for (long id : households) {
			out.put(id, decisions.evaluate(place.scope(), id, code, on, Locale.SIMPLIFIED_CHINESE).outcome());
		}
		return out;
	}

	JobView await(long job) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			JobView v = jobs.find(job).orElseThrow();
			if (v.status().equals("DONE") || v.status().equals("FAILED")) {
				return v;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job " + job + " did not finish");
	}

}
