package org.bangfu.identification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bangfu.identification.RuleRow;
import org.bangfu.identification.RuleSetContent;
import org.bangfu.identification.RuleSetStatus;
import org.bangfu.identification.RuleSetView;
import org.bangfu.identification.TestCase;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;

/**
 * SQL for rule-set versions. Visible to a scope: versions owned by its organisation, its
 * ancestors (they apply to it) and its subtree. Rows and test cases are JSON documents.
 */
@Repository
public class RuleSetStore {

	static final String SELECT = """
			SELECT rs.*, rs.rules::text AS rules_json, rs.test_cases::text AS cases_json, o.name AS organisation_name, o.path
			FROM identification_rule_set rs
			JOIN organisation o ON o.id = rs.organisation_id
			""";

	static final String VISIBLE = "(:orgPath LIKE o.path || '%' OR o.path LIKE :scopePath)";

	private final JdbcClient jdbc;

	RuleSetStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The rows part of the stored document. */
	record Rules(List<RuleRow> rows, String defaultOutcome, String defaultLabelZh, String defaultLabelEn) {
	}

	public long insert(String code, int version, long organisationId, RuleSetContent c, List<String> kinds,
			boolean shipped, String login) {
		return jdbc.sql("""
				INSERT INTO identification_rule_set (code, version, organisation_id, name_zh, name_en, description, rules,
				    test_cases, standard_kinds, shipped, created_by, updated_by)
				VALUES (:code, :version, :org, :nameZh, :nameEn, :description, CAST(:rules AS jsonb), CAST(:cases AS jsonb),
				    CAST(:kinds AS text[]), :shipped, :login, :login)
				RETURNING id""")
			.param("code", code)
			.param("version", version)
			.param("org", organisationId)
			.param("nameZh", c.nameZh().strip())
			.param("nameEn", c.nameEn().strip())
			.param("description", c.description())
			.param("rules", rulesJson(c))
			.param("cases", Json.write(c.casesOrEmpty()))
			.param("kinds", kinds.toArray(String[]::new))
			.param("shipped", shipped)
			.param("login", login)
			.query(Long.class)
			.single();
	}

	public void updateDraft(long id, RuleSetContent c, List<String> kinds, String login) {
		jdbc.sql("""
				UPDATE identification_rule_set SET name_zh = :nameZh, name_en = :nameEn, description = :description,
				    rules = CAST(:rules AS jsonb), test_cases = CAST(:cases AS jsonb), standard_kinds = CAST(:kinds AS text[]),
				    updated_by = :login, updated_at = now()
				WHERE id = :id AND status = 'DRAFT'""")
			.param("id", id)
			.param("nameZh", c.nameZh().strip())
			.param("nameEn", c.nameEn().strip())
			.param("description", c.description())
			.param("rules", rulesJson(c))
			.param("cases", Json.write(c.casesOrEmpty()))
			.param("kinds", kinds.toArray(String[]::new))
			.param("login", login)
			.update();
	}

	private static String rulesJson(RuleSetContent c) {
		return Json.write(new Rules(c.rows(), c.defaultOutcome(), c.defaultLabelZh(), c.defaultLabelEn()));
	}

	/** Unscoped (system use, jobs). */
	public Optional<RuleSetView> find(long id) {
		return jdbc.sql(SELECT + " WHERE rs.id = ?").param(id).query((rs, n) -> map(rs)).optional();
	}

