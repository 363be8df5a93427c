package org.bangfu.organisation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.bangfu.shared.BangfuException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The statistical division codes: lookup, children for cascades, ancestors for breadcrumbs. */
@Service
public class Regions {

	private static final String COLUMNS = "code, name, level, parent_code";

	private final JdbcClient jdbc;

	Regions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Turns a published code (2, 4, 6, 9 or 12 digits) into the stored 12-digit form, or
	 * fails with a message naming the value.
	 */
	public static String normalise(String code) {
		String c = code == null ? "" : code.trim();
		if (!c.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
			throw BangfuException.badField("regionCode", "region.code.malformed", c);
		}
		return (c + "000000000000").substring(0, 12);
	}

	public Optional<RegionView> find(String code) {
		String normalised;
		try {
			normalised = normalise(code);
		}
		catch (BangfuException ex) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM organisation_region WHERE code = ?")
			.param(normalised)
			.query(RegionView.class)
			.optional();
	}

	/** The region, or a "malformed code" / "no such region" error naming the code. */
	public RegionView require(String code) {
		normalise(code);
		return find(code).orElseThrow(() -> BangfuException.badField("regionCode", "region.code.unknown", code));
	}

	/** Provinces when parent is null, otherwise the direct children of the parent. */
	public List<RegionView> children(String parentCode) {
		if (parentCode == null || parentCode.isBlank()) {
			return jdbc.sql("SELECT " + COLUMNS + " FROM organisation_region WHERE level = 1 ORDER BY code")
				.query(RegionView.class)
				.list();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM organisation_region WHERE parent_code = ? ORDER BY code")
			.param(normalise(parentCode))
			.query(RegionView.class)
			.list();
	}

	/** The region and its ancestors, from the province down. */
	public List<RegionView> lineage(String code) {
		List<RegionView> chain = new ArrayList<>();
		Optional<RegionView> current = find(code);
		while (current.isPresent()) {
			chain.add(current.get());
			current = current.get().parentCode() == null ? Optional.empty() : find(current.get().parentCode());
		}
		Collections.reverse(chain);
		return chain;
	}

	/** Regions whose name contains the text, for quick search; at most 50. */
	public List<RegionView> search(String text) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM organisation_region WHERE name LIKE ? ORDER BY level, code LIMIT 50")
			.param("%" + text.replace("%", "").replace("_", "") + "%")
			.query(RegionView.class)
			.list();
	}

	public long count(int level) {
		return jdbc.sql("SELECT count(*) FROM organisation_region WHERE level = ?").param(level).query(Long.class).single();
	}

	/**
	 * The regions among the stored 12-digit codes, in one query (for bulk checks such as an
	 * import); codes that do not exist are absent from the map.
	 */
	public java.util.Map<String, RegionView> findAll(java.util.Collection<String> codes) {
		if (codes.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<String, RegionView> found = new java.util.HashMap<>();
		jdbc.sql("SELECT " + COLUMNS + " FROM organisation_region WHERE code = ANY (CAST(:codes AS varchar[]))")
			.param("codes", codes.toArray(String[]::new))
			.query(RegionView.class)
			.list()
			.forEach(r -> found.put(r.code(), r));
		return found;
	}

}
