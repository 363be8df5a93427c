package org.bangfu.monitoring.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.bangfu.monitoring.ReliefView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Relief granted first and reviewed after (先行救助). */
@Component
public class ReliefStore {

	private static final String SELECT = """
			SELECT r.*, h.file_no FROM monitoring_relief r JOIN registry_household h ON h.id = r.household_id
			JOIN organisation o ON o.id = r.organisation_id WHERE\s""" + Scope.sql("o.path");

	private final JdbcClient jdbc;

	ReliefStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long householdId, long organisationId, Long screeningId, BigDecimal amount, LocalDate on, String login,
			String note) {
		return jdbc.sql("""
				INSERT INTO monitoring_relief (household_id, organisation_id, screening_id, amount, granted_on, granted_by, note)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(householdId, organisationId, screeningId, amount, on, login, note)
			.query(Long.class)
			.single();
	}

	public int review(long id, String login, LocalDate on, String outcome, String note) {
		return jdbc.sql("""
				UPDATE monitoring_relief SET reviewed_by = ?, reviewed_on = ?, review_outcome = ?, review_note = ?
				WHERE id = ? AND reviewed_on IS NULL""")
			.params(login, on, outcome, note, id)
			.update();
	}

	public Optional<ReliefView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " AND r.id = :id").param("id", id).param("scopePath", scope.likePattern())
			.query((rs, n) -> map(rs)).optional();
	}

	public List<ReliefView> list(Scope scope, boolean pendingOnly) {
		return jdbc.sql(SELECT + (pendingOnly ? " AND r.reviewed_on IS NULL" : "") + " ORDER BY r.id DESC LIMIT 200")
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> map(rs))
			.list();
	}

	private static ReliefView map(java.sql.ResultSet rs) throws java.sql.SQLException {
		long screening = rs.getLong("screening_id");
		return new ReliefView(rs.getLong("id"), rs.getLong("household_id"), rs.getString("file_no"),
				rs.wasNull() ? null : screening, rs.getBigDecimal("amount"), rs.getObject("granted_on", LocalDate.class),
				rs.getString("granted_by"), rs.getString("note"), rs.getString("reviewed_by"),
				rs.getObject("reviewed_on", LocalDate.class), rs.getString("review_outcome"), rs.getString("review_note"));
	}

}
