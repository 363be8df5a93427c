package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** Standards by region and period, one household evaluated live with its explanation, recorded, made stale. */
@IntegrationTest
@Import({ Fixtures.class, Places.class })
class DecisionsIntegrationTests {

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	Standards standards;

	@Autowired
	Decisions decisions;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Places places;

	@Autowired
	Fixtures fixtures;

	Places.Place place;

	LocalDate today;

	@BeforeEach
	void setUp() {
		place = places.county("识别测试工会");
		today = decisions.today();
	}

	AddStandard dibao(String region, String value, LocalDate from) {
		return new AddStandard("dibao_urban", region, new BigDecimal(value), null, from, null, null);
	}

	Evaluation union(long householdId, LocalDate on, Locale locale) {
		return decisions.evaluate(place.scope(), householdId, "union-classes", on, locale);
	}

	@Test
	void theWorkedExampleIsDeepHardshipAndSaysWhyWithTheStandardItsRegionPeriodAndVersion() {
		standards.add(place.scope(), dibao(place.county(), "300", LocalDate.of(2020, 1, 1)));
		HouseholdView h = places.workedExample(place.scope(), place.township(), today);

		Evaluation e = union(h.id(), today, Locale.SIMPLIFIED_CHINESE);

		assertThat(e.outcome()).isEqualTo("DEEP");
		assertThat(e.label()).isEqualTo("深度困难");
		Explanation x = e.explanation();
		assertThat(x.summary()).isEqualTo("(家庭年收入 8,400.00 − 年刚性支出 0.00) ÷ 12 ÷ 家庭人口 3 = 233.333333… < 城市低保标准（每人每月） 300.00 ✓ → 深度困难");
		assertThat(x.facts()).extracting(Explanation.FactValue::name, Explanation.FactValue::value)
			.contains(org.assertj.core.groups.Tuple.tuple("income_year", "8,400.00"), org.assertj.core.groups.Tuple.tuple("size", "3"));
		assertThat(x.facts()).extracting(Explanation.FactValue::label).contains("家庭年收入", "家庭人口");
		Explanation.StandardUse used = x.standards().get(0);
		assertThat(used.kind()).isEqualTo("dibao_urban");
		assertThat(used.value()).isEqualTo("300.00");
		assertThat(used.regionCode()).isEqualTo(place.county());
		assertThat(used.effectiveFrom()).isEqualTo(LocalDate.of(2020, 1, 1));
		assertThat(used.version()).isEqualTo(1);
		assertThat(union(h.id(), today, Locale.ENGLISH).explanation().summary()).endsWith("→ Deep hardship");
	}

	@Test
	void aTownshipFigureOverridesTheCountyFromItsStartDateAndTheOldDateKeepsTheOldFigure() {
		standards.add(place.scope(), dibao(place.county(), "300", LocalDate.of(2020, 1, 1)));
		HouseholdView here = places.workedExample(place.scope(), place.township(), today);
		HouseholdView there = places.workedExample(place.scope(), place.otherTownship(), today);
		// filed a month ago: yesterday reads the file (a date before the filing is 'not yet filed')
		jdbc.sql("UPDATE registry_change SET changed_at = changed_at - interval '30 days' WHERE household_id IN (?, ?)")
			.params(here.id(), there.id())
			.update();

		standards.add(place.scope(), dibao(place.township(), "200", today));

		assertThat(union(here.id(), today, Locale.SIMPLIFIED_CHINESE).outcome()).isEqualTo("RELATIVE");
		assertThat(union(here.id(), today.minusDays(1), Locale.SIMPLIFIED_CHINESE).outcome()).isEqualTo("DEEP");
		assertThat(union(there.id(), today, Locale.SIMPLIFIED_CHINESE).outcome()).isEqualTo("DEEP");
		Explanation.StandardUse used = union(here.id(), today, Locale.SIMPLIFIED_CHINESE).explanation().standards().get(0);
		assertThat(used.regionCode()).isEqualTo(place.township());
		assertThat(used.value()).isEqualTo("200.00");

		List<ApplicableStandard> applicable = standards.applicable(place.otherTownship(), today);
		ApplicableStandard d = applicable.stream().filter(a -> a.kind().code().equals("dibao_urban")).findFirst().orElseThrow();
		assertThat(d.inherited()).isTrue();
		assertThat(d.figure().regionCode()).isEqualTo(place.county());
		ApplicableStandard near = applicable.stream().filter(a -> a.kind().code().equals("near_dibao_multiplier")).findFirst().orElseThrow();
		assertThat(near.figure().national()).isTrue();
		assertThat(near.figure().valueText()).isEqualTo("1.50");
	}

	@Test
	void aCorrectionWithTheSameStartDateIsTheNextVersionAndWins() {
		StandardView first = standards.add(place.scope(), dibao(place.county(), "300", LocalDate.of(2024, 1, 1)));
		StandardView fixed = standards.add(place.scope(), dibao(place.county(), "320", LocalDate.of(2024, 1, 1)));
		assertThat(first.version()).isEqualTo(1);
		assertThat(fixed.version()).isEqualTo(2);
		assertThat(standards.history("dibao_urban", place.county())).extracting(StandardView::version).containsExactly(2, 1);
		assertThat(standards.resolve(place.township(), LocalDate.of(2024, 6, 1), java.util.Set.of("dibao_urban")).get("dibao_urban").value())
			.isEqualByComparingTo("320");
	}

