package org.bangfu.programs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.bangfu.programs.CycleStatus;
import org.bangfu.programs.CycleView;
import org.bangfu.programs.NewCycle;
import org.bangfu.programs.ProgramForm;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for cycles: visible to the scope of their organisation's subtree. */
@Repository
public class CycleStore {

	static final String SELECT = """
			SELECT c.*, p.version AS program_version, p.name_zh AS program_name, p.form, o.name AS organisation_name, o.path
			FROM programs_cycle c JOIN programs_program p ON p.id = c.program_id JOIN organisation o ON o.id = c.organisation_id
			""";

	private final JdbcClient jdbc;

	CycleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the cycle unless the program already has one for the period key (then empty). */
	public Optional<Long> insert(NewCycle c, String programCode, long organisationId, int months, long userId, String login) {
		return jdbc.sql("""
				INSERT INTO programs_cycle (program_id, program_code, organisation_id, label, period_key, period_from, period_to,
				    pay_date, months, created_by, created_login)
				VALUES (:program, :code, :org, :label, :key, :from, :to, :pay, :months, :user, :login)
				ON CONFLICT (program_code, period_key) DO NOTHING RETURNING id""")
			.param("program", c.programId())
			.param("code", programCode)
			.param("org", organisationId)
			.param("label", c.label().strip())
			.param("key", c.periodKey().strip())
			.param("from", c.from())
			.param("to", c.to())
			.param("pay", c.payDate())
			.param("months", months)
			.param("user", userId)
			.param("login", login)
			.query(Long.class)
			.optional();
	}

	public List<CycleView> list(Scope scope, int limit) {
		return jdbc.sql(SELECT + " WHERE " + Scope.sql("o.path") + " ORDER BY c.pay_date DESC, c.id DESC LIMIT :limit")
			.param("scopePath", scope.likePattern())
			.param("limit", limit)
			.query(CycleStore::map)
			.list();
	}

	public Optional<CycleView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE c.id = :id AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(CycleStore::map)
			.optional();
	}

	public Optional<CycleView> find(long id) {
		return jdbc.sql(SELECT + " WHERE c.id = ?").param(id).query(CycleStore::map).optional();
	}

	/** Locks the cycle's row (FOR UPDATE: status changes; FOR SHARE: a generation chunk) and gives its status. */
	public CycleStatus lock(long id, boolean exclusive) {
		return CycleStatus.valueOf(jdbc.sql("SELECT status FROM programs_cycle WHERE id = ? FOR " + (exclusive ? "UPDATE" : "SHARE"))
			.param(id)
			.query(String.class)
			.single());
	}

	public String path(long id) {
		return jdbc.sql("SELECT o.path FROM programs_cycle c JOIN organisation o ON o.id = c.organisation_id WHERE c.id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	public void status(long id, CycleStatus status) {
		jdbc.sql("UPDATE programs_cycle SET status = ?, version = version + 1 WHERE id = ?").params(status.name(), id).update();
	}

	public void startGeneration(long id, long jobId) {
		jdbc.sql("UPDATE programs_cycle SET status = 'GENERATING', job_id = ?, version = version + 1 WHERE id = ?")
			.params(jobId, id)
			.update();
	}

	/** Recounts the roster's lines and total (lines not removed). */
	public void totals(long id) {
		jdbc.sql("""
				UPDATE programs_cycle c SET total_fen = t.total, line_count = t.n
				FROM (SELECT coalesce(sum(amount_fen), 0) AS total, count(*) AS n FROM programs_roster_line
				      WHERE cycle_id = :id AND status <> 'REMOVED') t WHERE c.id = :id""")
			.param("id", id)
			.update();
	}

	public int submit(long id, int version, long userId) {
		return jdbc.sql("""
				UPDATE programs_cycle SET status = 'SUBMITTED', submitted_by = ?, submitted_at = now(), version = version + 1
				WHERE id = ? AND version = ? AND status = 'GENERATED'""")
			.params(userId, id, version)
			.update();
	}

	/** Approves if nobody changed the cycle since it was read (optimistic version): 1, else 0. */
	public int approve(long id, int version, long userId) {
		return jdbc.sql("""
				UPDATE programs_cycle SET status = 'APPROVED', approved_by = ?, approved_at = now(), version = version + 1
				WHERE id = ? AND version = ? AND status = 'SUBMITTED'""")
			.params(userId, id, version)
			.update();
	}

	public int sendBack(long id, int version) {
		return jdbc.sql("""
				UPDATE programs_cycle SET status = 'GENERATED', submitted_by = NULL, submitted_at = NULL, version = version + 1
				WHERE id = ? AND version = ? AND status = 'SUBMITTED'""")
			.params(id, version)
			.update();
	}

	static CycleView map(ResultSet rs, int n) throws SQLException {
		return new CycleView(rs.getLong("id"), rs.getLong("program_id"), rs.getString("program_code"), rs.getInt("program_version"),
				rs.getString("program_name"), ProgramForm.valueOf(rs.getString("form")), rs.getLong("organisation_id"),
				rs.getString("organisation_name"), rs.getString("label"), rs.getString("period_key"),
				rs.getObject("period_from", java.time.LocalDate.class), rs.getObject("period_to", java.time.LocalDate.class),
				rs.getObject("pay_date", java.time.LocalDate.class), rs.getInt("months"), CycleStatus.valueOf(rs.getString("status")),
				(Long) rs.getObject("job_id", Long.class), rs.getInt("version"), rs.getLong("created_by"), rs.getString("created_login"),
				instant(rs.getTimestamp("created_at")), (Long) rs.getObject("submitted_by", Long.class),
				instant(rs.getTimestamp("submitted_at")), (Long) rs.getObject("approved_by", Long.class),
				instant(rs.getTimestamp("approved_at")), rs.getLong("total_fen"), rs.getInt("line_count"));
	}

	private static java.time.Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
