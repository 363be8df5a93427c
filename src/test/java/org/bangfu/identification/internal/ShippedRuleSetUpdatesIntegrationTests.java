package org.bangfu.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bangfu.identification.RuleRow;
import org.bangfu.identification.RuleSetStatus;
import org.bangfu.identification.RuleSetView;
import org.bangfu.identification.TestCase;
import org.bangfu.shared.BusinessClock;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A shipped rule set changed by a release reaches a database that already has it: as the next
 * version, active from today when the shipped version is in force (earlier dates keep the old
 * one), as a draft when administrators have a version of their own; an unchanged document adds
 * nothing, however often the application starts.
 */
@IntegrationTest
class ShippedRuleSetUpdatesIntegrationTests {

	@Autowired
	ShippedRuleSets shipped;

	@Autowired
	RuleSetStore store;

	@Autowired
	RuleCompiler compiler;

	@Autowired
	BusinessClock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/** The test's codes would apply to every household of the run: removed once shown. */
	@org.junit.jupiter.api.AfterEach
	void removeTestCodes() {
		jdbc.sql("DELETE FROM identification_rule_set WHERE code LIKE 'shipped-update-%' OR code LIKE 'shipped-admin-%'").update();
	}

	static ShippedRuleSets.Shipped document(String code, String condition) {
		return new ShippedRuleSets.Shipped(code, "测试发布规则", "Shipped test rule", "测试 / test",
				List.of(new RuleRow(condition, "LOW", "低", "Low")), "NONE", "不是", "Not",
				List.of(new TestCase("边界", java.util.Map.of("income_year", 999.99), java.util.Map.of(), "LOW"),
						new TestCase("恰为", java.util.Map.of("income_year", 1000), java.util.Map.of(), "NONE")));
	}

	@Test
	void aChangedDocumentBecomesTheNextVersionFromToday() {
		String code = "shipped-update-" + System.nanoTime() % 1_000_000;
		shipped.apply(List.of(document(code, "income_year < 1000")));
		shipped.apply(List.of(document(code, "income_year < 1000")));
		assertThat(store.versions(code)).extracting(RuleSetView::version).containsExactly(1);

		shipped.apply(List.of(document(code, "income_year <= 999.99")));
		List<RuleSetView> versions = store.versions(code);
		assertThat(versions).extracting(RuleSetView::version).containsExactly(2, 1);
		assertThat(versions.get(0).status()).isEqualTo(RuleSetStatus.ACTIVE);
		assertThat(versions.get(0).shipped()).isTrue();
		assertThat(versions.get(0).effectiveFrom()).isEqualTo(clock.today());
		assertThat(versions.get(0).content().rows().get(0).condition()).isEqualTo("income_year <= 999.99");
		assertThat(versions.get(1).status()).isEqualTo(RuleSetStatus.RETIRED);
		assertThat(versions.get(1).effectiveFrom()).isEqualTo(ShippedRuleSets.SHIPPED_FROM);
		assertThat(versions.get(1).effectiveTo()).isEqualTo(clock.today().minusDays(1));

		shipped.apply(List.of(document(code, "income_year <= 999.99")));
		assertThat(store.versions(code)).hasSize(2);
	}

	@Test
	void administratorsOwnVersionIsNeverReplaced() {
		String code = "shipped-admin-" + System.nanoTime() % 1_000_000;
		shipped.apply(List.of(document(code, "income_year < 1000")));
		RuleSetView first = store.versions(code).get(0);
		ShippedRuleSets.Shipped edited = document(code, "income_year < 1000 and size >= 0");
		long admin = store.insert(code, 2, first.organisationId(), edited.content(),
				List.copyOf(compiler.compile(edited.content()).kinds()), false, "admin");
		store.activate(admin, code, clock.today().minusDays(3), "admin");

		shipped.apply(List.of(document(code, "income_year <= 999.99")));
		List<RuleSetView> versions = store.versions(code);
		assertThat(versions).extracting(RuleSetView::version).containsExactly(3, 2, 1);
		assertThat(versions.get(0).status()).isEqualTo(RuleSetStatus.DRAFT);
		assertThat(versions.get(0).shipped()).isTrue();
		assertThat(versions.get(1).status()).isEqualTo(RuleSetStatus.ACTIVE);
		assertThat(versions.get(1).createdBy()).isEqualTo("admin");

		shipped.apply(List.of(document(code, "income_year <= 999.99")));
		assertThat(store.versions(code)).hasSize(3);
	}

	@Test
	void startingAgainWithTheSameFilesAddsNoVersion() throws Exception {
		List<ShippedRuleSets.Shipped> files = ShippedRuleSets.read();
		java.util.Map<String, Integer> before = new java.util.TreeMap<>();
		files.forEach(f -> before.put(f.code(), store.versions(f.code()).size()));
		shipped.load();
		shipped.load();
		files.forEach(f -> assertThat(store.versions(f.code())).as(f.code()).hasSize(before.get(f.code())));
	}

}
