package org.bangfu.programs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.bangfu.programs.ProgramContent;
import org.bangfu.programs.ProgramStatus;
import org.bangfu.programs.ProgramView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for program versions. Visible to a scope: programs owned by its organisation, its
 * ancestors (they apply to it) and its subtree. The content is one JSON document.
 */
@Repository
public class ProgramStore {

	static final String SELECT = """
			SELECT p.*, p.content::text AS content_json, o.name AS organisation_name, o.path
			FROM programs_program p JOIN organisation o ON o.id = p.organisation_id
			""";

	static final String VISIBLE = "(:orgPath LIKE o.path || '%' OR o.path LIKE :scopePath)";

	private final JdbcClient jdbc;

	ProgramStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(String code, int version, long organisationId, ProgramContent c, boolean shipped, String login) {
		return jdbc.sql("""
				INSERT INTO programs_program (code, version, organisation_id, shipped, name_zh, form, schedule, fund_code, content, created_by)
				VALUES (:code, :version, :org, :shipped, :name, :form, :schedule, :fund, CAST(:content AS jsonb), :login) RETURNING id""")
			.param("code", code)
			.param("version", version)
			.param("org", organisationId)
			.param("shipped", shipped)
			.param("name", c.nameZh().strip())
			.param("form", c.form().name())
			.param("schedule", c.schedule())
			.param("fund", c.fundCode())
			.param("content", Json.write(c))
			.param("login", login)
			.query(Long.class)
			.single();
	}

	public void updateDraft(long id, ProgramContent c) {
		jdbc.sql("""
				UPDATE programs_program SET name_zh = :name, form = :form, schedule = :schedule, fund_code = :fund,
				    content = CAST(:content AS jsonb) WHERE id = :id AND status = 'DRAFT'""")
			.param("id", id)
			.param("name", c.nameZh().strip())
			.param("form", c.form().name())
			.param("schedule", c.schedule())
			.param("fund", c.fundCode())
			.param("content", Json.write(c))
			.update();
	}

	/** Activates a draft and ends the version in force (one statement each, under the code's lock). */
	public void activate(long id, String code, String login) {
		jdbc.sql("UPDATE programs_program SET status = 'ENDED', ended_at = now() WHERE code = ? AND status = 'ACTIVE'")
			.param(code)
			.update();
		jdbc.sql("UPDATE programs_program SET status = 'ACTIVE', activated_by = ?, activated_at = now() WHERE id = ?")
			.params(login, id)
			.update();
	}

	public void end(long id) {
		jdbc.sql("UPDATE programs_program SET status = 'ENDED', ended_at = now() WHERE id = ? AND status = 'ACTIVE'").param(id).update();
	}

	public void lockCode(String code) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('programs_program:' || ?))").param(code).query(Object.class).single();
	}

	public boolean codeExists(String code) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM programs_program WHERE code = ?)").param(code).query(Boolean.class).single();
	}

	public int nextVersion(String code) {
		return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM programs_program WHERE code = ?").param(code).query(Integer.class).single();
	}

	public List<ProgramView> list(Scope scope) {
		return jdbc.sql(SELECT + " WHERE " + VISIBLE
				+ " AND p.version = (SELECT max(q.version) FROM programs_program q WHERE q.code = p.code) ORDER BY p.code")
			.param("orgPath", scope.path())
			.param("scopePath", scope.likePattern())
			.query(ProgramStore::map)
			.list();
	}

	public Optional<ProgramView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE p.id = :id AND " + VISIBLE)
			.param("id", id)
			.param("orgPath", scope.path())
			.param("scopePath", scope.likePattern())
			.query(ProgramStore::map)
			.optional();
	}

	public Optional<ProgramView> find(long id) {
		return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(ProgramStore::map).optional();
	}

	public Optional<ProgramView> active(String code) {
		return jdbc.sql(SELECT + " WHERE p.code = ? AND p.status = 'ACTIVE'").param(code).query(ProgramStore::map).optional();
	}

	public List<ProgramView> versions(String code) {
		return jdbc.sql(SELECT + " WHERE p.code = ? ORDER BY p.version DESC").param(code).query(ProgramStore::map).list();
	}

	public Optional<String> ownerPath(long id) {
		return jdbc.sql("SELECT o.path FROM programs_program p JOIN organisation o ON o.id = p.organisation_id WHERE p.id = ?")
			.param(id)
			.query(String.class)
			.optional();
	}

	static ProgramView map(ResultSet rs, int n) throws SQLException {
		return new ProgramView(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getLong("organisation_id"),
				rs.getString("organisation_name"), ProgramStatus.valueOf(rs.getString("status")), rs.getBoolean("shipped"),
				Json.read(rs.getString("content_json"), ProgramContent.class), rs.getString("created_by"),
				instant(rs.getTimestamp("created_at")), rs.getString("activated_by"), instant(rs.getTimestamp("activated_at")));
	}

	private static java.time.Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
