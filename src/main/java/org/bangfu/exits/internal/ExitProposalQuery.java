package org.bangfu.exits.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bangfu.exits.ExitSetting;
import org.bangfu.exits.MonthIncome;
import org.bangfu.exits.ProposalRow;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The exit proposals of a scope, set-based: one statement lists the region and line kind pairs of
 * the filed households (their lines are resolved by the caller through identification's
 * standards), and one statement computes for every filed household of the scope its twelve
 * months of income (registry_income_item in force, of its active members; a yearly item counts a
 * twelfth in each of its twelve months), its run above the line, whether a member is able to
 * work, its unresolved causes and its open exit case, returning only households with a run of
 * six or more months or with nobody able to work. Tables of registry and cases are read only.
 */
@Component
public class ExitProposalQuery {

	/**
	 * A member able to work: aged 16 to 59, not recorded as unable to work, retired, at school or
	 * preschool, and not severely disabled (grade 1 or 2).
	 */
	static final String ABLE = "(m.birth_date <= CAST(:today AS date) - interval '16 years'"
			+ " AND m.birth_date > CAST(:today AS date) - interval '60 years'"
			+ " AND coalesce(m.employment, '') NOT IN ('UNABLE', 'RETIRED', 'STUDENT', 'PRESCHOOL')"
			+ " AND NOT (m.health = 'DISABLED' AND coalesce(m.disability_grade, 4) <= 2))";

	private static final String HOUSEHOLDS = """
			SELECT h.id, h.file_no, h.organisation_id, o.name AS organisation_name, h.region_code, h.main_cause,
			       h.secondary_causes, coalesce(st.line_kind, :defaultKind) AS line_kind
			FROM registry_household h JOIN organisation o ON o.id = h.organisation_id
			LEFT JOIN LATERAL (%s) st ON TRUE
			WHERE h.status = 'FILED' AND o.path LIKE :scopePath
			  AND (CAST(:household AS bigint) IS NULL OR h.id = CAST(:household AS bigint))""".formatted(ExitSettingStore.inForce("o.path"));

	/** A line resolved for a region and kind: value per person, per month or (yearly) per year. */
	public record Line(String regionCode, String kind, BigDecimal value, boolean yearly) {
	}

	public record RegionKind(String regionCode, String kind) {
	}

	private final JdbcClient jdbc;

	ExitProposalQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<RegionKind> regionKinds(Scope scope, Long householdId) {
		return jdbc.sql("SELECT DISTINCT hh.region_code, hh.line_kind FROM (" + HOUSEHOLDS + ") hh")
			.param("scopePath", scope.likePattern())
			.param("household", householdId)
			.param("defaultKind", ExitSetting.DEFAULT_LINE_KIND)
			.query((rs, n) -> new RegionKind(rs.getString(1), rs.getString(2)))
			.list();
	}

