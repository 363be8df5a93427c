package org.bangfu.pairing.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.bangfu.pairing.OrgPairingView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Organisation-to-organisation pairings and the helper's yearly quota counter. */
@Component
public class OrgPairingStore {

	private static final String SELECT = """
			SELECT p.id, p.helper_id, a.name AS helper_name, p.helped_id, b.name AS helped_name, p.year, p.started_on,
			       p.ended_on, p.note, p.end_reason, p.end_note
			FROM pairing_org_pairing p
			JOIN organisation a ON a.id = p.helper_id
			JOIN organisation b ON b.id = p.helped_id
			""";

	private final JdbcClient jdbc;

	OrgPairingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes one place of the helper's quota for the year; false when the capacity is used up. */
	public boolean take(long helperId, int year, int capacity) {
		jdbc.sql("INSERT INTO pairing_org_quota (helper_id, year) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(helperId, year)
			.update();
		return jdbc.sql("UPDATE pairing_org_quota SET used = used + 1 WHERE helper_id = ? AND year = ? AND used < ?")
			.params(helperId, year, capacity)
			.update() == 1;
	}

	/** Locks the helper's quota row of the year (before the pairing, as {@link #take} does). */
	public void lockQuota(long helperId, int year) {
		jdbc.sql("SELECT used FROM pairing_org_quota WHERE helper_id = ? AND year = ? FOR NO KEY UPDATE")
			.params(helperId, year)
			.query(Integer.class)
			.optional();
	}

	/** Gives one place of the helper's quota for the year back. */
	public void release(long helperId, int year) {
		jdbc.sql("UPDATE pairing_org_quota SET used = used - 1 WHERE helper_id = ? AND year = ? AND used > 0")
			.params(helperId, year)
			.update();
	}

	/** Ends an active pairing; false when it had ended already. */
	public boolean end(long id, LocalDate on, String reason, String note, String by) {
		return jdbc.sql("""
				UPDATE pairing_org_pairing SET ended_on = ?, end_reason = ?, end_note = ?, ended_by = ?
				WHERE id = ? AND ended_on IS NULL""")
			.params(on, reason, note, by, id)
			.update() == 1;
	}

	/** A pairing whose helper and helped organisation are both in the scope. */
	public Optional<OrgPairingView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE p.id = :id AND " + Scope.sql("a.path") + " AND " + Scope.sql("b.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(OrgPairingView.class)
			.optional();
	}

	public int used(long helperId, int year) {
		return jdbc.sql("SELECT used FROM pairing_org_quota WHERE helper_id = ? AND year = ?")
			.params(helperId, year)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	public long insert(long helperId, long helpedId, int year, LocalDate start, String note, String by) {
		return jdbc.sql("""
				INSERT INTO pairing_org_pairing (helper_id, helped_id, year, started_on, note, created_by)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(helperId, helpedId, year, start, note, by)
			.query(Long.class)
			.single();
	}

	public Optional<OrgPairingView> find(long id) {
		return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(OrgPairingView.class).optional();
	}

	/** Pairings whose helper or helped organisation is in the scope. */
	public List<OrgPairingView> list(Scope scope, Integer year) {
		return jdbc.sql(SELECT + " WHERE (" + Scope.sql("a.path") + " OR " + Scope.sql("b.path") + ")"
				+ (year == null ? "" : " AND p.year = :year") + " ORDER BY p.year DESC, a.name, b.name")
			.param("scopePath", scope.likePattern())
			.params(year == null ? java.util.Map.of() : java.util.Map.of("year", year))
			.query(OrgPairingView.class)
			.list();
	}

}