	@Test
	void withoutTheStandardTheHouseholdIsUndecidedAndTheExplanationSaysWhichIsMissing() {
		HouseholdView h = places.workedExample(place.scope(), place.township(), today);
		Evaluation e = union(h.id(), today, Locale.SIMPLIFIED_CHINESE);
		assertThat(e.outcome()).isEqualTo("UNDECIDED");
		assertThat(e.explanation().missingStandards()).containsExactly("dibao_urban");
		assertThat(e.explanation().summary()).contains("城市低保标准").contains(place.township());
	}

	@Test
	void aRecordedDecisionKeepsItsSnapshotAndBecomesStaleWhenTheFileOrAStandardChanges() throws Exception {
		standards.add(place.scope(), dibao(place.county(), "300", LocalDate.of(2020, 1, 1)));
		HouseholdView h = places.workedExample(place.scope(), place.township(), today);
		DecisionView recorded = decisions.record(place.scope(), h.id(), "union-classes", today, Locale.SIMPLIFIED_CHINESE);
		assertThat(recorded.outcome()).isEqualTo("DEEP");
		assertThat(recorded.label()).isEqualTo("深度困难");
		assertThat(recorded.stale()).isFalse();
		assertThat(recorded.current()).isTrue();

		standards.add(place.scope(), dibao(place.township(), "150", today));
		assertThat(current(h.id()).stale()).isTrue();

		Decisions.StoredDecision shown = decisions.find(place.scope(), recorded.id(), Locale.SIMPLIFIED_CHINESE);
		assertThat(shown.explanation().summary()).isEqualTo("(家庭年收入 8,400.00 − 年刚性支出 0.00) ÷ 12 ÷ 家庭人口 3 = 233.333333… < 城市低保标准（每人每月） 300.00 ✓ → 深度困难");
		assertThat(shown.explanation().standards().get(0).value()).isEqualTo("300.00");

		DecisionView again = decisions.record(place.scope(), h.id(), "union-classes", today, Locale.SIMPLIFIED_CHINESE);
		assertThat(again.outcome()).isEqualTo("RELATIVE");
		assertThat(decisions.history(place.scope(), h.id(), Locale.SIMPLIFIED_CHINESE)).extracting(DecisionView::current)
			.containsExactly(true, false);
		assertThat(current(h.id()).stale()).isFalse();

		registry.addMember(place.scope(), h.id(), new AddMember(Places.member("张奶奶", today.minusYears(80), false,
				Relation.MOTHER, Employment.RETIRED, "0", Health.CHRONIC, null)));
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!current(h.id()).stale() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(current(h.id()).stale()).as("stale after a member was added").isTrue();
	}

	@Test
	void householdsAndDecisionsOutsideTheScopeDoNotExist() {
		standards.add(place.scope(), dibao(place.county(), "300", LocalDate.of(2020, 1, 1)));
		HouseholdView h = places.workedExample(place.scope(), place.township(), today);
		DecisionView d = decisions.record(place.scope(), h.id(), "union-classes", today, Locale.SIMPLIFIED_CHINESE);
		Scope other = places.county("别的工会").scope();
		assertThat(union(h.id(), today, Locale.SIMPLIFIED_CHINESE).outcome()).isEqualTo("DEEP");
		assertThatThrownBy(() -> decisions.evaluate(other, h.id(), today, Locale.SIMPLIFIED_CHINESE))
			.isInstanceOf(BangfuException.class)
			.extracting(ex -> ((BangfuException) ex).problem())
			.isEqualTo(Problem.NOT_FOUND);
		assertThatThrownBy(() -> decisions.find(other, d.id(), Locale.SIMPLIFIED_CHINESE))
			.extracting(ex -> ((BangfuException) ex).problem())
			.isEqualTo(Problem.NOT_FOUND);
	}

	@Test
	void aStandardOutsideTheOrganisationsRegionIsRefused() {
		Places.Place elsewhere = places.county("外地工会");
		assertThatThrownBy(() -> standards.add(place.scope(), dibao(elsewhere.county(), "300", today)))
			.extracting(ex -> ((BangfuException) ex).messageKey())
			.isEqualTo("identification.standard.outsideRegion");
		assertThatThrownBy(() -> standards.add(place.scope(), dibao(null, "300", today)))
			.extracting(ex -> ((BangfuException) ex).messageKey())
			.isEqualTo("identification.standard.outsideRegion");
		assertThatThrownBy(() -> standards.add(place.scope(), new AddStandard("near_dibao_multiplier", place.county(),
				new BigDecimal("1.5"), StandardBasis.MONTH, today, null, null)))
			.extracting(ex -> ((BangfuException) ex).messageKey())
			.isEqualTo("identification.standard.basis.mismatch");
	}

	DecisionView current(long householdId) {
		return decisions.current(place.scope(), householdId, Locale.SIMPLIFIED_CHINESE).stream()
			.filter(d -> d.ruleSetCode().equals("union-classes"))
			.findFirst()
			.orElseThrow();
	}

}