	public Optional<RuleSetView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE rs.id = :id AND " + VISIBLE)
			.param("id", id)
			.param("orgPath", scope.path())
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> map(rs))
			.optional();
	}

	/**
	 * Whether some version of the rule set has decided anything (so a current decision of it may
	 * exist): read from the few rule-set rows, never from a decision table that grows with history.
	 */
	public boolean anyDecided(String code) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM identification_rule_set WHERE code = ? AND decided)")
			.param(code)
			.query(Boolean.class)
			.single();
	}

	/** Records that the version decides something: before its first decision is written (a no-op after). */
	public void markDecided(long id) {
		jdbc.sql("UPDATE identification_rule_set SET decided = TRUE WHERE id = ? AND NOT decided").param(id).update();
	}

	/** The organisation path of the owner of a version. */
	public Optional<String> ownerPath(long id) {
		return jdbc.sql("SELECT o.path FROM identification_rule_set rs JOIN organisation o ON o.id = rs.organisation_id WHERE rs.id = ?")
			.param(id)
			.query(String.class)
			.optional();
	}

	public List<RuleSetView> list(Scope scope) {
		return jdbc.sql(SELECT + " WHERE " + VISIBLE + " ORDER BY rs.code, rs.version DESC")
			.param("orgPath", scope.path())
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> map(rs))
			.list();
	}

	public List<RuleSetView> versions(String code) {
		return jdbc.sql(SELECT + " WHERE rs.code = ? ORDER BY rs.version DESC").param(code).query((rs, n) -> map(rs)).list();
	}

	public boolean codeExists(String code) {
		return jdbc.sql("SELECT count(*) FROM identification_rule_set WHERE code = ?").param(code).query(Long.class).single() > 0;
	}

	public int nextVersion(String code) {
		return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM identification_rule_set WHERE code = ?")
			.param(code)
			.query(Integer.class)
			.single();
	}

	/** Serialises changes to one code's versions until the transaction ends. */
	public void lockCode(String code) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("identification_rule_set:" + code).query(Object.class).single();
	}

	/** The latest start date of any version that was ever in force. */
	public Optional<LocalDate> latestStart(String code) {
		return jdbc.sql("SELECT max(effective_from) FROM identification_rule_set WHERE code = ? AND status <> 'DRAFT'")
			.param(code)
			.query((rs, n) -> rs.getDate(1) == null ? null : rs.getDate(1).toLocalDate())
			.optional();
	}

	/** Ends every version in force on or after the date (the day before) and retires them; activates this one. */
	public void activate(long id, String code, LocalDate from, String login) {
		jdbc.sql("""
				UPDATE identification_rule_set SET status = 'RETIRED', effective_to = CAST(:from AS date) - 1, updated_at = now()
				WHERE code = :code AND status <> 'DRAFT' AND (effective_to IS NULL OR effective_to >= :from)""")
			.param("code", code)
			.param("from", from)
			.update();
		jdbc.sql("""
				UPDATE identification_rule_set SET status = 'ACTIVE', effective_from = :from, effective_to = NULL,
				    activated_by = :login, activated_at = now(), updated_by = :login, updated_at = now()
				WHERE id = :id""")
			.param("id", id)
			.param("from", from)
			.param("login", login)
			.update();
	}

	public void retire(long id, LocalDate lastDay, String login) {
		jdbc.sql("""
				UPDATE identification_rule_set SET status = 'RETIRED', effective_to = :to, updated_by = :login, updated_at = now()
				WHERE id = :id AND status = 'ACTIVE'""")
			.param("id", id)
			.param("to", lastDay)
			.param("login", login)
			.update();
	}

	/** The versions in force on the date for households of an organisation (owned by it or an ancestor). */
	public List<RuleSetView> applicable(String organisationPath, LocalDate date) {
		return jdbc.sql(SELECT + """
				 WHERE rs.status <> 'DRAFT' AND rs.effective_from <= :d AND (rs.effective_to IS NULL OR rs.effective_to >= :d)
				   AND :orgPath LIKE o.path || '%'
				ORDER BY rs.shipped, rs.code""")
			.param("d", date)
			.param("orgPath", organisationPath)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** The version of a code in force on a date, if any. */
	public Optional<RuleSetView> inForce(String code, LocalDate date) {
		return jdbc.sql(SELECT + """
				 WHERE rs.code = :code AND rs.status <> 'DRAFT' AND rs.effective_from <= :d
				   AND (rs.effective_to IS NULL OR rs.effective_to >= :d)""")
			.param("code", code)
			.param("d", date)
			.query((rs, n) -> map(rs))
			.optional();
	}

	static RuleSetView map(ResultSet rs) throws SQLException {
		Rules rules = Json.read(rs.getString("rules_json"), Rules.class);
		List<TestCase> cases = Json.MAPPER.readValue(rs.getString("cases_json"), new TypeReference<List<TestCase>>() {
		});
		RuleSetContent content = new RuleSetContent(rs.getString("name_zh"), rs.getString("name_en"),
				rs.getString("description"), rules.rows(), rules.defaultOutcome(), rules.defaultLabelZh(),
				rules.defaultLabelEn(), cases);
		java.sql.Array kinds = rs.getArray("standard_kinds");
		return new RuleSetView(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getLong("organisation_id"),
				rs.getString("organisation_name"), RuleSetStatus.valueOf(rs.getString("status")), date(rs, "effective_from"),
				date(rs, "effective_to"), content, kinds == null ? List.of() : Arrays.asList((String[]) kinds.getArray()),
				rs.getBoolean("shipped"), rs.getString("created_by"), instant(rs, "created_at"), rs.getString("updated_by"),
				instant(rs, "updated_at"), rs.getString("activated_by"), instant(rs, "activated_at"));
	}

	static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}

	static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

}
