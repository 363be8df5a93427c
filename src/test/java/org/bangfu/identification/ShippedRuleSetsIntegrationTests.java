package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The rule sets Bangfu ships are loaded, active and pass their own example households. */
@IntegrationTest
@Import(Fixtures.class)
class ShippedRuleSetsIntegrationTests {

	static final List<String> SHIPPED = List.of("union-classes", "company-plan6", "township-plan21", "tiers-plan4",
			"near-dibao", "expenditure-driven", "dibao-plan10");

	@Autowired
	RuleSets ruleSets;

	@Autowired
	Fixtures fixtures;

	@Test
	void everyShippedRuleSetIsActiveAndPassesItsTestCases() {
		List<RuleSetView> all = ruleSets.list(fixtures.everything());
		for (String code : SHIPPED) {
			RuleSetView rs = all.stream().filter(r -> r.code().equals(code) && r.active()).findFirst().orElseThrow();
			assertThat(rs.shipped()).isTrue();
			assertThat(rs.status()).as(code).isEqualTo(RuleSetStatus.ACTIVE);
			List<TestResult> results = ruleSets.runTests(fixtures.everything(), rs.id(), Locale.SIMPLIFIED_CHINESE);
			assertThat(results).as(code + " has example households").hasSizeGreaterThanOrEqualTo(4);
			assertThat(results).as(code).allSatisfy(r -> assertThat(r.passed()).as(r.name() + ": got " + r.actual() + " — " + r.reason()).isTrue());
		}
	}

	@Test
	void theUnionWorkedExampleIsExplainedLikeTheIssueSays() {
		RuleSetView rs = ruleSets.list(fixtures.everything()).stream()
			.filter(r -> r.code().equals("union-classes") && r.active())
			.findFirst()
			.orElseThrow();
		TestResult example = ruleSets.runTests(fixtures.everything(), rs.id(), Locale.SIMPLIFIED_CHINESE).get(0);
		assertThat(example.reason()).isEqualTo("(家庭年收入 24,000 − 年刚性支出 6,000) ÷ 12 ÷ 家庭人口 3 = 500.00 < 2 × 城市低保标准（每人每月） 300 = 600 ✓ → 相对困难");
		TestResult english = ruleSets.runTests(fixtures.everything(), rs.id(), Locale.ENGLISH).get(0);
		assertThat(english.reason()).endsWith("→ Relative hardship");
	}

}
