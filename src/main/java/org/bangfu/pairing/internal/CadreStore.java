package org.bangfu.pairing.internal;

import java.util.List;
import java.util.Optional;

import org.bangfu.pairing.CadreView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cadres and their counters. The counter of active households is changed only by
 * {@link #take} and {@link #release}: single conditional UPDATEs on the cadre's row, so
 * concurrent assignments serialise on the row lock and the cap cannot be passed.
 * <p>
 * Lock order, kept by every path that changes a cadre's pairings: the user's row (identity:
 * deactivation and moves update it, pairing holds it with {@code Users.holdActive}), then the
 * cadre's row ({@link #take}, {@link #lock}, {@link #deactivateUser}, {@link #moveUser}), then
 * the cadre's pairings. Nobody locks a pairing and then its cadre, so two of these paths
 * cannot deadlock.
 */
@Component
public class CadreStore {

	private static final String SELECT = """
			SELECT c.id, c.organisation_id, o.name AS organisation_name, c.user_id, u.login, c.name, c.phone,
			       c.position, c.active AND coalesce(u.active, TRUE) AS active, c.active_households,
			       coalesce((SELECT s.cadre_cap FROM organisation so JOIN pairing_setting s ON s.organisation_id = so.id
			                 WHERE o.path LIKE so.path || '%' ORDER BY length(so.path) DESC LIMIT 1), 5) AS cap
			FROM pairing_cadre c
			JOIN organisation o ON o.id = c.organisation_id
			LEFT JOIN identity_user u ON u.id = c.user_id
			""";

	private final JdbcClient jdbc;

	CadreStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<CadreView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE c.id = :id AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(this::map)
			.optional();
	}

	public Optional<CadreView> findByUser(long userId) {
		return jdbc.sql(SELECT + " WHERE c.user_id = ?").param(userId).query(this::map).optional();
	}

	/** Cadres in the scope, those with most room first; optionally only active ones. */
	public List<CadreView> list(Scope scope, boolean activeOnly, String text) {
		String where = " WHERE " + Scope.sql("o.path") + (activeOnly ? " AND c.active AND coalesce(u.active, TRUE)" : "")
				+ (text == null || text.isBlank() ? "" : " AND (c.name LIKE :text OR u.login LIKE :text)");
		var spec = jdbc.sql(SELECT + where + " ORDER BY o.path, c.name, c.id LIMIT 500")
			.param("scopePath", scope.likePattern());
		if (text != null && !text.isBlank()) {
			spec = spec.param("text", "%" + text.trim().replace("%", "").replace("_", "") + "%");
		}
		return spec.query(this::map).list();
	}

	public long insert(long organisationId, Long userId, String name, String phone, String position, String by) {
		return jdbc.sql("""
				INSERT INTO pairing_cadre (organisation_id, user_id, name, phone, position, created_by)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(organisationId, userId, name, phone, position, by)
			.query(Long.class)
			.single();
	}

	/** Makes the cadre record of a user unless one exists (concurrent callers: one wins, no error). */
	public Optional<Long> insertForUser(long organisationId, long userId, String name, String phone, String by) {
		return jdbc.sql("""
				INSERT INTO pairing_cadre (organisation_id, user_id, name, phone, created_by)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING RETURNING id""")
			.params(organisationId, userId, name, phone, by)
			.query(Long.class)
			.optional();
	}

	/**
	 * Takes {@code n} places of the cadre's cap (all or none); false when the cadre is
	 * inactive, would pass the limit, or holds a one-to-one pairing already.
	 */
	public boolean take(long cadreId, int n, int limit) {
		return jdbc.sql("""
				UPDATE pairing_cadre c SET active_households = active_households + :n
				WHERE c.id = :id AND c.active AND c.active_households + :n <= :limit
				  AND NOT EXISTS (SELECT 1 FROM pairing_pairing p
				                  WHERE p.cadre_id = c.id AND p.ended_on IS NULL AND p.type = 'ONE_TO_ONE')""")
			.param("n", n)
			.param("id", cadreId)
			.param("limit", limit)
			.update() == 1;
	}

	/** Whether the cadre has an active one-to-one pairing (which allows no other). */
	public boolean holdsOneToOne(long cadreId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM pairing_pairing WHERE cadre_id = ? AND ended_on IS NULL AND type = 'ONE_TO_ONE')")
			.param(cadreId).query(Boolean.class).single();
	}

	/** How many households the cadre is paired with now. */
	public int activeHouseholds(long cadreId) {
		return jdbc.sql("SELECT active_households FROM pairing_cadre WHERE id = ?").param(cadreId).query(Integer.class)
			.optional().orElse(0);
	}

	public boolean active(long cadreId) {
		return jdbc.sql("SELECT active FROM pairing_cadre WHERE id = ?").param(cadreId).query(Boolean.class).optional().orElse(false);
	}

	/** Locks the cadre's row until the transaction ends (before touching any of the cadre's pairings). */
	public void lock(long cadreId) {
		jdbc.sql("SELECT id FROM pairing_cadre WHERE id = ? FOR NO KEY UPDATE").param(cadreId).query(Long.class).optional();
	}

	public void release(long cadreId, int n) {
		jdbc.sql("UPDATE pairing_cadre SET active_households = active_households - ? WHERE id = ?")
			.params(n, cadreId)
			.update();
	}

	/** Marks the cadre of a user inactive; returns the cadre id if the user is a cadre. */
	public Optional<Long> deactivateUser(long userId) {
		return jdbc.sql("UPDATE pairing_cadre SET active = FALSE WHERE user_id = ? RETURNING id")
			.param(userId)
			.query(Long.class)
			.optional();
	}

	/** Moves the cadre of a user to another organisation; returns the cadre id if the user is a cadre. */
	public Optional<Long> moveUser(long userId, long organisationId) {
		return jdbc.sql("UPDATE pairing_cadre SET organisation_id = ? WHERE user_id = ? RETURNING id")
			.params(organisationId, userId)
			.query(Long.class)
			.optional();
	}

	/** Makes the cadre record of an active user who holds the pairing cadre role, unless one exists. */
	public Optional<Long> enrolUser(long userId, String by) {
		return jdbc.sql("""
				INSERT INTO pairing_cadre (organisation_id, user_id, name, phone, created_by)
				SELECT u.organisation_id, u.id, u.name, u.phone, ?
				FROM identity_user u
				WHERE u.id = ? AND u.active
				  AND EXISTS (SELECT 1 FROM identity_user_role r WHERE r.user_id = u.id AND r.role = 'PAIRING_CADRE')
				ON CONFLICT (user_id) DO NOTHING RETURNING id""")
			.params(by, userId)
			.query(Long.class)
			.optional();
	}

	/**
	 * Makes the cadre of a user active again when the user is active and holds the pairing cadre
	 * role (after a reactivation or the role given back); returns the cadre id if it changed.
	 */
	public Optional<Long> reactivateUser(long userId) {
		return jdbc.sql("""
				UPDATE pairing_cadre c SET active = TRUE
				FROM identity_user u
				WHERE c.user_id = u.id AND u.id = ? AND u.active AND NOT c.active
				  AND EXISTS (SELECT 1 FROM identity_user_role r WHERE r.user_id = u.id AND r.role = 'PAIRING_CADRE')
				RETURNING c.id""")
			.param(userId)
			.query(Long.class)
			.optional();
	}

	public void setActive(long cadreId, boolean active) {
		jdbc.sql("UPDATE pairing_cadre SET active = ? WHERE id = ?").params(active, cadreId).update();
	}

	private CadreView map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		long org = rs.getLong("organisation_id");
		return new CadreView(rs.getLong("id"), org, rs.getString("organisation_name"), (Long) rs.getObject("user_id"),
				rs.getString("login"), rs.getString("name"), rs.getString("phone"), rs.getString("position"),
				rs.getBoolean("active"), rs.getInt("active_households"), rs.getInt("cap"));
	}

}
