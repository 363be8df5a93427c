package org.bangfu.exits.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.bangfu.exits.FollowUpRow;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follow-up visits, set-based: one INSERT … SELECT schedules the visits of every exited household
 * of a scope still within its follow-up period (due every interval months after the exit date,
 * for the organisation's follow-up months; existing rows are kept), one SELECT lists them.
 */
@Component
public class ExitFollowUpStore {

	private static final String HEAD = "(SELECT m.name FROM registry_member m WHERE m.household_id = h.id AND m.relation = 'HEAD' AND m.active LIMIT 1)";

	private final JdbcClient jdbc;

	ExitFollowUpStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public int schedule(Scope scope, LocalDate today) {
		return jdbc.sql("""
				INSERT INTO exits_follow_up (household_id, organisation_id, exit_date, seq, due_on)
				SELECT h.id, h.organisation_id, h.exit_date, k.seq,
				       CAST(h.exit_date + make_interval(months => k.seq * s.interval_months) AS date)
				FROM registry_household h JOIN organisation o ON o.id = h.organisation_id
				CROSS JOIN LATERAL (SELECT coalesce(x.follow_up_months, 12) AS months,
				                           coalesce(x.follow_up_interval_months, 3) AS interval_months
				                    FROM (SELECT 1) one LEFT JOIN LATERAL (%s) x ON TRUE) s
				CROSS JOIN LATERAL generate_series(1, greatest(1, s.months / s.interval_months)) AS k(seq)
				WHERE h.status = 'EXITED' AND o.path LIKE :scopePath
				  AND h.exit_date + make_interval(months => s.months) >= CAST(:today AS date)
				ON CONFLICT (household_id, exit_date, seq) DO NOTHING""".formatted(ExitSettingStore.inForce("o.path")))
			.param("scopePath", scope.likePattern())
			.param("today", today)
			.update();
	}

	/** Follow-ups of the scope (of one household, or only the overdue ones), due first. */
	public List<FollowUpRow> list(Scope scope, Long householdId, boolean overdueOnly, LocalDate today, int limit) {
		String sql = """
				SELECT f.*, h.file_no, %s AS head_name, o.name AS organisation_name
				FROM exits_follow_up f JOIN registry_household h ON h.id = f.household_id
				JOIN organisation o ON o.id = f.organisation_id
				WHERE o.path LIKE :scopePath AND h.status = 'EXITED' AND h.exit_date = f.exit_date
				  AND (CAST(:household AS bigint) IS NULL OR f.household_id = CAST(:household AS bigint))
				  AND (NOT :overdueOnly OR (f.visited_on IS NULL AND f.due_on < CAST(:today AS date)))
				ORDER BY f.visited_on IS NOT NULL, f.due_on, f.id LIMIT :limit""".formatted(HEAD);
		return jdbc.sql(sql)
			.param("scopePath", scope.likePattern())
			.param("household", householdId)
			.param("overdueOnly", overdueOnly)
			.param("today", today)
			.param("limit", limit)
			.query((rs, n) -> {
				LocalDate due = rs.getObject("due_on", LocalDate.class);
				LocalDate visited = rs.getObject("visited_on", LocalDate.class);
				return new FollowUpRow(rs.getLong("id"), rs.getLong("household_id"), rs.getString("file_no"),
						rs.getString("head_name"), rs.getString("organisation_name"), rs.getObject("exit_date", LocalDate.class),
						rs.getInt("seq"), due, visited, rs.getString("visitors"), rs.getString("findings"),
						(Boolean) rs.getObject("stable"), visited == null && due.isBefore(today));
			})
			.list();
	}

	public Optional<FollowUpRow> find(Scope scope, long id, LocalDate today) {
		return jdbc.sql("SELECT f.household_id FROM exits_follow_up f JOIN organisation o ON o.id = f.organisation_id"
				+ " WHERE f.id = :id AND o.path LIKE :scopePath")
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(Long.class)
			.optional()
			.flatMap(h -> list(scope, h, false, today, 100).stream().filter(r -> r.id() == id).findFirst());
	}

	public void record(long id, LocalDate visitedOn, String visitors, String findings, Boolean stable, String by) {
		jdbc.sql("""
				UPDATE exits_follow_up SET visited_on = ?, visitors = ?, findings = ?, stable = ?, recorded_by = ?,
				    recorded_at = now() WHERE id = ?""")
			.params(visitedOn, visitors, findings, stable, by, id)
			.update();
	}

}
