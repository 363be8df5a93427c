package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.identification.internal.FilesAsOf;
import org.bangfu.identification.rules.Fact;
import org.bangfu.platform.jobs.JobView;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.CloseHousehold;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.HouseholdCommands.RemoveMember;
import org.bangfu.registry.HouseholdCommands.UpdateHousehold;
import org.bangfu.registry.HouseholdCommands.UpdateMember;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.registry.MemberView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.CloseReason;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.Vocabulary.Schooling;
import org.bangfu.shared.BusinessClock;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The batch and what-if for an earlier date read the households' files as they stood at the
 * end of that date (the register's history), exactly as one household evaluated for that date
 * does: members added, incomes changed, members removed, regions changed and files closed
 * later do not count; a household filed later is left out; one without history reads today's
 * file.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class })
class PastDateFactsIntegrationTests {

	static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

	@Autowired
	Decisions decisions;

	@Autowired
	Standards standards;

	@Autowired
	RuleSets ruleSets;

	@Autowired
	WhatIf whatIf;

	@Autowired
	Jobs jobs;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Places places;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BusinessClock clock;

	@Test
	void theBatchAndWhatIfForAnEarlierDateCountTheFilesOfThatDate() throws Exception {
		Places.Place place = places.county("往日批量");
		LocalDate today = decisions.today();
		LocalDate then = today.minusDays(10);
		standard(place, "dibao_urban", place.county(), "300");
		standard(place, "dibao_urban", place.otherTownship(), "100");
		// Filed a month ago (per capita 233.33: deep hardship under 300), changed since.
		HouseholdView joined = filedAMonthAgo(place);
		HouseholdView raised = filedAMonthAgo(place);
		HouseholdView left = place(place, filedAMonthAgoWith(place, earner("张二", today.minusYears(24), "2500")));
		HouseholdView moved = filedAMonthAgo(place);
		HouseholdView closedThen = filedAMonthAgo(place);
		HouseholdView closedNow = filedAMonthAgo(place);
		registry.addMember(place.scope(), joined.id(), new AddMember(grandmother(today)));
		MemberView spouse = raised.members().stream().filter(m -> m.relation() == Relation.SPOUSE).findFirst().orElseThrow();
		registry.updateMember(place.scope(), raised.id(), spouse.id(), new UpdateMember(withWage(spouse, "1500")));
		MemberView earner = left.members().stream().filter(m -> m.name().equals("张二")).findFirst().orElseThrow();
		registry.removeMember(place.scope(), left.id(), earner.id(), new RemoveMember("搬走"));
		HouseholdView m = registry.find(place.scope(), moved.id()).orElseThrow();
		registry.update(place.scope(), moved.id(), new UpdateHousehold(m.version(), data(m, place.otherTownship())));
		registry.close(place.scope(), closedThen.id(), new CloseHousehold(CloseReason.DEATH, null));
		lastChangeAt(closedThen.id(), clock.now().minus(Duration.ofDays(20)));
		registry.close(place.scope(), closedNow.id(), new CloseHousehold(CloseReason.TRANSFER, null));
		// Filed today: it did not exist ten days ago.
		HouseholdView newcomer = places.workedExample(place.scope(), place.township(), today);
		// Loaded around the façade: no history at all, so every date reads today's file (4 people, 2,700 a month).
		HouseholdView loaded = places.workedExample(place.scope(), place.township(), today);
		registry.addMember(place.scope(), loaded.id(), new AddMember(grandmother(today)));
		jdbc.sql("DELETE FROM registry_change WHERE household_id = ?").param(loaded.id()).update();

		Map<Long, Decided> past = batch(place, "union-classes", then);
		assertThat(past.keySet()).as("closed then: not decided for that date")
			.containsExactlyInAnyOrder(joined.id(), raised.id(), left.id(), moved.id(), closedNow.id(), loaded.id(), newcomer.id());
		assertThat(past.get(newcomer.id()).outcome()).as("filed later: said so, not decided from today's file")
			.isEqualTo("NOT_FILED");
		assertThat(past.get(joined.id()).outcome()).isEqualTo("DEEP");
		assertThat(past.get(raised.id()).outcome()).isEqualTo("DEEP");
		assertThat(past.get(left.id()).outcome()).as("(700 + 2,500) ÷ 4 = 800").isEqualTo("NONE");
		assertThat(past.get(moved.id()).outcome()).as("still in the township with the 300 line").isEqualTo("DEEP");
		assertThat(past.get(moved.id()).region()).isEqualTo(place.township());
		assertThat(past.get(closedNow.id()).outcome()).isEqualTo("DEEP");
		assertThat(past.get(loaded.id()).outcome()).as("no history: today's file").isEqualTo("NONE");
		Explanation shown = decisions.find(place.scope(), past.get(joined.id()).id(), ZH).explanation();
		assertThat(shown.facts()).extracting(Explanation.FactValue::name, Explanation.FactValue::value)
			.contains(tuple("size", "3"), tuple("income_year", "8,400.00"));
		assertThat(shown.summary())
			.isEqualTo("(家庭年收入 8,400.00 − 年刚性支出 0.00) ÷ 12 ÷ 家庭人口 3 = 233.333333… < 城市低保标准（每人每月） 300.00 ✓ → 深度困难");
		assertThat(decisions.find(place.scope(), past.get(loaded.id()).id(), ZH).explanation().facts())
			.extracting(Explanation.FactValue::name, Explanation.FactValue::value)
			.contains(tuple("size", "4"), tuple("income_year", "32,400.00"));
		for (long id : past.keySet()) {
			assertThat(past.get(id).outcome()).as("household %d as one household evaluated for that date", id)
				.isEqualTo(decisions.evaluate(place.scope(), id, "union-classes", then, ZH).outcome());
		}

		Map<Long, Decided> now = batch(place, "union-classes", today);
		assertThat(now.keySet()).containsExactlyInAnyOrder(joined.id(), raised.id(), left.id(), moved.id(), newcomer.id(),
				loaded.id());
		assertThat(now.get(joined.id()).outcome()).as("2,700 ÷ 4 = 675").isEqualTo("NONE");
		assertThat(now.get(raised.id()).outcome()).as("1,500 ÷ 3 = 500 < 2 × 300").isEqualTo("RELATIVE");
		assertThat(now.get(left.id()).outcome()).isEqualTo("DEEP");
		assertThat(now.get(moved.id()).outcome()).as("233.33 against the other township's 100").isEqualTo("NONE");
		assertThat(now.get(moved.id()).region()).isEqualTo(place.otherTownship());
		assertThat(now.get(newcomer.id()).outcome()).isEqualTo("DEEP");
		assertThat(decisions.find(place.scope(), now.get(joined.id()).id(), ZH).explanation().facts())
			.extracting(Explanation.FactValue::name, Explanation.FactValue::value)
			.contains(tuple("size", "4"), tuple("income_year", "32,400.00"));

		// What-if for that date: a county line of 200 would move the four deep households of then (233.33) to relative.
		WhatIfResult result = whatIf.run(place.scope(), new WhatIfRequest("union-classes", then,
				new WhatIfRequest.ProposedStandard("dibao_urban", place.county(), new BigDecimal("200"), null), null, "county", 1,
				100), ZH);
		assertThat(result.households()).isEqualTo(6);
		assertThat(result.classes()).extracting(WhatIfResult.ClassCount::outcome, WhatIfResult.ClassCount::before,
				WhatIfResult.ClassCount::after)
			.contains(tuple("DEEP", 4L, 0L), tuple("RELATIVE", 0L, 4L), tuple("NONE", 2L, 2L));
		assertThat(result.changedHouseholds()).extracting(WhatIfResult.ChangedHousehold::householdId)
			.containsExactlyInAnyOrder(joined.id(), raised.id(), moved.id(), closedNow.id());
		WhatIfResult today2 = whatIf.run(place.scope(), new WhatIfRequest("union-classes", today,
				new WhatIfRequest.ProposedStandard("dibao_urban", place.county(), new BigDecimal("200"), null), null, "county", 1,
				100), ZH);
		assertThat(today2.households()).as("today's files: the newcomer in, the closed ones out").isEqualTo(6);
		assertThat(today2.changedHouseholds()).extracting(WhatIfResult.ChangedHousehold::householdId)
			.containsExactlyInAnyOrder(left.id(), newcomer.id(), raised.id());
	}

