package org.bangfu.pairing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.pairing.Checklist;
import org.bangfu.pairing.PairingVocabulary.Indicator;
import org.bangfu.pairing.PairingVocabulary.VisitKind;
import org.bangfu.pairing.VisitCommands.RecordVisit;
import org.bangfu.pairing.VisitView;
import org.bangfu.pairing.VisitView.PhotoView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Visits and their photos' records. */
@Component
public class VisitStore {

	private static final String SELECT = """
			SELECT v.*, h.file_no, c.name AS cadre_name
			FROM pairing_visit v
			JOIN registry_household h ON h.id = v.household_id
			JOIN organisation o ON o.id = v.organisation_id
			LEFT JOIN pairing_cadre c ON c.id = v.cadre_id
			""";

	private final JdbcClient jdbc;

	VisitStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the visit unless one with the same client key exists; returns the new id, or empty for a repeat. */
	public Optional<Long> insert(RecordVisit cmd, long organisationId, Long cadreId, String by) {
		Checklist c = cmd.checklist() == null ? Checklist.empty() : cmd.checklist();
		return jdbc.sql("""
				INSERT INTO pairing_visit (household_id, organisation_id, cadre_id, visited_on, kind, visitors, findings,
				  problems, measures_agreed, income_above_line, food, clothing, housing_safe, medical_cover, no_dropout,
				  safe_water, electricity, radio_tv, client_key, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (client_key) DO NOTHING RETURNING id""")
			.params(cmd.householdId(), organisationId, cadreId, cmd.visitedOn(), cmd.kind().name(), cmd.visitors().trim(),
					blank(cmd.findings()), blank(cmd.problems()), blank(cmd.measuresAgreed()), c.incomeAboveLine(), c.food(),
					c.clothing(), c.housingSafe(), c.medicalCover(), c.noDropout(), c.safeWater(), c.electricity(),
					c.radioTv(), blank(cmd.clientKey()), by)
			.query(Long.class)
			.optional();
	}

	public Optional<Long> idByClientKey(String key) {
		return jdbc.sql("SELECT id FROM pairing_visit WHERE client_key = ?").param(key).query(Long.class).optional();
	}

	public Optional<VisitView> find(Scope scope, long id) {
		List<VisitView> list = jdbc.sql(SELECT + " WHERE v.id = :id AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(VisitStore::map)
			.list();
		return withPhotos(list).stream().findFirst();
	}

	public List<VisitView> ofHousehold(long householdId, int limit) {
		return withPhotos(jdbc.sql(SELECT + " WHERE v.household_id = ? ORDER BY v.visited_on DESC, v.id DESC LIMIT ?")
			.params(householdId, limit)
			.query(VisitStore::map)
			.list());
	}

	/** The household's latest visit that has a checklist: its indicator state. */
	public Optional<VisitView> latestWithChecklist(long householdId) {
		String any = String.join(" OR ", Indicator.all().stream().map(i -> "v." + i.column() + " IS NOT NULL").toList());
		return jdbc.sql(SELECT + " WHERE v.household_id = ? AND (" + any + ") ORDER BY v.visited_on DESC, v.id DESC LIMIT 1")
			.param(householdId)
			.query(VisitStore::map)
			.optional();
	}

	public long insertPhoto(long visitId, String path, String contentType, int width, int height, long bytes) {
		return jdbc.sql("""
				INSERT INTO pairing_visit_photo (visit_id, path, content_type, width, height, bytes)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(visitId, path, contentType, width, height, bytes)
			.query(Long.class)
			.single();
	}

	/** A photo's stored path and type, when its visit is in the scope. */
	public Optional<String[]> photo(Scope scope, long photoId) {
		return jdbc.sql("""
				SELECT p.path, p.content_type, v.household_id FROM pairing_visit_photo p
				JOIN pairing_visit v ON v.id = p.visit_id JOIN organisation o ON o.id = v.organisation_id
				WHERE p.id = :id""" + " AND " + Scope.sql("o.path"))
			.param("id", photoId)
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.optional();
	}

	private List<VisitView> withPhotos(List<VisitView> visits) {
		if (visits.isEmpty()) {
			return visits;
		}
		Map<Long, List<PhotoView>> photos = new java.util.HashMap<>();
		jdbc.sql("SELECT id, visit_id, content_type, width, height, bytes FROM pairing_visit_photo WHERE visit_id IN (:ids) ORDER BY id")
			.param("ids", visits.stream().map(VisitView::id).toList())
			.query((rs, n) -> new PhotoView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getLong(6)))
			.list()
			.forEach(p -> photos.computeIfAbsent(p.visitId(), k -> new ArrayList<>()).add(p));
		return visits.stream()
			.map(v -> new VisitView(v.id(), v.householdId(), v.fileNo(), v.organisationId(), v.cadreId(), v.cadreName(),
					v.visitedOn(), v.kind(), v.visitors(), v.findings(), v.problems(), v.measuresAgreed(), v.checklist(),
					photos.getOrDefault(v.id(), List.of()), v.recordedAt(), v.recordedBy()))
			.toList();
	}

	static VisitView map(ResultSet rs, int n) throws SQLException {
		Map<Indicator, Boolean> values = new EnumMap<>(Indicator.class);
		for (Indicator i : Indicator.values()) {
			values.put(i, (Boolean) rs.getObject(i.column()));
		}
		return new VisitView(rs.getLong("id"), rs.getLong("household_id"), rs.getString("file_no"),
				rs.getLong("organisation_id"), (Long) rs.getObject("cadre_id"), rs.getString("cadre_name"),
				rs.getObject("visited_on", LocalDate.class), VisitKind.valueOf(rs.getString("kind")),
				rs.getString("visitors"), rs.getString("findings"), rs.getString("problems"),
				rs.getString("measures_agreed"), Checklist.of(values), List.of(),
				rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}
