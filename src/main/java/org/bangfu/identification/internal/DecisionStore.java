package org.bangfu.identification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bangfu.identification.DecisionView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for stored decisions: insert one, supersede, mark stale set-based, read scoped. */
@Repository
public class DecisionStore {

	private static final String SELECT = """
			SELECT d.id, d.household_id, d.rule_set_id, d.rule_set_code, rs.version AS rule_set_version, d.as_of,
			       d.matched_row, d.outcome, d.decided_at, d.decided_by, d.job_id, d.current,
			       (d.stale OR d.household_version <> h.version) AS stale, h.file_no,
			       (SELECT m.name FROM registry_member m WHERE m.household_id = h.id AND m.relation = 'HEAD' AND m.active LIMIT 1) AS head_name,
			       CASE WHEN d.matched_row < 0 THEN NULL
			            WHEN d.matched_row = 0 THEN rs.rules ->> (CASE WHEN :en THEN 'defaultLabelEn' ELSE 'defaultLabelZh' END)
			            ELSE rs.rules -> 'rows' -> (d.matched_row - 1) ->> (CASE WHEN :en THEN 'labelEn' ELSE 'labelZh' END)
			       END AS label
			FROM identification_decision d
			JOIN identification_rule_set rs ON rs.id = d.rule_set_id
			JOIN registry_household h ON h.id = d.household_id
			JOIN organisation o ON o.id = h.organisation_id
			""";

	private final JdbcClient jdbc;

	DecisionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A decision with its snapshot, for showing it exactly as it was made. */
	public record Stored(DecisionView view, String regionCode, String factsJson, String standardIdsJson,
			String explanationJson) {
	}

	public void supersede(long householdId, String code) {
		jdbc.sql("UPDATE identification_decision SET current = FALSE WHERE household_id = ? AND rule_set_code = ? AND current")
			.params(householdId, code)
			.update();
	}

	public long insert(long householdId, String regionCode, int householdVersion, long ruleSetId, String code,
			LocalDate asOf, int matchedRow, String outcome, String factsJson, String standardIdsJson, String explanationJson,
			String login) {
		return jdbc.sql("""
				INSERT INTO identification_decision (household_id, region_code, household_version, rule_set_id, rule_set_code,
				    as_of, matched_row, outcome, facts, standard_ids, explanation, decided_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS jsonb), ?) RETURNING id""")
			.params(householdId, regionCode, householdVersion, ruleSetId, code, asOf, matchedRow, outcome, factsJson,
					standardIdsJson, explanationJson, login)
			.query(Long.class)
			.single();
	}