	@Test
	void theEndOfTheDateIsTheSameForTheBatchAndOneHousehold() throws Exception {
		Places.Place place = places.county("日终");
		LocalDate today = decisions.today();
		LocalDate then = today.minusDays(10);
		standard(place, "dibao_urban", place.county(), "300");
		HouseholdView lastMinute = filedAMonthAgo(place);
		HouseholdView nextMorning = filedAMonthAgo(place);
		registry.addMember(place.scope(), lastMinute.id(), new AddMember(grandmother(today)));
		lastChangeAt(lastMinute.id(), FilesAsOf.end(then).minusMillis(1));
		registry.addMember(place.scope(), nextMorning.id(), new AddMember(grandmother(today)));
		lastChangeAt(nextMorning.id(), FilesAsOf.end(then));

		Map<Long, Decided> past = batch(place, "union-classes", then);
		assertThat(past.get(lastMinute.id()).outcome()).as("joined at 23:59:59.999 that day").isEqualTo("NONE");
		assertThat(past.get(nextMorning.id()).outcome()).as("joined at midnight after it").isEqualTo("DEEP");
		for (long id : List.of(lastMinute.id(), nextMorning.id())) {
			assertThat(decisions.evaluate(place.scope(), id, "union-classes", then, ZH).outcome()).isEqualTo(past.get(id).outcome());
		}
	}

