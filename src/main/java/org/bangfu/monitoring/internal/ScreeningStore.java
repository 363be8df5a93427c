package org.bangfu.monitoring.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.monitoring.ScreeningRow;
import org.bangfu.monitoring.ScreeningView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Disaster screenings: the list of households in an event's regions (filed, exited or under
 * monitoring) is written in one INSERT … SELECT over the register, within the scope.
 */
@Component
public class ScreeningStore {

	private static final String VIEW = """
			SELECT s.*, (SELECT count(*) FROM monitoring_screening_household x WHERE x.screening_id = s.id) AS households,
			       (SELECT count(*) FROM monitoring_screening_household x WHERE x.screening_id = s.id
			         AND x.visited_on IS NOT NULL) AS visited
			FROM monitoring_screening s JOIN organisation o ON o.id = s.organisation_id WHERE\s""" + Scope.sql("o.path");

	private final JdbcClient jdbc;

	ScreeningStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long create(long eventId, String eventName, long organisationId, List<String> regionCodes, LocalDate today,
			LocalDate due, String login) {
		return jdbc.sql("""
				INSERT INTO monitoring_screening (event_id, event_name, organisation_id, region_codes, started_on, visit_due,
				    created_by)
				VALUES (:event, :name, :org, CAST(:regions AS text[]), :today, :due, :login) RETURNING id""")
			.param("event", eventId)
			.param("name", eventName)
			.param("org", organisationId)
			.param("regions", regionCodes.toArray(String[]::new))
			.param("today", today)
			.param("due", due)
			.param("login", login)
			.query(Long.class)
			.single();
	}

	/** Lists the scope's households under the region prefixes: filed, exited, or with an open monitoring flag. */
	public int fill(long screeningId, Scope scope, List<String> prefixes) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", screeningId);
		p.put("scopePath", scope.likePattern());
		StringBuilder regions = new StringBuilder();
		for (int i = 0; i < prefixes.size(); i++) {
			regions.append(i == 0 ? "" : " OR ").append("h.region_code LIKE :r").append(i);
			p.put("r" + i, prefixes.get(i) + "%");
		}
		return jdbc.sql("""
				INSERT INTO monitoring_screening_household (screening_id, household_id, region_code, reason)
				SELECT :id, h.id, h.region_code,
				       CASE WHEN EXISTS (SELECT 1 FROM monitoring_flag f WHERE f.household_id = h.id AND f.status = 'OPEN')
				            THEN 'MONITORED' WHEN h.status = 'EXITED' THEN 'EXITED' ELSE 'FILED' END
				FROM registry_household h JOIN organisation o ON o.id = h.organisation_id
				WHERE\s""" + Scope.sql("o.path") + " AND (" + (prefixes.isEmpty() ? "FALSE" : regions) + """
				) AND (h.status IN ('FILED', 'EXITED')
				       OR EXISTS (SELECT 1 FROM monitoring_flag f WHERE f.household_id = h.id AND f.status = 'OPEN'))""")
			.params(p)
			.update();
	}

	public Optional<ScreeningView> find(Scope scope, long id) {
		return jdbc.sql(VIEW + " AND s.id = :id").param("id", id).param("scopePath", scope.likePattern())
			.query((rs, n) -> view(rs)).optional();
	}

	public List<ScreeningView> list(Scope scope) {
		return jdbc.sql(VIEW + " ORDER BY s.id DESC LIMIT 100").param("scopePath", scope.likePattern())
			.query((rs, n) -> view(rs)).list();
	}

	public List<ScreeningRow> households(long screeningId, Boolean visited) {
		return jdbc.sql("""
				SELECT x.*, h.file_no,
				       (SELECT m.name FROM registry_member m WHERE m.household_id = h.id AND m.active
				         ORDER BY (m.relation = 'HEAD') DESC, m.id LIMIT 1) AS head_name
				FROM monitoring_screening_household x JOIN registry_household h ON h.id = x.household_id
				WHERE x.screening_id = :id AND (CAST(:visited AS boolean) IS NULL OR (x.visited_on IS NOT NULL) = :visited)
				ORDER BY x.region_code, x.household_id""")
			.param("id", screeningId)
			.param("visited", visited)
			.query((rs, n) -> new ScreeningRow(rs.getLong("household_id"), rs.getString("file_no"), rs.getString("head_name"),
					rs.getString("region_code"), rs.getString("reason"), rs.getObject("visited_on", LocalDate.class),
					rs.getString("visited_by"), rs.getString("visit_note")))
			.list();
	}

	public int visit(long screeningId, long householdId, LocalDate on, String login, String note) {
		return jdbc.sql("""
				UPDATE monitoring_screening_household SET visited_on = ?, visited_by = ?, visit_note = ?
				WHERE screening_id = ? AND household_id = ?""")
			.params(on, login, note, screeningId, householdId)
			.update();
	}

	private static ScreeningView view(java.sql.ResultSet rs) throws java.sql.SQLException {
		String[] regions = (String[]) rs.getArray("region_codes").getArray();
		return new ScreeningView(rs.getLong("id"), rs.getLong("event_id"), rs.getString("event_name"), Arrays.asList(regions),
				rs.getObject("started_on", LocalDate.class), rs.getObject("visit_due", LocalDate.class),
				rs.getString("created_by"), rs.getInt("households"), rs.getInt("visited"));
	}

}