	/** Current decisions that used the kind, in the region (prefix) and period, become stale. */
	public int markStaleForStandard(String kind, String prefix, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				UPDATE identification_decision d SET stale = TRUE
				FROM identification_rule_set rs
				WHERE rs.id = d.rule_set_id AND d.current AND NOT d.stale AND :kind = ANY (rs.standard_kinds)
				  AND d.region_code LIKE :prefix || '%' AND d.as_of >= :from
				  AND (CAST(:to AS date) IS NULL OR d.as_of <= :to)""")
			.param("kind", kind)
			.param("prefix", prefix)
			.param("from", from)
			.param("to", to)
			.update();
	}

	/** Current decisions of a rule set for dates from a new version's start become stale. */
	public int markStaleForRuleSet(String code, LocalDate from) {
		return jdbc.sql("UPDATE identification_decision SET stale = TRUE WHERE rule_set_code = ? AND current AND NOT stale AND as_of >= ?")
			.params(code, from)
			.update();
	}

	/** As {@link #markStaleForHousehold} for many households in one statement (an import chunk). */
	public int markStaleForHouseholds(java.util.Collection<Long> householdIds) {
		if (householdIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("UPDATE identification_decision SET stale = TRUE WHERE household_id = ANY (CAST(:ids AS bigint[])) "
				+ "AND current AND NOT stale")
			.param("ids", householdIds.toArray(Long[]::new))
			.update();
	}

	public int markStaleForHousehold(long householdId) {
		return jdbc.sql("UPDATE identification_decision SET stale = TRUE WHERE household_id = ? AND current AND NOT stale")
			.param(householdId)
			.update();
	}

	public List<DecisionView> current(long householdId, Locale locale) {
		return jdbc.sql(SELECT + " WHERE d.household_id = :id AND d.current ORDER BY d.rule_set_code")
			.param("id", householdId)
			.param("en", english(locale))
			.query((rs, n) -> map(rs))
			.list();
	}

	public List<DecisionView> history(long householdId, Locale locale) {
		// current and superseded decisions each through their own partial index
		return jdbc.sql(SELECT + " WHERE d.household_id = :id AND d.current UNION ALL " + SELECT
				+ " WHERE d.household_id = :id AND NOT d.current ORDER BY decided_at DESC, id DESC")
			.param("id", householdId)
			.param("en", english(locale))
			.query((rs, n) -> map(rs))
			.list();
	}

	public Optional<Stored> find(Scope scope, long id, Locale locale) {
		return jdbc.sql(SELECT.replace("SELECT d.id,", "SELECT d.facts::text AS facts_json, d.standard_ids::text AS ids_json, "
				+ "d.explanation::text AS explanation_json, d.region_code, d.id,") + " WHERE d.id = :id AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("en", english(locale))
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> new Stored(map(rs), rs.getString("region_code"), rs.getString("facts_json"),
					rs.getString("ids_json"), rs.getString("explanation_json")))
			.optional();
	}

	/** Current decisions in scope, filtered by rule set, outcome and staleness; pages from 1. */
	public List<DecisionView> list(Scope scope, String code, String outcome, Boolean stale, int limit, int offset,
			Locale locale) {
		return jdbc.sql(SELECT + " WHERE d.current AND " + Scope.sql("o.path") + FILTER
				+ " ORDER BY d.household_id LIMIT :limit OFFSET :offset")
			.param("en", english(locale))
			.param("scopePath", scope.likePattern())
			.param("code", code)
			.param("outcome", outcome)
			.param("stale", stale)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> map(rs))
			.list();
	}

	public long count(Scope scope, String code, String outcome, Boolean stale) {
		return jdbc.sql("""
				SELECT count(*) FROM identification_decision d
				JOIN registry_household h ON h.id = d.household_id
				JOIN organisation o ON o.id = h.organisation_id
				WHERE d.current AND\s""" + Scope.sql("o.path") + FILTER)
			.param("scopePath", scope.likePattern())
			.param("code", code)
			.param("outcome", outcome)
			.param("stale", stale)
			.query(Long.class)
			.single();
	}

	private static final String FILTER = " " + """
			AND (CAST(:code AS varchar) IS NULL OR d.rule_set_code = :code)
			AND (CAST(:outcome AS varchar) IS NULL OR d.outcome = :outcome)
			AND (CAST(:stale AS boolean) IS NULL OR (d.stale OR d.household_version <> h.version) = :stale)""";

	private static boolean english(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

	static DecisionView map(ResultSet rs) throws SQLException {
		long job = rs.getLong("job_id");
		Long jobId = rs.wasNull() ? null : job;
		return new DecisionView(rs.getLong("id"), rs.getLong("household_id"), rs.getLong("rule_set_id"),
				rs.getString("rule_set_code"), rs.getInt("rule_set_version"), rs.getDate("as_of").toLocalDate(),
				rs.getInt("matched_row"), rs.getString("outcome"), rs.getString("label"),
				rs.getTimestamp("decided_at").toInstant(), rs.getString("decided_by"), jobId, rs.getBoolean("current"),
				rs.getBoolean("stale"), rs.getString("file_no"), rs.getString("head_name"));
	}

}
