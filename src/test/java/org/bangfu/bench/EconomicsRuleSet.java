package org.bangfu.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bangfu.identification.RuleRow;
import org.bangfu.identification.RuleSetContent;
import org.bangfu.identification.RuleSetView;
import org.bangfu.identification.RuleSets;
import org.bangfu.identification.TestCase;
import org.bangfu.shared.Scope;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rule set the batch and what-if steps measure: it reads the economics facts (income over the
 * last 12 months from yearly and monthly items, this year's essential spending, sudden costs over
 * 12 months, vehicles, homes beyond the one lived in, purchases that rule a family out) against a
 * monthly line of its own standard kind ({@code bench_line}, national, 700 yuan), so no other
 * figure in the database moves it. The hand-written SQL computes the same classes straight from the
 * register's tables.
 */
final class EconomicsRuleSet {

	static final String CODE = "bench-economics";

	static final String KIND = "bench_line";

	static final BigDecimal LINE = new BigDecimal("700");

	private static final String PER_MONTH = "income_12m / 12 / size";

	private EconomicsRuleSet() {
	}

	/** The standard kind, its national figure and the active rule set, made once per database. */
	static void ensure(ApplicationContext context, Scope root) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		jdbc.sql("""
				INSERT INTO identification_standard_kind (code, basis, builtin, name_zh, name_en, created_by)
				VALUES (?, 'MONTH', FALSE, '基准测试线（每人每月）', 'Benchmark line (per person per month)', 'bench')
				ON CONFLICT (code) DO NOTHING""").params(KIND).update();
		jdbc.sql("""
				INSERT INTO identification_standard (kind, region_code, region_prefix, value, basis, effective_from, version,
				    note, created_by)
				SELECT ?, NULL, '', ?, 'MONTH', DATE '2020-01-01', 1, 'benchmark', 'bench'
				WHERE NOT EXISTS (SELECT 1 FROM identification_standard WHERE kind = ?)""")
			.params(KIND, LINE, KIND)
			.update();
		boolean exists = jdbc.sql("SELECT count(*) FROM identification_rule_set WHERE code = ? AND status = 'ACTIVE'")
			.param(CODE)
			.query(Long.class)
			.single() > 0;
		if (!exists) {
			RuleSets ruleSets = context.getBean(RuleSets.class);
			RuleSetView draft = ruleSets.create(root, CODE, content());
			ruleSets.activate(root, draft.id(), LocalDate.of(2020, 1, 1));
		}
	}

	static RuleSetContent content() {
		String line = "std_month('" + KIND + "')";
		List<RuleRow> rows = List.of(
				new RuleRow(PER_MONTH + " < " + line, "DIBAO", "低保", "Dibao"),
				new RuleRow("(income_12m - essential_spending_year - sudden_costs_12m) / 12 / size < " + line, "EXPENDITURE",
						"支出型困难", "Expenditure-driven hardship"),
				new RuleRow(PER_MONTH + " < 1.5 * " + line
						+ " and vehicle_value < 50000 and extra_homes = 0 and not luxury_purchase_12m", "NEAR_DIBAO", "低保边缘",
						"Near-dibao"));
		Map<String, BigDecimal> std = Map.of(KIND, LINE);
		List<TestCase> cases = List.of(
				new TestCase("8399.99 低保", Map.of("income_12m", 8399.99, "size", 1), std, "DIBAO"),
				new TestCase("8400 有一分支出 支出型", Map.of("income_12m", 8400, "size", 1, "essential_spending_year", 0.01), std,
						"EXPENDITURE"),
				new TestCase("8400 突发支出 支出型", Map.of("income_12m", 8400, "size", 1, "sudden_costs_12m", 0.01), std,
						"EXPENDITURE"),
				new TestCase("8400 低保边缘", Map.of("income_12m", 8400, "size", 1), std, "NEAR_DIBAO"),
				new TestCase("12599.99 有车 不是", Map.of("income_12m", 12599.99, "size", 1, "vehicle_value", 50000), std, "NONE"),
				new TestCase("两口人 25200 不是", Map.of("income_12m", 25200, "size", 2), std, "NONE"),
				new TestCase("不予认定消费 不是", Map.of("income_12m", 9000, "size", 1, "luxury_purchase_12m", true), std, "NONE"));
		return new RuleSetContent("基准测试：经济状况", "Benchmark: economics",
				"基准测试用：近 12 个月收入、当年刚性支出、突发支出和资产。Benchmark: 12-month income, this year's essential"
						+ " spending, sudden costs and assets.",
				rows, "NONE", "不属于", "None", cases);
	}

	/**
	 * The class of every filed household of organisation ? on date ? (twice), computed by hand from
	 * the register's tables: income of the last 12 months (a monthly item in the window whole, a
	 * yearly item its months in the window ÷ 12 to 10 decimals; members of the file only; records
	 * not retired), this year's essential spending (recorded rent, else the household's), sudden
	 * costs of the 12 months up to the date less what was covered, assets dated by then. Exact
	 * comparisons: x ÷ 12 ÷ size < line as x < line × 12 × size.
	 */
	static final String REFERENCE = """
			CREATE TEMP TABLE bench_reference ON COMMIT DROP AS
			WITH k AS (SELECT d, CAST(date_trunc('month', d) AS date) AS m1,
			                  CAST(date_trunc('month', d) - interval '11 months' AS date) AS m12,
			                  CAST(extract(year FROM d) AS integer) AS y,
			                  (extract(year FROM d) * 12 + extract(month FROM d)) AS i1
			           FROM (SELECT CAST(? AS date) AS d) p),
			hh AS (SELECT h.id, h.annual_rent FROM registry_household h WHERE h.organisation_id = ? AND h.status = 'FILED'),
			mem AS (SELECT m.household_id, count(*) AS n FROM registry_member m JOIN hh ON hh.id = m.household_id
			        WHERE m.active GROUP BY m.household_id),
			inc AS (SELECT x.household_id,
			               sum(CASE WHEN x.period = 'MONTH' THEN x.amount
			                   ELSE round(x.amount * (least(k.i1, extract(year FROM x.period_start) * 12 + 12)
			                        - greatest(k.i1 - 11, extract(year FROM x.period_start) * 12 + 1) + 1) / 12, 10) END) AS v
			        FROM registry_income_item x
			        JOIN hh ON hh.id = x.household_id
			        JOIN registry_member m ON m.id = x.member_id AND m.active
			        CROSS JOIN k
			        WHERE x.retired_at IS NULL AND x.period_start <= k.m1
			          AND (x.period = 'MONTH' AND x.period_start >= k.m12
			               OR x.period = 'YEAR' AND extract(year FROM x.period_start) >= extract(year FROM k.m12))
			        GROUP BY x.household_id),
			sp AS (SELECT x.household_id,
			              sum(x.amount) FILTER (WHERE x.kind IN ('MEDICAL', 'SCHOOLING', 'CARE', 'OTHER')) AS non_rent,
			              sum(x.amount) FILTER (WHERE x.kind = 'RENT') AS rent
			       FROM registry_spending x JOIN hh ON hh.id = x.household_id CROSS JOIN k
			       WHERE x.retired_at IS NULL AND x.year = k.y GROUP BY x.household_id),
			sc AS (SELECT x.household_id, sum(x.amount - x.covered) AS v
			       FROM registry_sudden_cost x JOIN hh ON hh.id = x.household_id CROSS JOIN k
			       WHERE x.retired_at IS NULL AND x.occurred_on <= k.d AND x.occurred_on > CAST(k.d - interval '1 year' AS date)
			       GROUP BY x.household_id),
			ast AS (SELECT x.household_id,
			               coalesce(sum(x.value) FILTER (WHERE x.kind = 'VEHICLE'), 0) AS vehicles,
			               count(*) FILTER (WHERE x.kind = 'EXTRA_HOME') AS homes,
			               coalesce(bool_or(x.kind = 'LUXURY_PURCHASE' AND x.as_of > CAST(k.d - interval '1 year' AS date)), FALSE) AS lux
			        FROM registry_asset x JOIN hh ON hh.id = x.household_id CROSS JOIN k
			        WHERE x.retired_at IS NULL AND x.as_of <= k.d GROUP BY x.household_id),
			f AS (SELECT hh.id, mem.n, coalesce(inc.v, 0) AS income,
			             coalesce(sp.rent, hh.annual_rent, 0) + coalesce(sp.non_rent, 0) AS essential,
			             coalesce(sc.v, 0) AS sudden, coalesce(ast.vehicles, 0) AS vehicles, coalesce(ast.homes, 0) AS homes,
			             coalesce(ast.lux, FALSE) AS lux
			      FROM hh JOIN mem ON mem.household_id = hh.id
			      LEFT JOIN inc ON inc.household_id = hh.id LEFT JOIN sp ON sp.household_id = hh.id
			      LEFT JOIN sc ON sc.household_id = hh.id LEFT JOIN ast ON ast.household_id = hh.id)
			SELECT f.id AS household_id,
			       CASE WHEN f.income < 700 * 12 * f.n THEN 'DIBAO'
			            WHEN f.income - f.essential - f.sudden < 700 * 12 * f.n THEN 'EXPENDITURE'
			            WHEN f.income < 1.5 * 700 * 12 * f.n AND f.vehicles < 50000 AND f.homes = 0 AND NOT f.lux THEN 'NEAR_DIBAO'
			            ELSE 'NONE' END AS outcome
			FROM f""";

}
