package org.bangfu.programs.internal.schedule;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.programs.EventReach.EventReachRow;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who a declared event would reach: filed households in the reader's organisation subtree whose
 * region code starts with one of the event's region prefixes. Read-only SQL on the register's
 * tables (registry_household, registry_member), one statement for the counts and one for a page,
 * never a query per household; each prefix is a LIKE on the region index.
 */
@Repository
public class EventReachQuery {

	private final JdbcClient jdbc;

	EventReachQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Households and their active members reached. */
	public long[] count(Scope scope, List<String> prefixes) {
		Map<String, Object> params = params(scope, prefixes);
		return jdbc.sql("""
				SELECT count(*) AS households,
				       COALESCE(sum((SELECT count(*) FROM registry_member m WHERE m.household_id = h.id AND m.active)), 0)
				FROM registry_household h JOIN organisation o ON o.id = h.organisation_id
				WHERE """ + " " + where(prefixes))
			.params(params)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

	/** A page of the households reached, by region and file number. */
	public List<EventReachRow> page(Scope scope, List<String> prefixes, int limit, int offset) {
		Map<String, Object> params = params(scope, prefixes);
		params.put("limit", limit);
		params.put("offset", offset);
		return jdbc.sql("""
				SELECT h.id, h.file_no,
				       (SELECT m.name FROM registry_member m WHERE m.household_id = h.id AND m.active
				         ORDER BY (m.relation = 'HEAD') DESC, m.id LIMIT 1) AS head_name,
				       h.region_code, r.name AS region_name, o.name AS organisation_name,
				       (SELECT count(*) FROM registry_member m WHERE m.household_id = h.id AND m.active) AS members
				FROM registry_household h JOIN organisation o ON o.id = h.organisation_id
				JOIN organisation_region r ON r.code = h.region_code
				WHERE """ + " " + where(prefixes) + " ORDER BY h.region_code, h.id LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, n) -> new EventReachRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getInt(7)))
			.list();
	}

	private static String where(List<String> prefixes) {
		StringBuilder regions = new StringBuilder();
		for (int i = 0; i < prefixes.size(); i++) {
			regions.append(i == 0 ? "" : " OR ").append("h.region_code LIKE :r").append(i);
		}
		return Scope.sql("o.path") + " AND h.status = 'FILED' AND (" + (prefixes.isEmpty() ? "FALSE" : regions) + ")";
	}

	private static Map<String, Object> params(Scope scope, List<String> prefixes) {
		Map<String, Object> params = new HashMap<>();
		params.put("scopePath", scope.likePattern());
		for (int i = 0; i < prefixes.size(); i++) {
			params.put("r" + i, prefixes.get(i) + "%");
		}
		return params;
	}

}
