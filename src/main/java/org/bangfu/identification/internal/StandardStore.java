package org.bangfu.identification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bangfu.identification.StandardBasis;
import org.bangfu.identification.StandardKindView;
import org.bangfu.identification.StandardView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for standard kinds and figures (append-only). */
@Repository
public class StandardStore {

	static final String SELECT = """
			SELECT s.id, s.kind, s.region_code, r.name AS region_name, coalesce(r.level, 0) AS region_level, s.value, s.basis,
			       s.effective_from, s.effective_to, s.version, s.note, s.created_by, s.created_at,
			       (SELECT min(c.version) FROM identification_standard c WHERE c.kind = s.kind AND c.region_prefix = s.region_prefix
			         AND c.effective_from = s.effective_from AND c.version > s.version) AS corrected_by
			FROM identification_standard s
			LEFT JOIN organisation_region r ON r.code = s.region_code
			""";

	/** The figures in force: each figure's latest correction (see V080). */
	static final String IN_FORCE = "identification_standard_in_force";

	private final JdbcClient jdbc;

	StandardStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The significant prefix of a 12-digit region code at a level ('' for the whole country). */
	public static String prefix(String regionCode, int level) {
		if (regionCode == null) {
			return "";
		}
		int length = switch (level) {
			case 1 -> 2;
			case 2 -> 4;
			case 3 -> 6;
			case 4 -> 9;
			default -> 12;
		};
		return regionCode.substring(0, length);
	}

	/** The prefixes a household's region matches: its own code and each ancestor's, plus the country. */
	public static List<String> prefixesOf(String regionCode) {
		Set<String> p = new LinkedHashSet<>();
		p.add("");
		for (int len : new int[] { 2, 4, 6, 9, 12 }) {
			p.add(regionCode.substring(0, len));
		}
		return List.copyOf(p);
	}

	public List<StandardKindView> kinds() {
		return jdbc.sql("SELECT code, basis, builtin, name_zh, name_en FROM identification_standard_kind ORDER BY builtin DESC, code")
			.query((rs, n) -> new StandardKindView(rs.getString("code"), StandardBasis.valueOf(rs.getString("basis")),
					rs.getBoolean("builtin"), rs.getString("name_zh"), rs.getString("name_en")))
			.list();
	}

	public Optional<StandardKindView> kind(String code) {
		return kinds().stream().filter(k -> k.code().equals(code)).findFirst();
	}

	public Set<String> kindCodes() {
		return new LinkedHashSet<>(jdbc.sql("SELECT code FROM identification_standard_kind").query(String.class).list());
	}

	public boolean insertKind(String code, StandardBasis basis, String nameZh, String nameEn, String login) {
		return jdbc.sql("""
				INSERT INTO identification_standard_kind (code, basis, name_zh, name_en, created_by)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING""")
			.params(code, basis.name(), nameZh, nameEn, login)
			.update() == 1;
	}

	/** Inserts a figure with the next version for its kind and region; returns its id. */
	public long insert(String kind, String regionCode, String prefix, java.math.BigDecimal value, StandardBasis basis,
			LocalDate from, LocalDate to, Long organisationId, String note, String login) {
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("identification_standard:" + kind + ":" + prefix)
			.query(Object.class).single();
		return jdbc.sql("""
				INSERT INTO identification_standard (kind, region_code, region_prefix, value, basis, effective_from,
				    effective_to, version, organisation_id, note, created_by)
				VALUES (:kind, :region, :prefix, :value, :basis, :from, :to,
				    (SELECT coalesce(max(version), 0) + 1 FROM identification_standard WHERE kind = :kind AND region_prefix = :prefix),
				    :org, :note, :login)
				RETURNING id""")
			.param("kind", kind)
			.param("region", regionCode)
			.param("prefix", prefix)
			.param("value", value)
			.param("basis", basis.name())
			.param("from", from)
			.param("to", to)
			.param("org", organisationId)
			.param("note", note)
			.param("login", login)
			.query(Long.class)
			.single();
	}

	public Optional<StandardView> find(long id) {
		return jdbc.sql(SELECT + " WHERE s.id = ?").param(id).query((rs, n) -> map(rs)).optional();
	}

