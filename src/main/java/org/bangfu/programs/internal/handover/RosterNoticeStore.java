package org.bangfu.programs.internal.handover;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.bangfu.programs.RosterNoticeView;
import org.bangfu.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Public notices of rosters (programs_roster_notice and its rows). Publication copies the
 * roster's lines in one INSERT … SELECT with the names masked in SQL as the cases notices mask
 * them (first and last character kept: 张三丰 → 张*丰, 张三 → 张*), the village by the line's
 * region, and the amount; nothing else of the line.
 */
@Repository
public class RosterNoticeStore {

	static final String MASK = """
			CASE WHEN char_length(btrim(l.payee_name)) <= 1 THEN '*'
			     WHEN char_length(btrim(l.payee_name)) = 2 THEN left(btrim(l.payee_name), 1) || '*'
			     ELSE left(btrim(l.payee_name), 1) || repeat('*', char_length(btrim(l.payee_name)) - 2) || right(btrim(l.payee_name), 1)
			END""";

	private final JdbcClient jdbc;

	RosterNoticeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the notice of a cycle with its rows; empty when the cycle has one already. */
	public Optional<Long> publish(long cycleId, long organisationId, String organisationName, String title, int days,
			boolean working, LocalDate startsOn, LocalDate endsOn, Instant at, Actor actor) {
		Optional<Long> id = jdbc.sql("""
				INSERT INTO programs_roster_notice (cycle_id, organisation_id, organisation_name, title, period_days, working_days,
				    starts_on, ends_on, line_count, total_fen, published_at, published_by_id, published_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)
				ON CONFLICT (cycle_id) DO NOTHING RETURNING id""")
			.params(cycleId, organisationId, organisationName, title, days, working, Date.valueOf(startsOn), Date.valueOf(endsOn),
					Timestamp.from(at), actor.userId(), actor.login())
			.query(Long.class)
			.optional();
		id.ifPresent(notice -> {
			jdbc.sql("INSERT INTO programs_roster_notice_row (notice_id, row_no, display_name, village, amount_fen) SELECT ?, "
					+ "row_number() OVER (ORDER BY l.region_code, l.id), " + MASK + ", r.name, l.amount_fen "
					+ "FROM programs_roster_line l LEFT JOIN organisation_region r ON r.code = l.region_code "
					+ "WHERE l.cycle_id = ? AND l.status <> 'REMOVED'")
				.params(notice, cycleId)
				.update();
			jdbc.sql("""
					UPDATE programs_roster_notice n SET line_count = s.c, total_fen = s.t
					FROM (SELECT count(*) AS c, coalesce(sum(amount_fen), 0) AS t FROM programs_roster_notice_row WHERE notice_id = ?) s
					WHERE n.id = ?""")
				.params(notice, notice)
				.update();
		});
		return id;
	}

	public Optional<RosterNoticeView> ofCycle(long cycleId, LocalDate today) {
		return jdbc.sql("SELECT * FROM programs_roster_notice WHERE cycle_id = ?").param(cycleId)
			.query((rs, n) -> map(rs, today, List.of()))
			.optional();
	}

	/** Notices whose period ended no more than the given days ago, newest first (without rows). */
	public List<RosterNoticeView> publicList(LocalDate today, int recentDays, int limit) {
		return jdbc.sql("SELECT * FROM programs_roster_notice WHERE ends_on >= ? ORDER BY starts_on DESC, id DESC LIMIT ?")
			.params(Date.valueOf(today.minusDays(recentDays)), limit)
			.query((rs, n) -> map(rs, today, List.of()))
			.list();
	}

	public Optional<RosterNoticeView> find(long id, LocalDate today) {
		List<RosterNoticeView.Row> rows = jdbc.sql("""
				SELECT row_no, display_name, village, amount_fen FROM programs_roster_notice_row WHERE notice_id = ? ORDER BY row_no""")
			.param(id)
			.query((rs, n) -> new RosterNoticeView.Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
		return jdbc.sql("SELECT * FROM programs_roster_notice WHERE id = ?").param(id)
			.query((rs, n) -> map(rs, today, rows))
			.optional();
	}

	private static RosterNoticeView map(ResultSet rs, LocalDate today, List<RosterNoticeView.Row> rows) throws SQLException {
		LocalDate ends = rs.getObject("ends_on", LocalDate.class);
		return new RosterNoticeView(rs.getLong("id"), rs.getLong("cycle_id"), rs.getString("title"),
				rs.getString("organisation_name"), rs.getObject("starts_on", LocalDate.class), ends, rs.getInt("period_days"),
				rs.getBoolean("working_days"), rs.getInt("line_count"), rs.getLong("total_fen"), !today.isAfter(ends), rows);
	}

}
