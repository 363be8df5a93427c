package org.bangfu.identification.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.bangfu.identification.rules.Fact;
import org.bangfu.shared.BusinessClock;

/**
 * The households' files as they stood at the end of a date, set-based, for evaluating an
 * earlier date than today: read from the register's history ({@code registry_change}, one row
 * per change with the whole file and its active members in {@code after}, the JSON of
 * {@code org.bangfu.registry.HouseholdView}), never a query per household.
 * <ul>
 * <li>A file on a date is its latest history entry changed before the end of that date in the
 * business time zone ({@link #end}; the same rule for one household, the batch and what-if).</li>
 * <li>A household whose first entry is after the date did not exist then: it is left out.</li>
 * <li>A household with no history at all (written around the register's façade by SQL) reads
 * today's row and members, as one household does.</li>
 * <li>Region, status, version and every fact come from the file of that date (standards resolve
 * for the region it was in then; a file closed then is left out by the selection's status
 * condition); id, file number and organisation are today's, so scope and rule-set ownership are
 * checked on today's organisation.</li>
 * </ul>
 * Today and later dates read today's rows ({@link #applies}).
 */
public final class FilesAsOf {

	/** {@link #end} of :asOf in SQL. */
	private static final String END = "(CAST(CAST(:asOf AS date) + 1 AS timestamp) AT TIME ZONE '" + BusinessClock.zone().getId() + "')";

	private FilesAsOf() {
	}

	/** Whether a date reads the files of that date (an earlier date than today) rather than today's rows. */
	public static boolean applies(LocalDate asOf, LocalDate today) {
		return asOf.isBefore(today);
	}

	/** The end of the date in the business time zone: a change strictly before it belongs to that date's file. */
	public static Instant end(LocalDate date) {
		return date.plusDays(1).atStartOfDay(BusinessClock.zone()).toInstant();
	}

	/** The households relation to read as {@code h}: today's table, or the files as of :asOf. */
	static String households(boolean history) {
		return history ? "(" + households("TRUE") + ")" : "registry_household";
	}

	/**
	 * The households not yet filed on :asOf (their first history entry is after the end of the
	 * date), with household columns as {@link #households(boolean)} gives them: today's region,
	 * organisation and version, and the status NOT_FILED (whatever becomes of the file later).
	 */
	static String notFiled(String where) {
		return """
				SELECT h0.id, h0.organisation_id, h0.file_no, CAST(h0.region_code AS varchar) AS region_code,
				       CAST('NOT_FILED' AS varchar) AS status, h0.version, h0.annual_rent, h0.savings, h0.vehicles, h0.floor_area,
				       CAST(h0.housing_type AS varchar) AS housing_type, CAST(h0.business AS varchar) AS business,
				       CAST(h0.main_cause AS varchar) AS main_cause, h0.secondary_causes, h0.categories, FALSE AS from_history,
				       CAST(NULL AS jsonb) AS members
				FROM registry_household h0
				WHERE EXISTS (SELECT 1 FROM registry_change c WHERE c.household_id = h0.id)
				  AND NOT EXISTS (SELECT 1 FROM registry_change c WHERE c.household_id = h0.id AND c.changed_at < """ + " " + END + """
				)
				  AND """ + " " + where;
	}

	/** Every household of an earlier date, those not yet filed then included (what a batch answers for). */
	static String householdsAndNotFiled() {
		return "(" + households("TRUE") + "\nUNION ALL\n" + notFiled("TRUE") + ")";
	}

	/** {@link FactsQuery#sql(String, String, Set)}, over the files as of :asOf when history is asked for. */
	static String facts(boolean history, String condition, String memberCondition, Set<Fact> facts) {
		if (!history) {
			return FactsQuery.sql(condition, memberCondition, facts);
		}
		return FactsQuery.sql(condition, memberCondition, facts, new FactsQuery.Sources("(" + households("TRUE") + ") h",
				"JOIN LATERAL (" + households("h0.id = a.household_id") + ") hh ON TRUE",
				"LEFT JOIN LATERAL (" + MEMBERS + ") m ON m.household_id = h.id AND m.active"));
	}

	/** {@link EvaluationSql#regions}: the distinct regions of the selected households, as of :asOf when history is asked for. */
	static String regions(boolean history, String condition) {
		if (!history) {
			return EvaluationSql.regions(condition);
		}
		return "r AS (SELECT DISTINCT h.region_code FROM " + households(true) + " h JOIN organisation o ON o.id = h.organisation_id WHERE "
				+ condition + ")";
	}