	public Map<Long, StandardView> byIds(Collection<Long> ids) {
		Map<Long, StandardView> out = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return out;
		}
		jdbc.sql(SELECT + " WHERE s.id IN (:ids)").param("ids", List.copyOf(ids)).query((rs, n) -> map(rs)).list()
			.forEach(s -> out.put(s.id(), s));
		return out;
	}

	/** Figures filtered by kind and by region (a region shows its own figures and those of regions under it). */
	public List<StandardView> list(String kind, String regionPrefix, int limit, int offset) {
		return jdbc.sql(SELECT + " WHERE (CAST(:kind AS varchar) IS NULL OR s.kind = :kind)"
				+ " AND (CAST(:prefix AS varchar) IS NULL OR s.region_prefix LIKE :prefix || '%')"
				+ " ORDER BY s.kind, s.region_prefix, s.effective_from DESC, s.version DESC LIMIT :limit OFFSET :offset")
			.param("kind", kind)
			.param("prefix", regionPrefix)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> map(rs))
			.list();
	}

	public long count(String kind, String regionPrefix) {
		return jdbc.sql("SELECT count(*) FROM identification_standard s WHERE (CAST(:kind AS varchar) IS NULL OR s.kind = :kind)"
				+ " AND (CAST(:prefix AS varchar) IS NULL OR s.region_prefix LIKE :prefix || '%')")
			.param("kind", kind)
			.param("prefix", regionPrefix)
			.query(Long.class)
			.single();
	}

	/** Every figure of a kind for exactly one region (or the country), newest first. */
	public List<StandardView> history(String kind, String prefix) {
		return jdbc.sql(SELECT + " WHERE s.kind = ? AND s.region_prefix = ? ORDER BY s.effective_from DESC, s.version DESC")
			.params(kind, prefix)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** The figure in force (its latest correction) of a kind and region that starts on a date, if any. */
	public Optional<StandardView> sameStart(String kind, String prefix, LocalDate from) {
		return jdbc.sql(SELECT.replace("FROM identification_standard s", "FROM " + IN_FORCE + " s")
				+ " WHERE s.kind = ? AND s.region_prefix = ? AND s.effective_from = ?")
			.params(kind, prefix, from)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** The figure of each kind that applies in a region (12-digit code) on a date: a corrected figure never does. */
	public Map<String, StandardView> resolve(String regionCode, LocalDate date, Collection<String> kinds) {
		Map<String, StandardView> out = new LinkedHashMap<>();
		if (kinds.isEmpty()) {
			return out;
		}
		jdbc.sql(SELECT.replace("SELECT s.id", "SELECT DISTINCT ON (s.kind) s.id")
			.replace("FROM identification_standard s", "FROM " + IN_FORCE + " s") + """
				WHERE s.kind IN (:kinds) AND s.region_prefix IN (:prefixes) AND s.effective_from <= :d
				  AND (s.effective_to IS NULL OR s.effective_to >= :d)
				ORDER BY s.kind, length(s.region_prefix) DESC, s.effective_from DESC, s.version DESC, s.id DESC""")
			.param("kinds", List.copyOf(kinds))
			.param("prefixes", prefixesOf(regionCode))
			.param("d", date)
			.query((rs, n) -> map(rs))
			.list()
			.forEach(s -> out.put(s.kind(), s));
		return out;
	}

	static StandardView map(ResultSet rs) throws SQLException {
		java.sql.Date to = rs.getDate("effective_to");
		java.sql.Timestamp at = rs.getTimestamp("created_at");
		return new StandardView(rs.getLong("id"), rs.getString("kind"), rs.getString("region_code"),
				rs.getString("region_name"), rs.getInt("region_level"), rs.getBigDecimal("value"),
				StandardBasis.valueOf(rs.getString("basis")), rs.getDate("effective_from").toLocalDate(),
				to == null ? null : to.toLocalDate(), rs.getInt("version"), rs.getString("note"), rs.getString("created_by"),
				at == null ? null : at.toInstant(), (Integer) rs.getObject("corrected_by"));
	}

}