	/**
	 * 200 households filed through the register 40 days ago, edited at random 20 days ago and
	 * today: for 25 and 10 days ago every batch decision (every shipped rule set and one that
	 * uses every fact) equals the household evaluated alone for that date, with the same facts.
	 */
	@Test
	void forManyEditedHouseholdsTheBatchOfAnEarlierDateEqualsEachHouseholdEvaluatedAlone() throws Exception {
		Places.Place place = places.county("往日对照");
		LocalDate today = decisions.today();
		standard(place, "dibao_urban", place.county(), "300");
		standard(place, "dibao_urban", place.township(), "320");
		standard(place, "dibao_rural", place.county(), "1800");
		standard(place, "poverty_line", place.county(), "3700");
		standard(place, "disposable_income_last_year", place.county(), "40000");
		String allFacts = allFactsRuleSet(place, today.minusDays(60));
		Random r = new Random(20261129);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			ids.add(file(place, r, today));
		}
		shiftHistory(ids, 0, Duration.ofDays(40));
		long mark = maxChange();
		Set<Long> closedAt20 = edit(place, r, ids, today, Set.of());
		shiftHistory(ids, mark, Duration.ofDays(20));
		edit(place, r, ids, today, closedAt20);

		List<String> codes = new ArrayList<>(SetBasedEvaluationIntegrationTests.SHIPPED);
		codes.add(allFacts);
		int differing = 0;
		for (LocalDate on : List.of(today.minusDays(25), today.minusDays(10))) {
			Map<String, Map<Long, Decided>> stored = new HashMap<>();
			for (String code : codes) {
				stored.put(code, batch(place, code, on));
			}
			Set<Long> expected = new HashSet<>(ids);
			if (on.isAfter(today.minusDays(20))) {
				expected.removeAll(closedAt20);
			}
			assertThat(stored.get("union-classes").keySet()).as("open on %s", on).isEqualTo(expected);
			for (long id : expected) {
				Map<String, Evaluation> alone = new HashMap<>();
				decisions.evaluate(place.scope(), id, on, ZH).forEach(e -> alone.put(e.ruleSetCode(), e));
				for (String code : codes) {
					Evaluation e = alone.get(code);
					assertThat(stored.get(code).get(id).outcome() + "#" + stored.get(code).get(id).row())
						.as("household %d under %s on %s: %s", id, code, on, e.explanation().summary())
						.isEqualTo(e.outcome() + "#" + e.explanation().matchedRow());
				}
				List<Explanation.FactValue> batchFacts = decisions.find(place.scope(), stored.get(allFacts).get(id).id(), ZH)
					.explanation()
					.facts();
				assertThat(batchFacts).as("facts of household %d on %s", id, on).isEqualTo(alone.get(allFacts).explanation().facts());
				if (!batchFacts.equals(decisions.evaluate(place.scope(), id, allFacts, today, ZH).explanation().facts())) {
					differing++;
				}
			}
		}
		assertThat(differing).as("the edits since changed many files: the dates really read older files").isGreaterThan(150);
	}

	// --- households

	HouseholdView filedAMonthAgo(Places.Place place) {
		HouseholdView h = places.workedExample(place.scope(), place.township(), decisions.today());
		shiftHistory(List.of(h.id()), 0, Duration.ofDays(30));
		return h;
	}

	long filedAMonthAgoWith(Places.Place place, MemberData extra) {
		HouseholdView h = places.workedExample(place.scope(), place.township(), decisions.today());
		registry.addMember(place.scope(), h.id(), new AddMember(extra));
		shiftHistory(List.of(h.id()), 0, Duration.ofDays(30));
		return h.id();
	}

	HouseholdView place(Places.Place place, long id) {
		return registry.find(place.scope(), id).orElseThrow();
	}

	static MemberData grandmother(LocalDate today) {
		return Places.member("张奶奶", today.minusYears(75), false, Relation.MOTHER, Employment.RETIRED, "2000", Health.HEALTHY, null);
	}

	static MemberData earner(String name, LocalDate birth, String wage) {
		return Places.member(name, birth, true, Relation.SON, Employment.EMPLOYED, wage, Health.HEALTHY, null);
	}

	/** A random household filed through the register; returns its id. */
	long file(Places.Place place, Random r, LocalDate today) {
		HousingType housing = pick(r, HousingType.values());
		HouseholdData data = new HouseholdData(Households.fileNo(), r.nextBoolean() ? place.township() : place.otherTownship(),
				"测试地址", null, r.nextInt(5) == 0 ? null : HardshipCause.ILLNESS,
				r.nextInt(3) == 0 ? List.of(pick(r, HardshipCause.ACCIDENT, HardshipCause.DISASTER, HardshipCause.SINGLE_PARENT)) : List.of(),
				r.nextInt(4) == 0 ? List.of(pick(r, Category.values())) : List.of(), housing,
				r.nextBoolean() ? money(r, 10, 150) : null, housing == HousingType.RENTED ? money(r, 0, 20000) : null, r.nextInt(5) == 0 ? 1 : 0,
				r.nextInt(8) == 0 ? new BigDecimal("50000.00") : r.nextInt(3) == 0 ? null : money(r, 0, 90000),
				r.nextInt(10) == 0 ? "小卖部" : null, null, null, null);
		HouseholdView h = registry.file(place.scope(), new FileHousehold(null, data, person(r, Relation.HEAD, today)));
		int size = r.nextInt(4);
		for (int i = 0; i < size; i++) {
			registry.addMember(place.scope(), h.id(), new AddMember(person(r, pick(r, Relation.SPOUSE, Relation.SON, Relation.DAUGHTER,
					Relation.MOTHER, Relation.GRANDSON), today)));
		}
		return h.id();
	}

	/** One round of random edits through the register; returns the households it closed. */
	Set<Long> edit(Places.Place place, Random r, List<Long> ids, LocalDate today, Set<Long> closed) {
		Set<Long> closing = new HashSet<>();
		for (long id : ids) {
			if (closed.contains(id)) {
				continue;
			}
			HouseholdView h = registry.find(place.scope(), id).orElseThrow();
			List<MemberView> others = h.members().stream().filter(m -> !m.head()).toList();
			int what = r.nextInt(20);
			if (what < 6) {
				MemberView m = h.members().get(r.nextInt(h.members().size()));
				registry.updateMember(place.scope(), id, m.id(), new UpdateMember(withWage(m, money(r, 0, 3000).toPlainString())));
			}
			else if (what < 10) {
				registry.addMember(place.scope(), id, new AddMember(person(r, pick(r, Relation.SON, Relation.FATHER, Relation.GRANDDAUGHTER), today)));
			}
			else if (what < 13 && !others.isEmpty()) {
				registry.removeMember(place.scope(), id, others.get(r.nextInt(others.size())).id(), new RemoveMember(null));
			}
			else if (what < 17) {
				HousingType housing = pick(r, HousingType.values());
				HouseholdData d = data(h, r.nextInt(3) == 0 ? (h.regionCode().equals(place.township()) ? place.otherTownship() : place.township())
						: h.regionCode());
				registry.update(place.scope(), id, new UpdateHousehold(h.version(), new HouseholdData(d.fileNo(), d.regionCode(), d.address(),
						d.phone(), r.nextBoolean() ? HardshipCause.UNEMPLOYMENT : null, d.secondaryCauses(),
						r.nextBoolean() ? List.of(pick(r, Category.values())) : List.of(), housing, d.floorArea(),
						housing == HousingType.RENTED ? money(r, 0, 20000) : null, r.nextInt(3), money(r, 0, 60000), d.business(),
						d.bankName(), null, d.remarks())));
			}
			else if (what < 18) {
				registry.close(place.scope(), id, new CloseHousehold(CloseReason.OTHER, null));
				closing.add(id);
			}
		}
		return closing;
	}

	static MemberData person(Random r, Relation relation, LocalDate today) {
		int age = relation == Relation.HEAD ? 25 + r.nextInt(60) : r.nextInt(90);
		LocalDate birth = today.minusYears(age).minusDays(r.nextInt(365));
		if (r.nextInt(12) == 0) {
			birth = today.minusYears(r.nextBoolean() ? 18 : 60).plusDays(r.nextInt(30) - 15);
		}
		Health health = pick(r, Health.HEALTHY, Health.HEALTHY, Health.CHRONIC, Health.MAJOR_ILLNESS, Health.DISABLED);
		Integer grade = health == Health.DISABLED ? 1 + r.nextInt(4) : null;
		Schooling schooling = age < 26 && r.nextBoolean() ? pick(r, Schooling.values()) : null;
		Employment employment = r.nextInt(8) == 0 ? null : pick(r, Employment.values());
		String hukou = relation == Relation.HEAD ? pick(r, "农业", "非农业", "rural", null) : null;
		BigDecimal wage = r.nextBoolean() ? money(r, 0, 3000) : BigDecimal.ZERO;
		BigDecimal pension = r.nextInt(5) == 0 ? money(r, 0, 2000) : null;
		BigDecimal transfer = r.nextInt(6) == 0 ? money(r, 0, 500) : null;
		List<Category> categories = r.nextInt(6) == 0 ? List.of(pick(r, Category.values())) : List.of();
		return new MemberData("成员" + r.nextInt(1000), Households.idNumber(birth, r.nextBoolean()), relation, "汉族", null, hukou,
				employment, null, null, wage, null, null, transfer, pension, health, null, null, grade, schooling, null, null,
				categories);
	}

	static MemberData withWage(MemberView m, String wage) {
		return new MemberData(m.name(), null, m.relation(), m.ethnicity(), m.maritalStatus(), m.hukouType(), m.employment(),
				m.employer(), m.phone(), new BigDecimal(wage), m.businessIncome(), m.propertyIncome(), m.transferIncome(),
				m.pension(), m.health(), m.disease(), m.disabilityKind(), m.disabilityGrade(), m.schooling(), m.school(),
				m.medicalInsurance(), m.categories());
	}

	static HouseholdData data(HouseholdView h, String region) {
		return new HouseholdData(h.fileNo(), region, h.address(), h.phone(), h.mainCause(), h.secondaryCauses(), h.categories(),
				h.housingType(), h.floorArea(), h.annualRent(), h.vehicles(), h.savings(), h.business(), h.bankName(), null,
				h.remarks());
	}

	// --- history times

	void shiftHistory(List<Long> ids, long afterChange, Duration back) {
		jdbc.sql("UPDATE registry_change SET changed_at = changed_at - CAST(:back AS interval) WHERE household_id IN (:ids) AND id > :after")
			.param("back", back.toSeconds() + " seconds")
			.param("ids", ids)
			.param("after", afterChange)
			.update();
	}

	void lastChangeAt(long householdId, Instant at) {
		jdbc.sql("UPDATE registry_change SET changed_at = :at WHERE id = (SELECT max(id) FROM registry_change WHERE household_id = :id)")
			.param("at", Timestamp.from(at))
			.param("id", householdId)
			.update();
	}

	long maxChange() {
		return jdbc.sql("SELECT coalesce(max(id), 0) FROM registry_change").query(Long.class).single();
	}

	// --- identification

	void standard(Places.Place place, String kind, String region, String value) {
		standards.add(place.scope(), new AddStandard(kind, region, new BigDecimal(value), null, LocalDate.of(2020, 1, 1), null, null));
	}

	/** A rule set of the place's organisation whose rows name every fact (so its decisions keep them all). */
	String allFactsRuleSet(Places.Place place, LocalDate from) {
		List<RuleRow> rows = new ArrayList<>();
		rows.add(new RuleRow("elderly_count >= 1 and per_capita_income_month < 600", "CARE", "照护", "Care"));
		StringBuilder sum = new StringBuilder();
		StringBuilder all = new StringBuilder();
		for (Fact f : Fact.values()) {
			StringBuilder target = f.unit() == Fact.Unit.YES_NO ? all : sum;
			String op = f.unit() == Fact.Unit.YES_NO ? " and " : " + ";
			if (target.length() + f.column().length() > 900) {
				rows.add(row(f.unit() == Fact.Unit.YES_NO, target, rows.size()));
				target.setLength(0);
			}
			target.append(target.isEmpty() ? "" : op).append(f.column());
		}
		rows.add(row(false, sum, rows.size()));
		rows.add(row(true, all, rows.size()));
		String code = "all-facts-" + System.nanoTime() % 100000000;
		RuleSetView rs = ruleSets.create(place.scope(), code, new RuleSetContent("全部事实", "All facts", null, rows, "NONE", "无", "None",
				List.of(new TestCase("空", Map.of(), Map.of(), "NONE"))));
		ruleSets.activate(place.scope(), rs.id(), from);
		return code;
	}

	static RuleRow row(boolean yesNo, CharSequence expression, int n) {
		return new RuleRow(yesNo ? expression.toString() : expression + " > 1000000000", "R" + n, "行" + n, "Row " + n);
	}

	record Decided(long id, String outcome, int row, String region) {
	}

	/** Runs the batch job for the place on the date; the decisions it made, by household. */
	Map<Long, Decided> batch(Places.Place place, String code, LocalDate on) throws InterruptedException {
		long job = decisions.startBatch(place.scope(), code, null, false, on);
		JobView done = await(job);
		assertThat(done.status()).as(code + " " + done.error()).isEqualTo("DONE");
		Map<Long, Decided> out = new TreeMap<>();
		jdbc.sql("SELECT id, household_id, outcome, matched_row, region_code FROM identification_decision WHERE job_id = ? AND current")
			.param(job)
			.query((rs, n) -> out.put(rs.getLong("household_id"),
					new Decided(rs.getLong("id"), rs.getString("outcome"), rs.getInt("matched_row"), rs.getString("region_code"))))
			.list();
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

	@SafeVarargs
	static <T> T pick(Random r, T... values) {
		return values[r.nextInt(values.length)];
	}

	static BigDecimal money(Random r, int from, int to) {
		return BigDecimal.valueOf(from * 100L + r.nextInt((to - from) * 100 + 1), 2);
	}

}
