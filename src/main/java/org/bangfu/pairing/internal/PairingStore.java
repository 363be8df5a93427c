package org.bangfu.pairing.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.bangfu.pairing.PairingView;
import org.bangfu.pairing.PairingVocabulary.EndReason;
import org.bangfu.pairing.PairingVocabulary.PairingType;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Household pairings. Reads the register's household and head name for display. */
@Component
public class PairingStore {

	static final String SELECT = """
			SELECT p.id, p.cadre_id, c.name AS cadre_name, p.household_id, h.file_no,
			       (SELECT m.name FROM registry_member m WHERE m.household_id = h.id AND m.relation = 'HEAD' AND m.active LIMIT 1) AS head_name,
			       p.organisation_id, p.type, p.started_on, p.planned_end_on, p.ended_on, p.end_reason, p.end_note, p.ended_early
			FROM pairing_pairing p
			JOIN pairing_cadre c ON c.id = p.cadre_id
			JOIN registry_household h ON h.id = p.household_id
			JOIN organisation o ON o.id = p.organisation_id
			""";

	private final JdbcClient jdbc;

	PairingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long cadreId, long householdId, long organisationId, PairingType type, LocalDate start,
			LocalDate plannedEnd, String by) {
		return jdbc.sql("""
				INSERT INTO pairing_pairing (cadre_id, household_id, organisation_id, type, started_on, planned_end_on, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(cadreId, householdId, organisationId, type.name(), start, plannedEnd, by)
			.query(Long.class)
			.single();
	}

	public Optional<PairingView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE p.id = :id AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(PairingStore::map)
			.optional();
	}

	public Optional<PairingView> activeOf(long householdId) {
		return jdbc.sql(SELECT + " WHERE p.household_id = ? AND p.ended_on IS NULL")
			.param(householdId)
			.query(PairingStore::map)
			.optional();
	}

	public List<PairingView> ofHousehold(long householdId) {
		return jdbc.sql(SELECT + " WHERE p.household_id = ? ORDER BY p.started_on DESC, p.id DESC")
			.param(householdId)
			.query(PairingStore::map)
			.list();
	}

	public List<PairingView> search(Scope scope, Long cadreId, Long householdId, boolean activeOnly, int limit, int offset) {
		StringBuilder where = new StringBuilder(" WHERE " + Scope.sql("o.path"));
		if (cadreId != null) {
			where.append(" AND p.cadre_id = :cadre");
		}
		if (householdId != null) {
			where.append(" AND p.household_id = :household");
		}
		if (activeOnly) {
			where.append(" AND p.ended_on IS NULL");
		}
		var spec = jdbc.sql(SELECT + where + " ORDER BY p.ended_on DESC NULLS FIRST, p.started_on DESC, p.id DESC LIMIT :limit OFFSET :offset")
			.param("scopePath", scope.likePattern())
			.param("limit", limit)
			.param("offset", offset);
		if (cadreId != null) {
			spec = spec.param("cadre", cadreId);
		}
		if (householdId != null) {
			spec = spec.param("household", householdId);
		}
		return spec.query(PairingStore::map).list();
	}

	/** Ends one active pairing; false when it had already ended. */
	public boolean end(long id, LocalDate on, EndReason reason, String note, boolean early, String by) {
		return jdbc.sql("""
				UPDATE pairing_pairing SET ended_on = ?, end_reason = ?, end_note = ?, ended_early = ?, ended_by = ?
				WHERE id = ? AND ended_on IS NULL""")
			.params(on, reason.name(), note, early, by, id)
			.update() == 1;
	}

	/** Ends every active pairing of a cadre (one statement); returns their household ids. */
	public List<Long> endAllOfCadre(long cadreId, LocalDate on, EndReason reason, String by) {
		return jdbc.sql("""
				UPDATE pairing_pairing SET ended_on = greatest(?, started_on), end_reason = ?, ended_by = ?,
				       ended_early = FALSE
				WHERE cadre_id = ? AND ended_on IS NULL RETURNING household_id""")
			.params(on, reason.name(), by, cadreId)
			.query(Long.class)
			.list();
	}

	static PairingView map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String reason = rs.getString("end_reason");
		return new PairingView(rs.getLong("id"), rs.getLong("cadre_id"), rs.getString("cadre_name"),
				rs.getLong("household_id"), rs.getString("file_no"), rs.getString("head_name"),
				rs.getLong("organisation_id"), PairingType.valueOf(rs.getString("type")),
				rs.getObject("started_on", LocalDate.class), rs.getObject("planned_end_on", LocalDate.class),
				rs.getObject("ended_on", LocalDate.class), reason == null ? null : EndReason.valueOf(reason),
				rs.getString("end_note"), rs.getBoolean("ended_early"));
	}

}