	/** The households of the scope (or the one household) with a run of six months or more, or with nobody able to work. */
	public List<ProposalRow> candidates(Scope scope, Long householdId, LocalDate today, List<Line> lines) {
		String sql = """
				WITH lines AS (
				  SELECT * FROM unnest(CAST(:regions AS text[]), CAST(:kinds AS text[]), CAST(:lineValues AS numeric[]),
				                       CAST(:yearly AS boolean[])) AS l(region_code, line_kind, line_value, yearly)),
				hh AS (%s),
				months AS (
				  SELECT k, CAST(date_trunc('month', CAST(:today AS date)) - make_interval(months => k) AS date) AS start
				  FROM generate_series(1, 12) k),
				mem AS (
				  SELECT m.household_id, count(*) AS size, bool_or(%s) AS able,
				         max(m.name) FILTER (WHERE m.relation = 'HEAD') AS head_name
				  FROM registry_member m JOIN hh ON hh.id = m.household_id WHERE m.active GROUP BY 1),
				inc AS (
				  SELECT x.household_id, mo.k, sum(CASE WHEN x.period = 'MONTH' THEN x.amount ELSE x.amount / 12 END) AS income
				  FROM hh JOIN registry_income_item x ON x.household_id = hh.id AND x.retired_at IS NULL
				  JOIN registry_member m ON m.id = x.member_id AND m.household_id = hh.id AND m.active
				  JOIN months mo ON (x.period = 'MONTH' AND CAST(date_trunc('month', x.period_start) AS date) = mo.start)
				    OR (x.period = 'YEAR' AND mo.start >= CAST(date_trunc('month', x.period_start) AS date)
				        AND mo.start < CAST(date_trunc('month', x.period_start) + interval '12 months' AS date))
				  GROUP BY 1, 2),
				grid AS (
				  SELECT hh.id, mo.k, coalesce(inc.income, 0) AS income,
				         coalesce(coalesce(inc.income, 0) * CASE WHEN l.yearly THEN 12 ELSE 1 END > l.line_value * mem.size, FALSE) AS above
				  FROM hh JOIN mem ON mem.household_id = hh.id
				  LEFT JOIN lines l ON l.region_code = hh.region_code AND l.line_kind = hh.line_kind
				  CROSS JOIN months mo LEFT JOIN inc ON inc.household_id = hh.id AND inc.k = mo.k),
				runs AS (
				  SELECT id, coalesce(min(k) FILTER (WHERE NOT above), 13) - 1 AS run,
				         array_agg(income ORDER BY k) AS incomes
				  FROM grid GROUP BY id)
				SELECT hh.id, hh.file_no, hh.organisation_name, hh.line_kind, mem.size, mem.able, mem.head_name, runs.run,
				       runs.incomes, l.line_value, coalesce(l.yearly, FALSE) AS yearly,
				       ARRAY(SELECT c FROM unnest(array_remove(array_prepend(CAST(hh.main_cause AS text), hh.secondary_causes), NULL)) c
				             WHERE NOT EXISTS (SELECT 1 FROM exits_cause_resolution r WHERE r.household_id = hh.id AND r.cause = c)) AS unresolved,
				       (SELECT max(c.case_no) FROM cases_case c WHERE c.household_id = hh.id AND c.type = 'EXIT'
				          AND c.status IN ('DRAFT', 'IN_REVIEW', 'RETURNED')) AS open_exit_case,
				       (SELECT max(a.acted_on) FROM exits_proposal_action a WHERE a.household_id = hh.id AND a.kind = 'DISMISSED') AS dismissed_on,
				       (SELECT max(c.case_no) FROM exits_proposal_action a JOIN cases_case c ON c.id = a.case_id
				          WHERE a.household_id = hh.id AND a.kind = 'SAFETY_NET_CASE' AND c.status NOT IN ('REJECTED', 'WITHDRAWN')) AS safety_net_case
				FROM hh JOIN mem ON mem.household_id = hh.id JOIN runs ON runs.id = hh.id
				LEFT JOIN lines l ON l.region_code = hh.region_code AND l.line_kind = hh.line_kind
				WHERE runs.run >= %d OR NOT mem.able
				ORDER BY hh.file_no
				""".formatted(HOUSEHOLDS, ABLE, SixMonthPolicy.REQUIRED_MONTHS);
		return jdbc.sql(sql)
			.param("regions", lines.stream().map(Line::regionCode).toArray(String[]::new))
			.param("kinds", lines.stream().map(Line::kind).toArray(String[]::new))
			.param("lineValues", lines.stream().map(Line::value).toArray(BigDecimal[]::new))
			.param("yearly", lines.stream().map(Line::yearly).toArray(Boolean[]::new))
			.param("scopePath", scope.likePattern())
			.param("household", householdId)
			.param("defaultKind", ExitSetting.DEFAULT_LINE_KIND)
			.param("today", today)
			.query((rs, n) -> row(rs, today))
			.list()
			.stream()
			.filter(r -> r != null)
			.toList();
	}

	private static ProposalRow row(ResultSet rs, LocalDate today) throws SQLException {
		int size = rs.getInt("size");
		boolean yearly = rs.getBoolean("yearly");
		BigDecimal line = rs.getBigDecimal("line_value");
		List<BigDecimal> incomes = Arrays.stream((Object[]) rs.getArray("incomes").getArray())
			.map(o -> (BigDecimal) o)
			.toList();
		int run = SixMonthPolicy.run(incomes, size, line, yearly);
		boolean able = rs.getBoolean("able");
		String caseNo = rs.getString("open_exit_case");
		LocalDate dismissed = rs.getObject("dismissed_on", LocalDate.class);
		if (able && dismissed != null && !SixMonthPolicy.month(today, SixMonthPolicy.REQUIRED_MONTHS).isAfter(YearMonth.from(dismissed))) {
			return null;
		}
		if (!able && rs.getString("safety_net_case") != null) {
			return null;
		}
		List<MonthIncome> months = new ArrayList<>();
		for (int k = able ? run : SixMonthPolicy.REQUIRED_MONTHS; k >= 1; k--) {
			BigDecimal income = incomes.get(k - 1);
			months.add(new MonthIncome(SixMonthPolicy.month(today, k),
					size == 0 ? BigDecimal.ZERO : income.divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_UP),
					SixMonthPolicy.above(income, size, line, yearly)));
		}
		Array unresolved = rs.getArray("unresolved");
		return new ProposalRow(rs.getLong("id"), rs.getString("file_no"), rs.getString("head_name"),
				rs.getString("organisation_name"), size, able, rs.getString("line_kind"), line, yearly, run, months,
				List.of((String[]) unresolved.getArray()), caseNo);
	}

}
