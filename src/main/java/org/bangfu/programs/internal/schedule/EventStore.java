package org.bangfu.programs.internal.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.programs.EventKind;
import org.bangfu.programs.EventRegion;
import org.bangfu.programs.EventStatus;
import org.bangfu.programs.EventView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Declared events and their regions (tables programs_event, programs_event_region). */
@Repository
public class EventStore {

	private static final String SELECT = """
			SELECT e.id, e.kind, e.other_name, e.period_from, e.period_to, e.ended_on, e.end_reason, e.note,
			       e.organisation_id, o.name AS organisation_name, e.declared_by, e.declared_at
			FROM programs_event e JOIN organisation o ON o.id = e.organisation_id
			""";

	private final JdbcClient jdbc;

	EventStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A new event with its regions (12-digit codes with their prefixes); returns its id. */
	public long insert(EventKind kind, String otherName, LocalDate from, LocalDate to, String note, long organisationId,
			Long declaredById, String declaredBy, Instant at, Map<String, String> prefixByCode) {
		long id = jdbc.sql("""
				INSERT INTO programs_event (kind, other_name, period_from, period_to, note, organisation_id,
				                            declared_by_id, declared_by, declared_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(kind.name(), otherName, from, to, note, organisationId, declaredById, declaredBy, Timestamp.from(at))
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO programs_event_region (event_id, region_code, region_prefix)
				SELECT :id, c, p FROM unnest(CAST(:codes AS varchar[]), CAST(:prefixes AS varchar[])) AS r(c, p)""")
			.param("id", id)
			.param("codes", prefixByCode.keySet().toArray(String[]::new))
			.param("prefixes", prefixByCode.values().toArray(String[]::new))
			.update();
		return id;
	}

	public Optional<EventView> find(Scope scope, long id, LocalDate today) {
		List<EventView> found = query(SELECT + " WHERE e.id = :id AND " + Scope.sql("o.path"),
				Map.of("id", id, "scopePath", scope.likePattern()), today);
		return found.stream().findFirst();
	}

	/** Events of the scope, newest period first; only those in force or to come when {@code current}. */
	public List<EventView> list(Scope scope, boolean current, int limit, int offset, LocalDate today) {
		String where = " WHERE " + Scope.sql("o.path")
				+ (current ? " AND e.period_to >= :today AND e.ended_on IS NULL" : "");
		return query(SELECT + where + " ORDER BY e.period_from DESC, e.id DESC LIMIT :limit OFFSET :offset",
				Map.of("scopePath", scope.likePattern(), "today", today, "limit", limit, "offset", offset), today);
	}

	/** Events of the scope in force on some day between the two dates. */
	public List<EventView> overlapping(Scope scope, LocalDate from, LocalDate to, LocalDate today) {
		return query(SELECT + " WHERE " + Scope.sql("o.path") + """
				 AND e.period_from <= :to AND LEAST(e.period_to, COALESCE(e.ended_on, e.period_to)) >= :from
				ORDER BY e.period_from, e.id""", Map.of("scopePath", scope.likePattern(), "from", from, "to", to), today);
	}

	/** Events of a kind whose first day lies between the two dates, in the scope (null: everywhere, for system use). */
	public List<EventView> startingBetween(Scope scope, EventKind kind, LocalDate from, LocalDate to, LocalDate today) {
		Map<String, Object> params = new HashMap<>(Map.of("kind", kind.name(), "from", from, "to", to));
		String inScope = "";
		if (scope != null) {
			inScope = " AND " + Scope.sql("o.path");
			params.put("scopePath", scope.likePattern());
		}
		return query(SELECT + " WHERE e.kind = :kind AND e.period_from BETWEEN :from AND :to" + inScope
				+ " ORDER BY e.period_from, e.id", params, today);
	}

	/** Ends an event early on a day; false when it was already ended (a concurrent end). */
	public boolean end(long id, LocalDate on, String reason, String by, Instant at) {
		return jdbc.sql("""
				UPDATE programs_event SET ended_on = ?, end_reason = ?, ended_by = ?, ended_at = ?
				WHERE id = ? AND ended_on IS NULL""")
			.params(on, reason, by, Timestamp.from(at), id)
			.update() == 1;
	}

	private List<EventView> query(String sql, Map<String, ?> params, LocalDate today) {
		List<Row> rows = jdbc.sql(sql).params(params).query((rs, n) -> row(rs)).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<EventRegion>> regions = new HashMap<>();
		jdbc.sql("""
				SELECT er.event_id, r.code, r.name, r.level FROM programs_event_region er
				JOIN organisation_region r ON r.code = er.region_code
				WHERE er.event_id = ANY (CAST(:ids AS bigint[])) ORDER BY er.event_id, r.code""")
			.param("ids", rows.stream().map(Row::id).toArray(Long[]::new))
			.query((rs, n) -> regions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new EventRegion(rs.getString(2), rs.getString(3), rs.getInt(4))))
			.list();
		return rows.stream().map(r -> r.view(regions.getOrDefault(r.id, List.of()), today)).toList();
	}

	private record Row(long id, EventKind kind, String otherName, LocalDate from, LocalDate to, LocalDate endedOn,
			String endReason, String note, long organisationId, String organisationName, String declaredBy,
			Instant declaredAt) {

		EventView view(List<EventRegion> regions, LocalDate today) {
			return new EventView(id, kind, otherName, List.copyOf(regions), from, to, endedOn, endReason, note,
					organisationId, organisationName, declaredBy, declaredAt, status(today));
		}

		EventStatus status(LocalDate today) {
			if (endedOn != null) {
				return EventStatus.ENDED;
			}
			if (today.isBefore(from)) {
				return EventStatus.UPCOMING;
			}
			return today.isAfter(to) ? EventStatus.EXPIRED : EventStatus.ACTIVE;
		}

	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getLong("id"), EventKind.valueOf(rs.getString("kind")), rs.getString("other_name"),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				rs.getObject("ended_on", LocalDate.class), rs.getString("end_reason"), rs.getString("note"),
				rs.getLong("organisation_id"), rs.getString("organisation_name"), rs.getString("declared_by"),
				rs.getTimestamp("declared_at").toInstant());
	}

}
