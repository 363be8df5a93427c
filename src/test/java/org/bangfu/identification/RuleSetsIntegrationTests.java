package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** A rule set's life: draft edited in place, activation only with passing cases, new versions, periods, ownership. */
@IntegrationTest
@Import({ Fixtures.class, Places.class })
class RuleSetsIntegrationTests {

	@Autowired
	RuleSets ruleSets;

	@Autowired
	Decisions decisions;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	Standards standards;

	@Autowired
	Places places;

	@Autowired
	Fixtures fixtures;

	Places.Place place;

	LocalDate today;

	@BeforeEach
	void setUp() {
		place = places.county("规则测试工会");
		today = decisions.today();
	}

	static RuleSetContent content(String line, TestCase... cases) {
		return new RuleSetContent("月收入线", "Monthly line", null,
				List.of(new RuleRow("per_capita_income_month < " + line, "LOW", "低收入", "Low income")), "NONE", "不是",
				"Not", List.of(cases));
	}

	static TestCase low(String perCapita) {
		return new TestCase("人均 " + perCapita, Map.of("per_capita_income_month", perCapita), Map.of(), "LOW");
	}

	String code() {
		return "line-" + System.nanoTime() % 100000000;
	}

	@Test
	void aDraftIsEditedInPlaceAndActivatedOnlyWhenEveryCasePasses() {
		RuleSetView draft = ruleSets.create(place.scope(), code(), content("200", low("199.99"), low("200")));
		assertThat(draft.version()).isEqualTo(1);
		assertThat(draft.status()).isEqualTo(RuleSetStatus.DRAFT);
		List<TestResult> results = ruleSets.runTests(place.scope(), draft.id(), Locale.SIMPLIFIED_CHINESE);
		assertThat(results).extracting(TestResult::passed).containsExactly(true, false);
		assertThat(results.get(1).reason()).isEqualTo("各行条件都不成立 → 不是");
		assertThatThrownBy(() -> ruleSets.activate(place.scope(), draft.id(), today))
			.isInstanceOf(BangfuException.class)
			.satisfies(ex -> assertThat(((BangfuException) ex).messageKey()).isEqualTo("identification.ruleSet.testsFail"))
			.satisfies(ex -> assertThat(((BangfuException) ex).args()).containsExactly(1))
			.isInstanceOfSatisfying(ActivationRefused.class, ex -> assertThat(ex.failures())
				.extracting(TestResult::index, TestResult::name, TestResult::expected, TestResult::actual)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "人均 200", "LOW", "NONE")));

		RuleSetView fixed = ruleSets.update(place.scope(), draft.id(), content("200.01", low("199.99"), low("200")));
		assertThat(fixed.id()).isEqualTo(draft.id());
		RuleSetView active = ruleSets.activate(place.scope(), draft.id(), today.minusDays(30));
		assertThat(active.status()).isEqualTo(RuleSetStatus.ACTIVE);
		assertThat(active.effectiveFrom()).isEqualTo(today.minusDays(30));
		assertThat(active.standardKinds()).isEmpty();
	}

	@Test
	void editingAnActiveSetMakesANewVersionAndOldDatesKeepTheOldVersion() {
		String code = code();
		RuleSetView v1 = ruleSets.create(place.scope(), code, content("300", low("299")));
		ruleSets.activate(place.scope(), v1.id(), today.minusDays(100));
		RuleSetView v2 = ruleSets.update(place.scope(), v1.id(), content("500", low("499")));
		assertThat(v2.id()).isNotEqualTo(v1.id());
		assertThat(v2.version()).isEqualTo(2);
		assertThat(v2.draft()).isTrue();
		assertThatThrownBy(() -> ruleSets.update(place.scope(), v1.id(), content("600", low("599"))))
			.satisfies(ex -> assertThat(((BangfuException) ex).messageKey()).isEqualTo("identification.ruleSet.draftExists"));
		assertThatThrownBy(() -> ruleSets.activate(place.scope(), v2.id(), today.minusDays(200)))
			.satisfies(ex -> assertThat(((BangfuException) ex).messageKey()).isEqualTo("identification.ruleSet.startTooEarly"));
		ruleSets.activate(place.scope(), v2.id(), today);

		List<RuleSetView> versions = ruleSets.versions(place.scope(), v1.id());
		assertThat(versions).extracting(RuleSetView::version, RuleSetView::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, RuleSetStatus.ACTIVE),
					org.assertj.core.groups.Tuple.tuple(1, RuleSetStatus.RETIRED));
		assertThat(versions.get(1).effectiveTo()).isEqualTo(today.minusDays(1));

		standards.add(place.scope(), new AddStandard("dibao_urban", place.county(), new BigDecimal("300"), null,
				LocalDate.of(2020, 1, 1), null, null));
		HouseholdView h = places.workedExample(place.scope(), place.township(), today);
		// filed long ago: an earlier date reads its file (a date before the filing would be 'not yet filed')
		jdbc.sql("UPDATE registry_change SET changed_at = changed_at - interval '60 days' WHERE household_id = ?").param(h.id()).update();
		Evaluation now = decisions.evaluate(place.scope(), h.id(), code, today, Locale.SIMPLIFIED_CHINESE);
		assertThat(now.ruleSetVersion()).isEqualTo(2);
		assertThat(now.outcome()).isEqualTo("LOW");
		Evaluation before = decisions.evaluate(place.scope(), h.id(), code, today.minusDays(10), Locale.SIMPLIFIED_CHINESE);
		assertThat(before.ruleSetVersion()).isEqualTo(1);
		assertThat(before.outcome()).isEqualTo("LOW");
		assertThat(before.explanation().summary()).isEqualTo("人均月收入 233.333333… < 300 ✓ → 低收入");

		RuleSetView retired = ruleSets.retire(place.scope(), v2.id(), today);
		assertThat(retired.status()).isEqualTo(RuleSetStatus.RETIRED);
		assertThatThrownBy(() -> decisions.evaluate(place.scope(), h.id(), code, today.plusDays(1), Locale.SIMPLIFIED_CHINESE))
			.satisfies(ex -> assertThat(((BangfuException) ex).messageKey()).isEqualTo("identification.ruleSet.noneInForce"));
	}

	@Test
	void aRuleSetOfAnAncestorCanBeReadAndCopiedButNotChanged() {
		RuleSetView union = ruleSets.list(place.scope()).stream()
			.filter(r -> r.code().equals("union-classes") && r.active())
			.findFirst()
			.orElseThrow();
		assertThat(ruleSets.writable(place.scope(), union)).isFalse();
		assertThatThrownBy(() -> ruleSets.update(place.scope(), union.id(), union.content()))
			.satisfies(ex -> assertThat(((BangfuException) ex).problem()).isEqualTo(Problem.FORBIDDEN));
		RuleSetView copy = ruleSets.copy(place.scope(), union.id(), code());
		assertThat(copy.organisationId()).isEqualTo(place.organisation().id());
		assertThat(copy.content().rows()).isEqualTo(union.content().rows());
		assertThat(ruleSets.list(places.county("邻居").scope())).extracting(RuleSetView::code).doesNotContain(copy.code())
			.contains("union-classes");
	}

	@Test
	void aRuleThatTriesToRunCodeIsRefusedWhenSaved() {
		assertThatThrownBy(() -> ruleSets.create(place.scope(), code(), content("size; Runtime.exec('rm -rf /')")))
			.isInstanceOf(BangfuException.class)
			.satisfies(ex -> assertThat(((BangfuException) ex).field()).isEqualTo("rows[0].condition"))
			.satisfies(ex -> assertThat(((BangfuException) ex).messageKey()).isEqualTo("identification.expr.statement"));
		assertThatThrownBy(() -> ruleSets.create(place.scope(), code(), new RuleSetContent("甲", "A", null,
				List.of(new RuleRow("size > 1", "UNDECIDED", "甲", "A")), "NONE", "否", "No", List.of())))
			.satisfies(ex -> assertThat(((BangfuException) ex).messageKey()).isEqualTo("identification.rule.outcome.reserved"));
		assertThatThrownBy(() -> ruleSets.create(place.scope(), code(), content("100", new TestCase("x", Map.of("incme", 1), Map.of(), "LOW"))))
			.satisfies(ex -> assertThat(((BangfuException) ex).messageKey()).isEqualTo("identification.case.unknownFact"));
	}

}
