package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.economics.EconomicsCommands.RecordAsset;
import org.bangfu.registry.economics.EconomicsCommands.RecordIncome;
import org.bangfu.registry.economics.EconomicsCommands.RecordSpending;
import org.bangfu.registry.economics.EconomicsCommands.RecordSuddenCost;
import org.bangfu.registry.economics.EconomicsVocabulary.AssetKind;
import org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind;
import org.bangfu.registry.economics.EconomicsVocabulary.Period;
import org.bangfu.registry.economics.EconomicsVocabulary.SpendingKind;
import org.bangfu.registry.economics.EconomicsVocabulary.SuddenCostKind;
import org.bangfu.registry.economics.HouseholdEconomics;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Example households filed through the register, with their economics (spending, sudden costs,
 * assets) recorded on the Economics façade: every shipped rule set reaches each of its outcomes
 * on some household, and one household's decision and the batch give the same outcome and row.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, Batches.class })
class ShippedRuleSetOutcomesIntegrationTests {

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	HouseholdEconomics economics;

	@Autowired
	Standards standards;

	@Autowired
	Decisions decisions;

	@Autowired
	RuleSets ruleSets;

	@Autowired
	Places places;

	@Autowired
	Batches batches;

	@Autowired
	Fixtures fixtures;

	Scope scope;

	LocalDate today;

	String region;