	/**
	 * Two arms with the same column types (so conditions on the relation are pushed into both):
	 * files from the history, and households without any history from today's row. The members
	 * travel as the snapshot's JSON (null in the second arm).
	 */
	private static String households(String where) {
		return """
				SELECT h0.id, h0.organisation_id, h0.file_no, CAST(s."regionCode" AS varchar) AS region_code,
				       CAST(s.status AS varchar) AS status, s.version, CAST(s."annualRent" AS numeric(12, 2)) AS annual_rent,
				       CAST(s.savings AS numeric(14, 2)) AS savings, coalesce(s.vehicles, 0) AS vehicles,
				       CAST(s."floorArea" AS numeric(8, 2)) AS floor_area, CAST(s."housingType" AS varchar) AS housing_type,
				       CAST(s.business AS varchar) AS business, CAST(s."mainCause" AS varchar) AS main_cause,
				       coalesce(s."secondaryCauses", CAST('{}' AS text[])) AS secondary_causes,
				       coalesce(s.categories, CAST('{}' AS text[])) AS categories, TRUE AS from_history, s.members
				FROM registry_household h0
				JOIN LATERAL (SELECT c.after FROM registry_change c WHERE c.household_id = h0.id AND c.changed_at < """ + " " + END + """

				              ORDER BY c.changed_at DESC, c.id DESC LIMIT 1) c ON TRUE
				CROSS JOIN LATERAL jsonb_to_record(c.after) AS s("regionCode" text, status text, version integer, "annualRent" numeric,
				       savings numeric, vehicles integer, "floorArea" numeric, "housingType" text, business text, "mainCause" text,
				       "secondaryCauses" text[], categories text[], members jsonb)
				WHERE """ + " " + where + """

				UNION ALL
				SELECT h0.id, h0.organisation_id, h0.file_no, CAST(h0.region_code AS varchar), CAST(h0.status AS varchar), h0.version,
				       h0.annual_rent, h0.savings, h0.vehicles, h0.floor_area, CAST(h0.housing_type AS varchar),
				       CAST(h0.business AS varchar), CAST(h0.main_cause AS varchar), h0.secondary_causes, h0.categories, FALSE,
				       CAST(NULL AS jsonb)
				FROM registry_household h0
				WHERE NOT EXISTS (SELECT 1 FROM registry_change c WHERE c.household_id = h0.id) AND """ + " " + where;
	}

	/**
	 * The active members of {@code h} on the date (a lateral relation with registry_member's
	 * columns): the snapshot's members, or today's rows for a household without history. Missing
	 * amounts count 0 and a missing health HEALTHY, as {@link FactsQuery#snapshot} reads them.
	 */
	private static final String MEMBERS = """
			SELECT u.id, h.id AS household_id, TRUE AS active, u."birthDate" AS birth_date, CAST(u.relation AS varchar) AS relation,
			       CAST(u."hukouType" AS varchar) AS hukou_type, CAST(u.employment AS varchar) AS employment,
			       CAST(coalesce(u.wage, 0) AS numeric(12, 2)) AS income_wage,
			       CAST(coalesce(u."businessIncome", 0) AS numeric(12, 2)) AS income_business,
			       CAST(coalesce(u."propertyIncome", 0) AS numeric(12, 2)) AS income_property,
			       CAST(coalesce(u."transferIncome", 0) AS numeric(12, 2)) AS income_transfer,
			       CAST(coalesce(u.pension, 0) AS numeric(12, 2)) AS income_pension,
			       CAST(coalesce(u.health, 'HEALTHY') AS varchar) AS health, u."disabilityGrade" AS disability_grade,
			       CAST(u.schooling AS varchar) AS schooling, coalesce(u.categories, CAST('{}' AS text[])) AS categories
			FROM jsonb_to_recordset(CASE WHEN jsonb_typeof(h.members) = 'array' THEN h.members ELSE CAST('[]' AS jsonb) END)
			     AS u(id bigint, "birthDate" date, relation text, "hukouType" text, employment text, wage numeric,
			          "businessIncome" numeric, "propertyIncome" numeric, "transferIncome" numeric, pension numeric, health text,
			          "disabilityGrade" smallint, schooling text, categories text[])
			WHERE h.from_history
			UNION ALL
			SELECT m0.id, m0.household_id, m0.active, m0.birth_date, CAST(m0.relation AS varchar), CAST(m0.hukou_type AS varchar),
			       CAST(m0.employment AS varchar), m0.income_wage, m0.income_business, m0.income_property, m0.income_transfer,
			       m0.income_pension, CAST(m0.health AS varchar), m0.disability_grade, CAST(m0.schooling AS varchar), m0.categories
			FROM registry_member m0
			WHERE NOT h.from_history AND m0.household_id = h.id AND m0.active""";

}
