package org.bangfu.pairing.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.pairing.DueRow;
import org.bangfu.pairing.IndicatorRollup;
import org.bangfu.pairing.PairingVocabulary.Frequency;
import org.bangfu.pairing.PairingVocabulary.Indicator;
import org.bangfu.shared.Scope;
import org.bangfu.shared.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Set-based visit reads over the register (registry_household, read-only; exits_setting for the
 * transition period after an exit): next-due dates
 * per household under its policy, and the indicator roll-up from each household's latest
 * checklist. One statement each.
 */
@Component
public class VisitLists {

	/**
	 * Households on the visit schedule: filed ones, and exited ones during the transition period
	 * their organisation sets (脱困不脱帮扶, issue 18: the exits module's setting, inherited from the
	 * nearest ancestor, default 12 months after the exit date). Bound with :today.
	 */
	static final String ON_SCHEDULE = "(h.status = 'FILED' OR (h.status = 'EXITED' AND CAST(h.exit_date + make_interval(months =>"
			+ " coalesce((SELECT s.transition_months FROM exits_setting s JOIN organisation so ON so.id = s.organisation_id"
			+ " WHERE o.path LIKE so.path || '%' ORDER BY length(so.path) DESC LIMIT 1), 12)) AS date) > CAST(:today AS date)))";

	private final JdbcClient jdbc;

	VisitLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Filed households, and exited ones in their transition period, in the scope (optionally of one cadre, or one household) with their
	 * next due date, due on or before {@code dueBy} (null: all), earliest first.
	 */
	public List<DueRow> due(Scope scope, Long cadreId, Long householdId, LocalDate today, LocalDate dueBy, int limit) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scopePath", scope.likePattern());
		params.put("today", today);
		StringBuilder where = new StringBuilder(" WHERE " + ON_SCHEDULE + " AND " + Scope.sql("o.path"));
		if (cadreId != null) {
			where.append(" AND p.cadre_id = :cadre");
			params.put("cadre", cadreId);
		}
		if (householdId != null) {
			where.append(" AND h.id = :household");
			params.put("household", householdId);
		}
		String sql = """
				SELECT * FROM (
				  SELECT b.*, pol.frequency, pol.interval_days, %s AS due_on
				  FROM (
				    SELECT h.id, h.file_no, %s AS head_name, o.name AS organisation_name, p.cadre_id, c.name AS cadre_name,
				           lv.last_visit,
				           coalesce(lv.last_visit, p.started_on, (h.created_at AT TIME ZONE CAST(:zone AS text))::date) AS basis,
				           h.categories, o.path
				    FROM registry_household h
				    JOIN organisation o ON o.id = h.organisation_id
				    LEFT JOIN pairing_pairing p ON p.household_id = h.id AND p.ended_on IS NULL
				    LEFT JOIN pairing_cadre c ON c.id = p.cadre_id
				    LEFT JOIN LATERAL (SELECT max(v.visited_on) AS last_visit FROM pairing_visit v WHERE v.household_id = h.id) lv ON TRUE
				    %s
				  ) b
				  LEFT JOIN LATERAL (%s) pol ON TRUE
				) d
				""".formatted(PolicyStore.DUE_ON, PairingLists.HEAD, where,
				PolicyStore.policyOf("b.path", "b.categories"));
		if (dueBy != null) {
			sql += " WHERE d.due_on <= :dueBy";
			params.put("dueBy", dueBy);
		}
		sql += " ORDER BY d.due_on, d.id LIMIT :limit";
		params.put("limit", limit);
		params.put("zone", BusinessClock.zone().getId());
		return jdbc.sql(sql).params(params).query((rs, n) -> {
			LocalDate due = rs.getObject("due_on", LocalDate.class);
			String f = rs.getString("frequency");
			return new DueRow(rs.getLong("id"), rs.getString("file_no"), rs.getString("head_name"),
					rs.getString("organisation_name"), (Long) rs.getObject("cadre_id"), rs.getString("cadre_name"),
					rs.getObject("last_visit", LocalDate.class), f == null ? Frequency.QUARTERLY : Frequency.valueOf(f),
					(Integer) rs.getObject("interval_days"), due, ChronoUnit.DAYS.between(today, due));
		}).list();
	}

	/**
	 * Indicator roll-up grouped by a key expression over households (h) and organisations (o):
	 * each household counts once with its latest checklist.
	 */
	public List<IndicatorRollup> rollup(Scope scope, String organisationPath, String regionPrefix, String groupKey,
			Map<String, String> names, boolean drillable) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scopePath", scope.likePattern());
		StringBuilder where = new StringBuilder(" WHERE h.status = 'FILED' AND " + Scope.sql("o.path"));
		if (organisationPath != null) {
			where.append(" AND o.path LIKE :orgPath");
			params.put("orgPath", new Scope(scope.organisationId(), organisationPath).likePattern());
		}
		if (regionPrefix != null) {
			where.append(" AND h.region_code LIKE :region");
			params.put("region", regionPrefix + "%");
		}
		StringBuilder cols = new StringBuilder();
		for (Indicator i : Indicator.values()) {
			cols.append(", count(*) FILTER (WHERE lv.").append(i.column()).append(" IS TRUE)")
				.append(", count(*) FILTER (WHERE lv.").append(i.column()).append(" IS FALSE)");
		}
		String any = String.join(" OR ", Indicator.all().stream().map(i -> "v." + i.column() + " IS NOT NULL").toList());
		String sql = "SELECT " + groupKey + " AS k, count(*) AS households, count(lv.id) AS checked" + cols
				+ " FROM registry_household h JOIN organisation o ON o.id = h.organisation_id"
				+ " LEFT JOIN LATERAL (SELECT v.* FROM pairing_visit v WHERE v.household_id = h.id AND (" + any
				+ ") ORDER BY v.visited_on DESC, v.id DESC LIMIT 1) lv ON TRUE" + where + " GROUP BY 1 ORDER BY 1";
		List<IndicatorRollup> rows = new ArrayList<>();
		jdbc.sql(sql).params(params).query((rs, n) -> {
			String key = rs.getString("k");
			long households = rs.getLong("households");
			List<IndicatorRollup.Count> counts = new ArrayList<>();
			int col = 4;
			for (Indicator i : Indicator.values()) {
				long met = rs.getLong(col++);
				long notMet = rs.getLong(col++);
				counts.add(new IndicatorRollup.Count(i, met, notMet, households - met - notMet));
			}
			rows.add(new IndicatorRollup(key, names.getOrDefault(key, key), households, rs.getLong("checked"), counts, drillable));
			return null;
		}).list();
		return rows;
	}

}