	@Test
	void everyShippedRuleSetReachesEachOfItsOutcomesAlikeForOneHouseholdAndTheBatch() throws Exception {
		Places.Place place = places.county("发布规则结果");
		scope = place.scope();
		region = place.township();
		today = decisions.today();
		LocalDate from = LocalDate.of(2020, 1, 1);
		standards.add(scope, new AddStandard("dibao_urban", place.county(), new BigDecimal("300"), null, from, null, null));
		standards.add(scope, new AddStandard("dibao_rural", place.county(), new BigDecimal("1800"), null, from, null, null));
		standards.add(scope, new AddStandard("poverty_line", place.county(), new BigDecimal("3700"), null, from, null, null));
		standards.add(scope, new AddStandard("disposable_income_last_year", place.county(), new BigDecimal("40000"), null,
				from, null, null));

		Map<String, Long> h = new LinkedHashMap<>();
		// 200 a month alone: deep, dibao, below every line but plan 4's.
		h.put("deep", file(HardshipCause.UNEMPLOYMENT, HousingType.OWN, "0", Health.HEALTHY, "200"));
		// 400 a month alone: relative, near-dibao.
		h.put("relative", file(HardshipCause.UNEMPLOYMENT, HousingType.OWN, "0", Health.HEALTHY, "400"));
		// 600 and 840 a year: plan 4's two tiers.
		h.put("tier-deep", file(HardshipCause.UNEMPLOYMENT, HousingType.OWN, "0", Health.HEALTHY, "50"));
		h.put("tier-low", file(HardshipCause.UNEMPLOYMENT, HousingType.OWN, "0", Health.HEALTHY, "70"));
		// Plan 6: a major illness, 24,000 a year, medical 12,000.01 out of pocket (a fen over half).
		long ill = file(HardshipCause.ILLNESS, HousingType.OWN, "0", Health.MAJOR_ILLNESS, "2000");
		spend(ill, SpendingKind.MEDICAL, "12000.01");
		h.put("plan6-illness", ill);
		// The same with 12,000.00: not over half.
		long illAtHalf = file(HardshipCause.ILLNESS, HousingType.OWN, "0", Health.MAJOR_ILLNESS, "2000");
		spend(illAtHalf, SpendingKind.MEDICAL, "12000.00");
		h.put("plan6-illness-at-half", illAtHalf);
		// Plan 6: renting, one earner, 12,000 a year — in; the same with a luxury purchase or 50,000 recorded savings — out.
		h.put("plan6-renting", file(HardshipCause.HOUSING, HousingType.RENTED, "0", Health.HEALTHY, "1000"));
		long luxury = file(HardshipCause.HOUSING, HousingType.RENTED, "0", Health.HEALTHY, "1000");
		economics.recordAsset(scope, luxury, new RecordAsset(AssetKind.LUXURY_PURCHASE, null, new BigDecimal("30000.00"),
				today.minusMonths(2), "高档家电"));
		h.put("plan6-luxury", luxury);
		long saver = file(HardshipCause.HOUSING, HousingType.RENTED, "0", Health.HEALTHY, "1000");
		economics.recordAsset(scope, saver, new RecordAsset(AssetKind.SAVINGS, null, new BigDecimal("50000.00"),
				today.minusMonths(1), null));
		h.put("plan6-savings", saver);
		// An accident: two earners, 36,000 a year, 30,000 of costs of which 1,199.99 covered (28,800.01 > 80%).
		long accident = file(HardshipCause.ACCIDENT, HousingType.OWN, "1500", Health.HEALTHY, "1500");
		economics.recordSuddenCost(scope, accident, new RecordSuddenCost(SuddenCostKind.ACCIDENT, today, new BigDecimal("30000.00"),
				new BigDecimal("1199.99"), null));
		h.put("accident", accident);
		// The same costs, 1,200 covered: exactly 80%.
		long accidentAt80 = file(HardshipCause.ACCIDENT, HousingType.OWN, "1500", Health.HEALTHY, "1500");
		economics.recordSuddenCost(scope, accidentAt80, new RecordSuddenCost(SuddenCostKind.ACCIDENT, today,
				new BigDecimal("30000.00"), new BigDecimal("1200.00"), null));
		h.put("accident-at-80", accidentAt80);
		// Plan 21: 11,400 for two (5,700 a head), 300.01 out of pocket: 5,549.995 a head after medical costs.
		long township = file(HardshipCause.ILLNESS, HousingType.OWN, "475", Health.CHRONIC, "475");
		spend(township, SpendingKind.MEDICAL, "300.01");
		h.put("plan21-medical", township);
		long townshipAtLine = file(HardshipCause.ILLNESS, HousingType.OWN, "475", Health.CHRONIC, "475");
		spend(townshipAtLine, SpendingKind.MEDICAL, "300.00");
		h.put("plan21-at-line", townshipAtLine);
		// Expenditure-driven: 30,000 alone, schooling 12,000 + care 9,000.01 (a fen over 70%).
		long heavy = file(HardshipCause.SCHOOLING, HousingType.OWN, "0", Health.HEALTHY, "2500");
		spend(heavy, SpendingKind.SCHOOLING, "12000.00");
		spend(heavy, SpendingKind.CARE, "9000.01");
		h.put("expenditure-70", heavy);
		long atSeventy = file(HardshipCause.SCHOOLING, HousingType.OWN, "0", Health.HEALTHY, "2500");
		spend(atSeventy, SpendingKind.SCHOOLING, "12000.00");
		spend(atSeventy, SpendingKind.CARE, "9000.00");
		h.put("expenditure-at-70", atSeventy);
		// Well off: 10,000 a month for two.
		h.put("well-off", file(HardshipCause.OTHER, HousingType.OWN, "5000", Health.HEALTHY, "5000"));

		Map<String, Map<Long, Batches.Decided>> batch = new TreeMap<>();
		List<String> codes = ShippedRuleSetsIntegrationTests.SHIPPED;
		for (String code : codes) {
			batch.put(code, batches.run(place, code, today));
		}
		Map<String, Set<String>> reached = new TreeMap<>();
		Map<String, String> outcome = new TreeMap<>();
		List<String> disagreements = new ArrayList<>();
		for (var e : h.entrySet()) {
			for (String code : codes) {
				Evaluation one = decisions.evaluate(scope, e.getValue(), code, today, Locale.SIMPLIFIED_CHINESE);
				Batches.Decided b = batch.get(code).get(e.getValue());
				String single = one.outcome() + "#" + one.explanation().matchedRow();
				String batched = b == null ? "missing" : b.outcome() + "#" + b.row();
				if (!single.equals(batched)) {
					disagreements.add(e.getKey() + " " + code + ": " + single + " vs batch " + batched + " — "
							+ one.explanation().summary());
				}
				reached.computeIfAbsent(code, k -> new TreeSet<>()).add(one.outcome());
				outcome.put(e.getKey() + " " + code, one.outcome() + " (" + one.explanation().summary() + ")");
			}
		}
		assertThat(disagreements).as("one household and the batch").isEmpty();

		for (String code : codes) {
			RuleSetView rs = ruleSets.list(fixtures.everything()).stream()
				.filter(r -> r.code().equals(code) && r.active())
				.findFirst()
				.orElseThrow();
			assertThat(reached.get(code)).as(code + " reaches each of its outcomes; decided: " + outcome)
				.containsAll(rs.content().outcomes());
		}

		expect(outcome, "deep", "union-classes", "DEEP");
		expect(outcome, "relative", "union-classes", "RELATIVE");
		expect(outcome, "relative", "near-dibao", "NEAR_DIBAO");
		expect(outcome, "deep", "near-dibao", "DIBAO");
		expect(outcome, "deep", "dibao-plan10", "DIBAO");
		expect(outcome, "tier-deep", "tiers-plan4", "DEEP");
		expect(outcome, "tier-low", "tiers-plan4", "LOW_INCOME");
		expect(outcome, "plan6-illness", "company-plan6", "HARDSHIP");
		expect(outcome, "plan6-illness-at-half", "company-plan6", "NONE");
		expect(outcome, "plan6-renting", "company-plan6", "HARDSHIP");
		expect(outcome, "plan6-luxury", "company-plan6", "NONE");
		expect(outcome, "plan6-savings", "company-plan6", "NONE");
		expect(outcome, "accident", "company-plan6", "HARDSHIP");
		expect(outcome, "accident", "union-classes", "ACCIDENT");
		expect(outcome, "accident-at-80", "union-classes", "NONE");
		expect(outcome, "accident", "expenditure-driven", "EXPENDITURE");
		expect(outcome, "plan21-medical", "township-plan21", "LOW_INCOME");
		expect(outcome, "plan21-at-line", "township-plan21", "NONE");
		expect(outcome, "expenditure-70", "expenditure-driven", "EXPENDITURE");
		expect(outcome, "expenditure-at-70", "expenditure-driven", "NONE");
		expect(outcome, "deep", "expenditure-driven", "EXPENDITURE");
		expect(outcome, "well-off", "union-classes", "NONE");
		expect(outcome, "well-off", "township-plan21", "NONE");
		expect(outcome, "well-off", "near-dibao", "NONE");
		expect(outcome, "well-off", "dibao-plan10", "NONE");
		expect(outcome, "well-off", "tiers-plan4", "NONE");
		expect(outcome, "well-off", "expenditure-driven", "NONE");
	}

