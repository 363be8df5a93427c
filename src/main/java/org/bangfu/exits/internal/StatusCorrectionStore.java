package org.bangfu.exits.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.bangfu.exits.CorrectionRow;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Status corrections, scoped by the household's organisation. */
@Component
public class StatusCorrectionStore {

	private static final String SELECT = "SELECT c.* FROM exits_status_correction c JOIN organisation o ON o.id = c.organisation_id"
			+ " WHERE o.path LIKE :scopePath";

	private final JdbcClient jdbc;

	StatusCorrectionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long householdId, long organisationId, String fileNo, String from, String target, LocalDate exitDate,
			String reason, long byId, String by) {
		return jdbc.sql("""
				INSERT INTO exits_status_correction (household_id, organisation_id, file_no, from_status, target, exit_date,
				    reason, requested_by_id, requested_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(householdId, organisationId, fileNo, from, target, exitDate, reason, byId, by)
			.query(Long.class)
			.single();
	}

	public boolean pendingFor(long householdId) {
		return jdbc.sql("SELECT count(*) FROM exits_status_correction WHERE household_id = ? AND status = 'PENDING'")
			.params(householdId)
			.query(Long.class)
			.single() > 0;
	}

	public Optional<CorrectionRow> lock(Scope scope, long id) {
		return jdbc.sql(SELECT + " AND c.id = :id FOR UPDATE OF c")
			.param("scopePath", scope.likePattern())
			.param("id", id)
			.query(StatusCorrectionStore::row)
			.optional();
	}

	public List<CorrectionRow> list(Scope scope, int limit) {
		return jdbc.sql(SELECT + " ORDER BY c.status <> 'PENDING', c.requested_at DESC, c.id DESC LIMIT :limit")
			.param("scopePath", scope.likePattern())
			.param("limit", limit)
			.query(StatusCorrectionStore::row)
			.list();
	}

	public void decide(long id, String status, String by, String note) {
		jdbc.sql("UPDATE exits_status_correction SET status = ?, decided_by = ?, decided_at = now(), decision_note = ? WHERE id = ?")
			.params(status, by, note, id)
			.update();
	}

	private static CorrectionRow row(ResultSet rs, int n) throws SQLException {
		return new CorrectionRow(rs.getLong("id"), rs.getLong("household_id"), rs.getString("file_no"),
				rs.getString("from_status"), rs.getString("target"), rs.getObject("exit_date", LocalDate.class),
				rs.getString("reason"), rs.getString("status"), rs.getLong("requested_by_id"), rs.getString("requested_by"),
				instant(rs, "requested_at"), rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision_note"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

}
