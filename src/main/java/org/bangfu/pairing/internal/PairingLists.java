package org.bangfu.pairing.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.pairing.CoverageRow;
import org.bangfu.pairing.UnpairedRow;
import org.bangfu.shared.Scope;
import org.bangfu.shared.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Set-based reads over the register: the unpaired list and coverage. They read
 * registry_household / registry_member directly (read-only), one statement per list.
 */
@Component
public class PairingLists {

	static final String ACTIVE = "EXISTS (SELECT 1 FROM pairing_pairing a WHERE a.household_id = h.id AND a.ended_on IS NULL)";

	static final String HEAD = "(SELECT m.name FROM registry_member m WHERE m.household_id = h.id AND m.relation = 'HEAD' AND m.active LIMIT 1)";

	private final JdbcClient jdbc;

	PairingLists(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Filters: an organisation subtree path (null: whole scope), a region code prefix (null: all). */
	public record Filter(String organisationPath, String regionPrefix) {
	}

	public List<UnpairedRow> unpaired(Scope scope, Filter filter, LocalDate today, int limit, int offset) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(scope, filter, params) + " AND NOT " + ACTIVE;
		params.put("limit", limit);
		params.put("offset", offset);
		params.put("zone", BusinessClock.zone().getId());
		return jdbc.sql("""
				SELECT h.id, h.file_no, %s AS head_name, h.organisation_id, o.name AS organisation_name, h.region_code,
				       r.name AS region_name, last.ended_on, last.cadre_name,
				       (h.created_at AT TIME ZONE CAST(:zone AS text))::date AS filed_on
				FROM registry_household h
				JOIN organisation o ON o.id = h.organisation_id
				LEFT JOIN organisation_region r ON r.code = h.region_code
				LEFT JOIN LATERAL (SELECT p.ended_on, c.name AS cadre_name FROM pairing_pairing p
				                   JOIN pairing_cadre c ON c.id = p.cadre_id
				                   WHERE p.household_id = h.id ORDER BY p.ended_on DESC, p.id DESC LIMIT 1) last ON TRUE
				""".formatted(HEAD) + where
				+ " ORDER BY coalesce(last.ended_on, (h.created_at AT TIME ZONE CAST(:zone AS text))::date), h.id LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, n) -> {
				LocalDate ended = rs.getObject("ended_on", LocalDate.class);
				LocalDate since = ended != null ? ended : rs.getObject("filed_on", LocalDate.class);
				return new UnpairedRow(rs.getLong("id"), rs.getString("file_no"), rs.getString("head_name"),
						rs.getLong("organisation_id"), rs.getString("organisation_name"), rs.getString("region_code"),
						rs.getString("region_name"), since, Math.max(0, ChronoUnit.DAYS.between(since, today)),
						rs.getString("cadre_name"));
			})
			.list();
	}

	public long countUnpaired(Scope scope, Filter filter) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(scope, filter, params) + " AND NOT " + ACTIVE;
		return jdbc.sql("SELECT count(*) FROM registry_household h JOIN organisation o ON o.id = h.organisation_id" + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	/** Filed and paired households per organisation path in the subtree (for roll-up by the caller). */
	public Map<String, long[]> byOrganisationPath(Scope scope, String subtreePath) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(scope, new Filter(subtreePath, null), params);
		Map<String, long[]> out = new LinkedHashMap<>();
		jdbc.sql("SELECT o.path, count(*) AS filed, count(*) FILTER (WHERE " + ACTIVE + ") AS paired"
				+ " FROM registry_household h JOIN organisation o ON o.id = h.organisation_id" + where + " GROUP BY o.path")
			.params(params)
			.query((rs, n) -> out.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) }))
			.list();
		return out;
	}

	/** Coverage by the regions one level below the prefix (provinces when the prefix is empty). */
	public List<CoverageRow> byRegion(Scope scope, String regionPrefix) {
		String prefix = regionPrefix == null ? "" : regionPrefix;
		int len = switch (prefix.length()) {
			case 0 -> 2;
			case 2 -> 4;
			case 4 -> 6;
			case 6 -> 9;
			default -> 12;
		};
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(scope, new Filter(null, prefix.isEmpty() ? null : prefix), params);
		params.put("len", len);
		List<CoverageRow> rows = new ArrayList<>();
		jdbc.sql("SELECT g.prefix, r.name, g.filed, g.paired FROM (SELECT substr(h.region_code, 1, :len) AS prefix, count(*) AS filed,"
				+ " count(*) FILTER (WHERE " + ACTIVE + ") AS paired"
				+ " FROM registry_household h JOIN organisation o ON o.id = h.organisation_id" + where
				+ " GROUP BY 1) g LEFT JOIN organisation_region r ON r.code = rpad(g.prefix, 12, '0') ORDER BY g.prefix")
			.params(params)
			.query((rs, n) -> rows.add(new CoverageRow(rs.getString(1), rs.getString(2) == null ? rs.getString(1) : rs.getString(2),
					rs.getLong(3), rs.getLong(4), len < 12)))
			.list();
		return rows;
	}

	private static String where(Scope scope, Filter filter, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE h.status = 'FILED' AND " + Scope.sql("o.path"));
		params.put("scopePath", scope.likePattern());
		if (filter.organisationPath() != null) {
			where.append(" AND o.path LIKE :orgPath");
			params.put("orgPath", new Scope(scope.organisationId(), filter.organisationPath()).likePattern());
		}
		if (filter.regionPrefix() != null && !filter.regionPrefix().isBlank()) {
			where.append(" AND h.region_code LIKE :region");
			params.put("region", filter.regionPrefix().replaceAll("\\D", "") + "%");
		}
		return where.toString();
	}

}
