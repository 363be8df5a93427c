package org.bangfu.programs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.bangfu.programs.AccountStatus;
import org.bangfu.programs.LineStatus;
import org.bangfu.programs.RosterChecks;
import org.bangfu.programs.RosterLineView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for roster lines: pages of a cycle's lines, its checks, and one line's changes (optimistic version). */
@Repository
public class RosterStore {

	static final String SELECT = "SELECT l.*, l.facts::text AS facts_json FROM programs_roster_line l ";

	private final JdbcClient jdbc;

	RosterStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Filters: ALL, MISSING_ACCOUNT, CAPPED, NEEDS_REASON, REMOVED. */
	public List<RosterLineView> page(long cycleId, String filter, int offset, int limit) {
		return jdbc.sql(SELECT + "WHERE l.cycle_id = :cycle AND " + condition(filter) + " ORDER BY l.household_id, l.member_id NULLS FIRST "
				+ "OFFSET :offset LIMIT :limit")
			.param("cycle", cycleId)
			.param("offset", offset)
			.param("limit", limit)
			.query(RosterStore::map)
			.list();
	}

	public long count(long cycleId, String filter) {
		return jdbc.sql("SELECT count(*) FROM programs_roster_line l WHERE l.cycle_id = ? AND " + condition(filter))
			.param(cycleId)
			.query(Long.class)
			.single();
	}

	static String condition(String filter) {
		return switch (filter == null ? "ALL" : filter) {
			case "MISSING_ACCOUNT" -> "l.account_status = 'MISSING' AND l.status <> 'REMOVED'";
			case "CAPPED" -> "l.capped AND l.status <> 'REMOVED'";
			case "NEEDS_REASON" -> "l.status = 'NEEDS_REASON'";
			case "REMOVED" -> "l.status = 'REMOVED'";
			default -> "TRUE";
		};
	}

	public RosterChecks checks(long cycleId) {
		return jdbc.sql("""
				SELECT count(*) FILTER (WHERE status <> 'REMOVED'), coalesce(sum(amount_fen) FILTER (WHERE status <> 'REMOVED'), 0),
				       count(*) FILTER (WHERE status <> 'REMOVED' AND account_status = 'MISSING'),
				       count(*) FILTER (WHERE status <> 'REMOVED' AND capped), count(*) FILTER (WHERE status = 'NEEDS_REASON'),
				       count(*) FILTER (WHERE status = 'REMOVED')
				FROM programs_roster_line WHERE cycle_id = ?""")
			.param(cycleId)
			.query((rs, n) -> new RosterChecks(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
			.single();
	}

	public Optional<RosterLineView> find(long cycleId, long lineId) {
		return jdbc.sql(SELECT + "WHERE l.cycle_id = ? AND l.id = ?").params(cycleId, lineId).query(RosterStore::map).optional();
	}

	public List<RosterLineView> ofHousehold(long householdId) {
		return jdbc.sql(SELECT + "WHERE l.household_id = ? ORDER BY l.id DESC").param(householdId).query(RosterStore::map).list();
	}

	/** A household's lines of cycles in the scope (its payments), newest first, with the cycle and its status. */
	public List<Payment> payments(org.bangfu.shared.Scope scope, long householdId) {
		return jdbc.sql("""
				SELECT l.*, l.facts::text AS facts_json, c.label, c.pay_date, c.status AS cycle_status, p.name_zh AS program_name
				FROM programs_roster_line l JOIN programs_cycle c ON c.id = l.cycle_id JOIN programs_program p ON p.id = c.program_id
				JOIN organisation o ON o.id = l.organisation_id
				WHERE l.household_id = :household AND o.path LIKE :scopePath ORDER BY c.pay_date DESC, l.id DESC LIMIT 200""")
			.param("household", householdId)
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> new Payment(map(rs, n), rs.getString("program_name"), rs.getString("label"),
					rs.getObject("pay_date", java.time.LocalDate.class), org.bangfu.programs.CycleStatus.valueOf(rs.getString("cycle_status"))))
			.list();
	}

	/** A roster line with its cycle, as the household page lists it. */
	public record Payment(RosterLineView line, String programName, String cycleLabel, java.time.LocalDate payDate,
			org.bangfu.programs.CycleStatus cycleStatus) {
	}

	public int edit(long lineId, int version, long amountFen, String reason, long userId, String login) {
		return jdbc.sql("""
				UPDATE programs_roster_line SET amount_fen = ?, reason = ?, status = 'EDITED', edited_by = ?, edited_login = ?,
				    edited_at = now(), version = version + 1 WHERE id = ? AND version = ?""")
			.params(amountFen, reason, userId, login, lineId, version)
			.update();
	}

	public int remove(long lineId, int version, String reason, long userId, String login) {
		return jdbc.sql("""
				UPDATE programs_roster_line SET status = 'REMOVED', reason = ?, edited_by = ?, edited_login = ?, edited_at = now(),
				    version = version + 1 WHERE id = ? AND version = ? AND status <> 'REMOVED'""")
			.params(reason, userId, login, lineId, version)
			.update();
	}

	/** Whether the user edited or removed a line of the cycle (then they do not approve it). */
	public boolean editedBy(long cycleId, long userId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM programs_roster_line WHERE cycle_id = ? AND edited_by = ?)")
			.params(cycleId, userId)
			.query(Boolean.class)
			.single();
	}

	static RosterLineView map(ResultSet rs, int n) throws SQLException {
		return new RosterLineView(rs.getLong("id"), rs.getLong("cycle_id"), rs.getLong("household_id"),
				(Long) rs.getObject("member_id", Long.class), rs.getString("region_code"), rs.getInt("rule_row"),
				rs.getString("facts_json"), rs.getLong("computed_fen"), rs.getLong("amount_fen"),
				(Long) rs.getObject("range_min_fen", Long.class), (Long) rs.getObject("range_max_fen", Long.class),
				rs.getLong("max_fen"), rs.getBoolean("capped"), rs.getBoolean("second_grant"), rs.getString("payee_name"),
				rs.getString("id_number_masked"), rs.getString("bank_name"), rs.getString("account_masked"),
				AccountStatus.valueOf(rs.getString("account_status")), LineStatus.valueOf(rs.getString("status")),
				rs.getString("reason"), rs.getString("edited_login"), rs.getInt("version"), rs.getString("payment_status"),
				(Long) rs.getObject("bank_batch_id", Long.class), rs.getString("payment_reason"), rs.getString("account_holder"));
	}

}
