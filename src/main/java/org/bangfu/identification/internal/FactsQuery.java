package org.bangfu.identification.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.bangfu.identification.rules.Fact;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts of households, computed set-based from the register's tables (a read-only SQL
 * dependency on {@code registry_household} and {@code registry_member}). One definition serves
 * one household, a selection, a range of ids or a whole scope: {@link #sql(String)} wraps a
 * condition on {@code h} (the household) and {@code o} (its organisation). Ages are counted on
 * the date bound as {@code :asOf}. Every numeric fact is {@code numeric}, every yes/no fact
 * {@code boolean}, never null. Medical and schooling spending are not recorded by the register
 * yet: they are facts with the value 0 so rules can already name them.
 */
@Component
public class FactsQuery {

	private static final String INCOME = "(m.income_wage + m.income_business + m.income_property + m.income_transfer + m.income_pension)";

	private static final String MINOR = "m.birth_date > (CAST(:asOf AS date) - interval '18 years')";

	private static final String ELDERLY = "m.birth_date <= (CAST(:asOf AS date) - interval '60 years')";

	private static final String INNER = """
			SELECT h.id AS household_id, h.organisation_id, h.region_code, h.version AS household_version,
			       h.main_cause, h.secondary_causes, h.categories AS h_categories, h.annual_rent, h.savings, h.vehicles,
			       h.floor_area, h.housing_type, h.business,
			       count(m.id) AS n,
			       coalesce(sum(%1$s), 0.00) AS inc,
			       count(m.id) FILTER (WHERE %1$s > 0) AS earners,
			       count(m.id) FILTER (WHERE m.health = 'HEALTHY') AS healthy,
			       count(m.id) FILTER (WHERE m.health = 'CHRONIC') AS chronic,
			       count(m.id) FILTER (WHERE m.health = 'MAJOR_ILLNESS') AS major,
			       count(m.id) FILTER (WHERE m.health = 'DISABLED') AS disabled,
			       count(m.id) FILTER (WHERE m.disability_grade IN (1, 2)) AS severe,
			       count(m.id) FILTER (WHERE m.schooling = 'PRESCHOOL') AS preschool,
			       count(m.id) FILTER (WHERE m.schooling IN ('PRIMARY', 'JUNIOR')) AS compulsory,
			       count(m.id) FILTER (WHERE m.schooling IN ('SENIOR', 'VOCATIONAL')) AS senior,
			       count(m.id) FILTER (WHERE m.schooling IN ('COLLEGE', 'BACHELOR', 'POSTGRADUATE')) AS higher,
			       count(m.id) FILTER (WHERE %2$s) AS minors,
			       count(m.id) FILTER (WHERE %3$s) AS elderly,
			       count(m.id) FILTER (WHERE m.employment IN ('EMPLOYED', 'FLEXIBLE')) AS employed,
			       count(m.id) FILTER (WHERE m.employment IN ('LAID_OFF', 'UNEMPLOYED')) AS unemployed,
			       count(m.id) FILTER (WHERE m.employment IN ('LAID_OFF', 'UNEMPLOYED') AND NOT (%2$s) AND NOT (%3$s)) AS unemployed_wa,
			       count(m.id) FILTER (WHERE m.employment = 'RETIRED') AS retired,
			       count(m.id) FILTER (WHERE m.employment = 'UNABLE') AS unable,
			       coalesce(bool_or(m.relation = 'SPOUSE'), FALSE) AS has_spouse,
			       coalesce(bool_or(m.relation IN ('SON', 'DAUGHTER') AND %2$s), FALSE) AS has_minor_child,
			       count(m.id) FILTER (WHERE m.disability_grade IN (1, 2) OR m.health = 'MAJOR_ILLNESS'
			           OR m.schooling IN ('PRIMARY', 'JUNIOR', 'SENIOR', 'VOCATIONAL', 'COLLEGE', 'BACHELOR', 'POSTGRADUATE')
			           OR %3$s) AS special,
			       coalesce(bool_or(m.relation = 'HEAD' AND ((m.hukou_type LIKE '%%农%%' AND m.hukou_type NOT LIKE '%%非农%%')
			           OR lower(m.hukou_type) IN ('rural', 'agricultural'))), FALSE) AS rural,
			%5$s
			FROM registry_household h
			JOIN organisation o ON o.id = h.organisation_id
			LEFT JOIN registry_member m ON m.household_id = h.id AND m.active AND %6$s
			WHERE %4$s
			GROUP BY h.id
			""";

	private static final String OUTER = """
			SELECT a.household_id, a.organisation_id, a.region_code, a.household_version,
			       CAST(a.n AS numeric) AS size,
			       a.inc AS income_month,
			       a.inc * 12 AS income_year,
			       coalesce(round(a.inc / NULLIF(a.n, 0), 2), 0.00) AS per_capita_income_month,
			       coalesce(round(a.inc * 12 / NULLIF(a.n, 0), 2), 0.00) AS per_capita_income_year,
			       CAST(a.earners AS numeric) AS earner_count,
			       coalesce(a.annual_rent, 0.00) AS rent_year,
			       CAST(0.00 AS numeric) AS medical_spending_year,
			       CAST(0.00 AS numeric) AS schooling_spending_year,
			       coalesce(a.annual_rent, 0.00) AS essential_spending_year,
			       a.inc * 12 - coalesce(a.annual_rent, 0.00) AS net_income_year,
			       coalesce(a.savings, 0.00) AS savings,
			       CAST(a.vehicles AS numeric) AS vehicles,
			       coalesce(a.floor_area, 0.00) AS floor_area,
			       coalesce(a.housing_type = 'OWN', FALSE) AS own_home,
			       coalesce(a.housing_type = 'RENTED', FALSE) AS renting,
			       coalesce(a.business <> '', FALSE) AS has_business,
			       CAST(a.healthy AS numeric) AS healthy_count,
			       CAST(a.chronic AS numeric) AS chronic_count,
			       CAST(a.major AS numeric) AS major_illness_count,
			       CAST(a.disabled AS numeric) AS disabled_count,
			       CAST(a.severe AS numeric) AS severely_disabled_count,
			       CAST(a.preschool AS numeric) AS preschool_count,
			       CAST(a.compulsory AS numeric) AS compulsory_school_count,
			       CAST(a.senior AS numeric) AS senior_school_count,
			       CAST(a.higher AS numeric) AS higher_education_count,
			       CAST(a.compulsory + a.senior + a.higher AS numeric) AS student_count,
			       CAST(a.minors AS numeric) AS minor_count,
			       CAST(a.n - a.minors - a.elderly AS numeric) AS working_age_count,
			       CAST(a.elderly AS numeric) AS elderly_count,
			       CAST(a.employed AS numeric) AS employed_count,
			       CAST(a.unemployed AS numeric) AS unemployed_count,
			       CAST(a.retired AS numeric) AS retired_count,
			       CAST(a.unable AS numeric) AS unable_to_work_count,
			       (a.employed = 0 AND a.unemployed_wa > 0) AS zero_employment,
			       (coalesce(a.main_cause = 'SINGLE_PARENT', FALSE) OR 'SINGLE_PARENT' = ANY (a.secondary_causes)
			           OR (NOT a.has_spouse AND a.has_minor_child)) AS single_parent,
			       CAST(a.special AS numeric) AS special_member_count,
			       a.rural AS rural_hukou,
			%s
			FROM (%s) a
			""";

	private static final String[] CAUSES = { "ILLNESS", "DISABILITY", "SCHOOLING", "SINGLE_PARENT", "ACCIDENT",
			"UNEMPLOYMENT", "DISASTER", "HOUSING", "LACK_OF_LABOUR", "OTHER" };

	private static final String[] CATEGORIES = { "DIBAO", "DESTITUTE", "NEAR_DIBAO", "EXPENDITURE_HARDSHIP",
			"HARDSHIP_WORKER", "VULNERABLE_CHILD", "ORPHAN", "ELDERLY_ALONE", "EMPTY_NEST", "DISABLED", "ENTITLED_GROUP",
			"MILITARY_FAMILY" };

	private final JdbcClient jdbc;

	FactsQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The facts relation for households matching the condition (over {@code h} and {@code o}),
	 * one row per household: household_id, organisation_id, region_code, household_version and
	 * one column per {@link Fact}. Binds {@code :asOf} plus whatever the condition uses.
	 */
	public static String sql(String condition) {
		return sql(condition, "TRUE");
	}

	/**
	 * As {@link #sql(String)}, with a condition on the members {@code m} that repeats the
	 * household condition (e.g. an id range), so the planner can read members by range.
	 */
	public static String sql(String condition, String memberCondition) {
		StringBuilder memberCategories = new StringBuilder();
		StringBuilder flags = new StringBuilder();
		for (String c : CAUSES) {
			flags.append("       (coalesce(a.main_cause = '").append(c).append("', FALSE) OR '").append(c)
				.append("' = ANY (a.secondary_causes)) AS cause_").append(c.toLowerCase(java.util.Locale.ROOT)).append(",\n");
		}
		for (int i = 0; i < CATEGORIES.length; i++) {
			String c = CATEGORIES[i];
			String lower = c.toLowerCase(java.util.Locale.ROOT);
			memberCategories.append("       coalesce(bool_or('").append(c).append("' = ANY (m.categories)), FALSE) AS mc_")
				.append(lower).append(i == CATEGORIES.length - 1 ? "\n" : ",\n");
			flags.append("       ('").append(c).append("' = ANY (a.h_categories) OR a.mc_").append(lower)
				.append(") AS cat_").append(lower).append(i == CATEGORIES.length - 1 ? "\n" : ",\n");
		}
		return OUTER.formatted(flags, INNER.formatted(INCOME, MINOR, ELDERLY, condition, memberCategories, memberCondition));
	}

	/** The facts of one household in scope on a date, or empty when it is not in scope. */
	public Optional<HouseholdFacts> one(Scope scope, long householdId, LocalDate asOf) {
		return jdbc.sql(sql("h.id = :id AND " + Scope.sql("o.path")))
			.param("id", householdId)
			.param("scopePath", scope.likePattern())
			.param("asOf", asOf)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** One household's facts with what identifies it. */
	public record HouseholdFacts(long householdId, long organisationId, String regionCode, int householdVersion,
			Map<Fact, Object> values) {
	}

	static HouseholdFacts map(ResultSet rs) throws SQLException {
		Map<Fact, Object> values = new EnumMap<>(Fact.class);
		for (Fact f : Fact.values()) {
			if (f.type() == org.bangfu.identification.rules.Type.BOOLEAN) {
				values.put(f, rs.getBoolean(f.column()));
			}
			else {
				BigDecimal v = rs.getBigDecimal(f.column());
				values.put(f, v == null ? BigDecimal.ZERO : v);
			}
		}
		return new HouseholdFacts(rs.getLong("household_id"), rs.getLong("organisation_id"), rs.getString("region_code"),
				rs.getInt("household_version"), values);
	}

}
