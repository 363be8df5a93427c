package org.bangfu.programs.internal.handover;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bangfu.programs.HandOver;
import org.bangfu.programs.HandoverOutcome;
import org.bangfu.programs.HandoverProgress;
import org.bangfu.programs.HandoverView;
import org.bangfu.shared.Actor;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Hand-overs of roster lines (programs_handover): one per line, read with the line, its cycle and its village. */
@Repository
public class HandoverStore {

	private static final String SELECT = """
			SELECT l.id AS line_id, l.cycle_id, l.household_id, p.name_zh AS program_name, c.label AS cycle_label, l.payee_name,
			       l.id_number_masked, r.name AS village, l.amount_fen, h.item, h.outcome, h.recipient_name, h.proxy,
			       h.proxy_relation, h.delivery_point, h.note, h.handed_at, h.staff_name, h.confirmation_key
			FROM programs_roster_line l
			JOIN programs_cycle c ON c.id = l.cycle_id
			JOIN programs_program p ON p.id = c.program_id
			LEFT JOIN organisation_region r ON r.code = l.region_code
			LEFT JOIN programs_handover h ON h.roster_line_id = l.id
			""";

	private final JdbcClient jdbc;

	HandoverStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The cycle's lines (not removed) with their hand-overs; filter OPEN, DONE or ALL; a name searched by its start. */
	public List<HandoverView> sheet(long cycleId, String filter, String name, int limit) {
		String where = switch (filter == null ? "ALL" : filter) {
			case "OPEN" -> " AND h.roster_line_id IS NULL";
			case "DONE" -> " AND h.roster_line_id IS NOT NULL";
			default -> "";
		};
		return jdbc.sql(SELECT + "WHERE l.cycle_id = :cycle AND l.status <> 'REMOVED'" + where
				+ " AND (CAST(:name AS TEXT) IS NULL OR l.payee_name LIKE :name || '%') ORDER BY l.region_code, l.id LIMIT :limit")
			.param("cycle", cycleId)
			.param("name", name == null || name.isBlank() ? null : name.strip())
			.param("limit", limit)
			.query(HandoverStore::map)
			.list();
	}

	public Optional<HandoverView> line(long cycleId, long lineId) {
		return jdbc.sql(SELECT + "WHERE l.cycle_id = ? AND l.id = ?").params(cycleId, lineId).query(HandoverStore::map).optional();
	}

	public HandoverProgress progress(long cycleId) {
		return jdbc.sql("""
				SELECT count(*) AS lines, count(h.roster_line_id) FILTER (WHERE h.outcome = 'HANDED_OVER') AS handed,
				       count(h.roster_line_id) FILTER (WHERE h.outcome <> 'HANDED_OVER') AS not_handed
				FROM programs_roster_line l LEFT JOIN programs_handover h ON h.roster_line_id = l.id
				WHERE l.cycle_id = ? AND l.status <> 'REMOVED'""")
			.param(cycleId)
			.query((rs, n) -> new HandoverProgress(rs.getLong("lines"), rs.getLong("handed"), rs.getLong("not_handed")))
			.single();
	}

	/** The progress of several cycles in one query, by cycle id. */
	public java.util.Map<Long, HandoverProgress> progress(java.util.Collection<Long> cycleIds) {
		java.util.Map<Long, HandoverProgress> out = new java.util.HashMap<>();
		if (cycleIds.isEmpty()) {
			return out;
		}
		jdbc.sql("""
				SELECT l.cycle_id, count(*) AS lines, count(h.roster_line_id) FILTER (WHERE h.outcome = 'HANDED_OVER') AS handed,
				       count(h.roster_line_id) FILTER (WHERE h.outcome <> 'HANDED_OVER') AS not_handed
				FROM programs_roster_line l LEFT JOIN programs_handover h ON h.roster_line_id = l.id
				WHERE l.cycle_id IN (:ids) AND l.status <> 'REMOVED' GROUP BY l.cycle_id""")
			.param("ids", cycleIds)
			.query((rs, n) -> out.put(rs.getLong("cycle_id"),
					new HandoverProgress(rs.getLong("lines"), rs.getLong("handed"), rs.getLong("not_handed"))))
			.list();
		return out;
	}

	/** Records the line's hand-over once: false when it was already recorded (by anyone, at any time). */
	public boolean insert(long lineId, String item, HandOver h, String recipient, String confirmationKey,
			String confirmationType, Instant at, Actor actor) {
		return jdbc.sql("""
				INSERT INTO programs_handover (roster_line_id, cycle_id, household_id, organisation_id, region_code, outcome, item,
				    delivery_point, recipient_name, proxy, proxy_relation, confirmation_key, confirmation_type, note, handed_at,
				    staff_id, staff_login, staff_name)
				SELECT l.id, l.cycle_id, l.household_id, l.organisation_id, l.region_code, :outcome, :item, :point, :recipient,
				    :proxy, :relation, :key, :type, :note, :at, :staffId, :login, :staffName
				FROM programs_roster_line l WHERE l.id = :line
				ON CONFLICT (roster_line_id) DO NOTHING""")
			.param("outcome", h.outcome().name())
			.param("item", item)
			.param("point", h.deliveryPoint())
			.param("recipient", recipient)
			.param("proxy", h.outcome().handedOver() && h.proxy())
			.param("relation", h.outcome().handedOver() && h.proxy() ? h.proxyRelation() : null)
			.param("key", confirmationKey)
			.param("type", confirmationType)
			.param("note", h.note())
			.param("at", Timestamp.from(at))
			.param("staffId", actor.userId())
			.param("login", actor.login())
			.param("staffName", actor.displayName())
			.param("line", lineId)
			.update() == 1;
	}

	/** A household's hand-overs in cycles of the scope, newest first. */
	public List<HandoverView> ofHousehold(Scope scope, long householdId) {
		return jdbc.sql(SELECT + """
				JOIN organisation o ON o.id = l.organisation_id
				WHERE l.household_id = :household AND h.roster_line_id IS NOT NULL AND o.path LIKE :scopePath
				ORDER BY h.handed_at DESC LIMIT 200""")
			.param("household", householdId)
			.param("scopePath", scope.likePattern())
			.query(HandoverStore::map)
			.list();
	}

	/** The stored confirmation image key of a line of the cycle whose household's organisation is in the scope. */
	public Optional<String> confirmation(Scope scope, long cycleId, long lineId) {
		return jdbc.sql("""
				SELECT h.confirmation_key FROM programs_handover h JOIN organisation o ON o.id = h.organisation_id
				WHERE h.roster_line_id = ? AND h.cycle_id = ? AND h.confirmation_key IS NOT NULL AND o.path LIKE ?""")
			.params(lineId, cycleId, scope.likePattern())
			.query(String.class)
			.optional();
	}

	static HandoverView map(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		Timestamp at = rs.getTimestamp("handed_at");
		return new HandoverView(rs.getLong("line_id"), rs.getLong("cycle_id"), rs.getLong("household_id"),
				rs.getString("program_name"), rs.getString("cycle_label"), rs.getString("payee_name"),
				rs.getString("id_number_masked"), rs.getString("village"), rs.getLong("amount_fen"), rs.getString("item"),
				outcome == null ? null : HandoverOutcome.valueOf(outcome), rs.getString("recipient_name"), rs.getBoolean("proxy"),
				rs.getString("proxy_relation"), rs.getString("delivery_point"), rs.getString("note"),
				at == null ? null : at.toInstant(), rs.getString("staff_name"), rs.getString("confirmation_key") != null);
	}

}