	private static void expect(Map<String, String> outcome, String household, String code, String expected) {
		assertThat(outcome.get(household + " " + code)).as(household + " under " + code).startsWith(expected + " (");
	}

	/** A household of the head (a second member when spouseWage is not 0) with their monthly wages. */
	private long file(HardshipCause cause, HousingType housing, String spouseWage, Health health, String headWage) {
		HouseholdData data = new HouseholdData(Households.fileNo(), region, "测试地址", null, cause, List.of(),
				List.of(Category.HARDSHIP_WORKER), housing, null, housing == HousingType.RENTED ? new BigDecimal("4800.00") : null, 0,
				BigDecimal.ZERO, null, null, null, null);
		HouseholdView v = registry.file(scope, new FileHousehold(null, data, Places.member("户主", today.minusYears(45), true,
				Relation.HEAD, Employment.EMPLOYED, headWage, health, null)));
		if (!"0".equals(spouseWage)) {
			registry.addMember(scope, v.id(), new AddMember(Places.member("配偶", today.minusYears(43), false, Relation.SPOUSE,
					Employment.EMPLOYED, spouseWage, Health.HEALTHY, null)));
		}
		// The member form's wages are this month's income items of the Economics page; last year's is recorded by hand.
		long head = registry.find(scope, v.id()).orElseThrow().head().orElseThrow().id();
		economics.recordIncome(scope, v.id(), new RecordIncome(head, IncomeKind.WAGE, Period.YEAR, today.getYear() - 1, null,
				new BigDecimal(headWage).multiply(BigDecimal.valueOf(12)), null, null));
		return v.id();
	}

	private void spend(long household, SpendingKind kind, String amount) {
		economics.recordSpending(scope, household, new RecordSpending(kind, today.getYear(), new BigDecimal(amount), null, null));
	}

}
