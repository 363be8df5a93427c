package org.bangfu.identification.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.bangfu.identification.RuleSetView;
import org.bangfu.identification.StandardBasis;
import org.bangfu.identification.rules.CompiledRules;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The what-if statement: facts of every household in the selection once, standards resolved
 * per region twice (as they are, and with the proposed figure), both rule versions applied,
 * then grouped by region and (before, after) outcome, plus one page of changed households —
 * all in one SQL statement, nothing written.
 */
@Component
public class WhatIfQuery {

	private final JdbcClient jdbc;

	private final FactsTable table;

	private final org.bangfu.shared.BusinessClock clock;

	WhatIfQuery(JdbcClient jdbc, FactsTable table, org.bangfu.shared.BusinessClock clock) {
		this.jdbc = jdbc;
		this.table = table;
		this.clock = clock;
	}

	/** A proposed figure: kind, region prefix ('' = country), value, basis. */
	public record Figure(String kind, String prefix, BigDecimal value, StandardBasis basis) {
	}

	public record Cell(String region, String before, String after, long count) {
	}

	public record Changed(long householdId, String fileNo, String regionCode, String headName, String before, String after) {
	}

	public record Answer(List<Cell> cells, List<Changed> changed) {
	}

	public Answer run(Scope scope, String ownerPath, RuleSetView base, CompiledRules before, RuleSetView proposed,
			CompiledRules after, Figure figure, LocalDate asOf, int groupLength, int limit, int offset) {
		// One set-based statement over many households: let its hash tables stay in memory (this transaction only).
		jdbc.sql("SET LOCAL work_mem = '64MB'").update();
		SetEvaluator.Selection sel = SetEvaluator.selection(scope, ownerPath);
		Map<String, Object> params = new HashMap<>(sel.params());
		LinkedHashSet<String> all = new LinkedHashSet<>(before.kinds());
		all.addAll(after.kinds());
		if (figure != null) {
			all.add(figure.kind());
		}
		List<String> kinds = List.copyOf(all);
		EvaluationSql.bindKinds(kinds, params);
		params.put("asOf", asOf);
		params.put("len", groupLength);
		params.put("limit", limit);
		params.put("offset", offset);
		String proposedStandards = "s0";
		java.util.Set<org.bangfu.identification.rules.Fact> facts = new java.util.HashSet<>(SetEvaluator.withSize(before));
		facts.addAll(after.facts());
		if (asOf.equals(clock.today())) {
			return fromTable(sel, params, kinds, facts, base, before, proposed, after, figure, limit, offset);
		}
		// Another day: the facts computed live in one statement, an earlier day from the files as they stood then.
		boolean history = FilesAsOf.applies(asOf, clock.today());
		StringBuilder sql = new StringBuilder("WITH f AS (");
		sql.append(FilesAsOf.facts(history, sel.condition(), "TRUE", java.util.EnumSet.copyOf(facts)));
		String regions = FilesAsOf.regions(history, sel.condition());
		sql.append(")");
		if (!kinds.isEmpty()) {
			sql.append(",\n").append(regions).append(",\n")
				.append(EvaluationSql.standards("s0", kinds, EvaluationSql.TABLE));
			if (figure != null) {
				params.put("p_kind", figure.kind());
				params.put("p_prefix", figure.prefix());
				params.put("p_value", figure.value());
				params.put("p_basis", figure.basis().name());
				sql.append(",\n").append(EvaluationSql.standards("s1", kinds, EvaluationSql.WITH_PROPOSAL));
				proposedStandards = "s1";
			}
		}
		String b = EvaluationSql.outcome(before.sql(EvaluationSql.names("f", "s0.", kinds)), base.content(), "b", params);
		String a = EvaluationSql.outcome(after.sql(EvaluationSql.names("f", proposedStandards + ".", kinds)), proposed.content(), "a", params);
		sql.append(",\ne AS (SELECT f.household_id, f.region_code, ").append(b).append(" AS before_o, ").append(a)
			.append(" AS after_o FROM f");
		if (!kinds.isEmpty()) {
			sql.append(" LEFT JOIN s0 ON s0.region_code = f.region_code");
			if (figure != null) {
				sql.append(" LEFT JOIN s1 ON s1.region_code = f.region_code");
			}
		}
		sql.append(")\n");
		// One pass over e (never materialised): counts per (region, before, after), and per group
		// the first offset + limit changed households by id; the page is cut from those in Java.
		sql.append("""
				SELECT left(e.region_code, :len) AS region, e.before_o, e.after_o, count(*) AS n,
				       (array_agg(e.household_id ORDER BY e.household_id) FILTER (WHERE e.before_o <> e.after_o))[1 : CAST(:upto AS integer)] AS ids
				FROM e GROUP BY 1, 2, 3""");
		params.put("upto", offset + limit);
		List<Cell> cells = new ArrayList<>();
		java.util.TreeMap<Long, String[]> moved = new java.util.TreeMap<>();
		jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			Cell cell = new Cell(pad(rs.getString("region")), rs.getString("before_o"), rs.getString("after_o"), rs.getLong("n"));
			cells.add(cell);
			java.sql.Array ids = rs.getArray("ids");
			if (ids != null) {
				for (Object id : (Object[]) ids.getArray()) {
					moved.put(((Number) id).longValue(), new String[] { cell.before(), cell.after() });
				}
			}
			return null;
		}).list();
		List<Long> page = moved.keySet().stream().skip(offset).limit(limit).toList();
		List<Changed> changed = new ArrayList<>();
		if (!page.isEmpty()) {
			jdbc.sql("""
					SELECT h.id, h.file_no, h.region_code,
					       (SELECT m.name FROM registry_member m WHERE m.household_id = h.id AND m.relation = 'HEAD' AND m.active LIMIT 1) AS head
					FROM registry_household h WHERE h.id = ANY (:ids) ORDER BY h.id""")
				.param("ids", page.toArray(Long[]::new))
				.query((rs, n) -> {
					String[] move = moved.get(rs.getLong("id"));
					return changed.add(new Changed(rs.getLong("id"), rs.getString("file_no"), rs.getString("region_code"),
							rs.getString("head"), move[0], move[1]));
				})
				.list();
		}
		cells.sort(java.util.Comparator.comparing(Cell::region).thenComparing(Cell::before).thenComparing(Cell::after));
		return new Answer(cells, changed);
	}

	/**
	 * Today: the maintained facts table (rows past their validity recomputed first) for the
	 * organisations of the selection, resolved up front. Three statements: the standards per
	 * region key, as they are and with the proposal (small); the counts per (region, matched
	 * row before, matched row after) over the table joined once to those standards as arrays
	 * (no CTE, so it runs in parallel; per-month and per-year values converted per region, not
	 * per row); and the page of changed households in id order (stops after offset + limit).
	 */
	private Answer fromTable(SetEvaluator.Selection sel, Map<String, Object> params, List<String> kinds,
			java.util.Set<org.bangfu.identification.rules.Fact> facts, RuleSetView base, CompiledRules before,
			RuleSetView proposed, CompiledRules after, Figure figure, int limit, int offset) {
		table.refreshDue();
		Long[] orgs = table.organisations(sel.organisationCondition(), sel.params()).toArray(Long[]::new);
		params.put("orgs", orgs);
		String join = "";
		if (!kinds.isEmpty()) {
			int keyLength = keyLength(kinds, figure);
			params.put("keylen", keyLength);
			List<Map<String, Object>> rows = resolve(params, kinds, figure, keyLength, orgs);
			join = standardsJoin(rows, kinds, figure != null, keyLength, params);
		}
		String beforeRow = before.sql(EvaluationSql.names("f", "s.s0_", kinds));
		String afterRow = after.sql(EvaluationSql.names("f", "s.s1_", kinds));
		String from = " FROM (" + FactsTable.relation("x.organisation_id = ANY (:orgs)", java.util.EnumSet.copyOf(facts)) + ") f" + join;
		// Grouped by matched rows (small integers), named in Java: several rows may give one outcome.
		Map<List<String>, Long> counts = new java.util.TreeMap<>(java.util.Comparator.comparing((List<String> k) -> k.get(0))
			.thenComparing(k -> k.get(1))
			.thenComparing(k -> k.get(2)));
		jdbc.sql("SELECT left(f.region_code, :len) AS region, " + beforeRow + " AS b, " + afterRow + " AS a, count(*) AS n"
				+ from + " GROUP BY 1, 2, 3")
			.params(params)
			.query((rs, n) -> counts.merge(List.of(pad(rs.getString("region")), outcomeOf(base, rs.getInt("b")),
					outcomeOf(proposed, rs.getInt("a"))), rs.getLong("n"), Long::sum))
			.list();
		List<Cell> cells = new ArrayList<>();
		counts.forEach((k, n) -> cells.add(new Cell(k.get(0), k.get(1), k.get(2), n)));
		java.util.LinkedHashMap<Long, String[]> moved = new java.util.LinkedHashMap<>();
		if (cells.stream().anyMatch(c -> !c.before().equals(c.after()))) {
			String b = EvaluationSql.outcome(beforeRow, base.content(), "b", params);
			String a = EvaluationSql.outcome(afterRow, proposed.content(), "a", params);
			jdbc.sql("SELECT * FROM (SELECT f.household_id, " + b + " AS before_o, " + a + " AS after_o" + from
					+ ") c WHERE c.before_o <> c.after_o ORDER BY c.household_id LIMIT :limit OFFSET :offset")
				.params(params)
				.query((rs, n) -> moved.put(rs.getLong("household_id"), new String[] { rs.getString("before_o"), rs.getString("after_o") }))
				.list();
		}
		return new Answer(cells, page(moved));
	}

	/**
	 * The resolved standards joined to the facts {@code f} as {@code s}: per region key both sets
	 * of figures, s0_k{i}_{id,v,b,m,y} as they are and s1_k{i}_* with the proposal (the same as s0
	 * when only the rule set changes). Regional figures: one row per key from bound arrays, joined
	 * on the key. National figures only (one key): the values bound as scalars in a one-row
	 * subquery that the planner flattens into the expressions (a join would rescan the arrays for
	 * every household).
	 */
	private static String standardsJoin(List<Map<String, Object>> rows, List<String> kinds, boolean proposal, int keyLength,
			Map<String, Object> params) {
		boolean national = keyLength == 0;
		StringBuilder scalars = new StringBuilder("SELECT CAST('' AS text) AS region_code");
		StringBuilder arrays = new StringBuilder("CAST(:sr AS text[])");
		StringBuilder columns = new StringBuilder("region_code");
		params.put("sr", rows.stream().map(r -> (String) r.get("region_code")).toArray(String[]::new));
		for (String set : List.of("s0", "s1")) {
			String from = proposal ? set : "s0";
			for (int i = 0; i < kinds.size(); i++) {
				for (String part : List.of("id", "v", "b", "m", "y")) {
					String column = set + "_k" + i + "_" + part;
					String source = from + "_k" + i + "_" + part;
					String type = part.equals("id") ? "bigint" : part.equals("b") ? "varchar" : "numeric";
					if (national) {
						params.put(column, rows.get(0).get(source));
						scalars.append(", CAST(:").append(column).append(" AS ").append(type).append(") AS ").append(column);
					}
					else {
						params.put(column, rows.stream().map(r -> r.get(source) == null ? null : r.get(source).toString())
							.toArray(String[]::new));
						arrays.append(", CAST(CAST(:").append(column).append(" AS text[]) AS ").append(type).append("[])");
						columns.append(", ").append(column);
					}
				}
			}
		}
		return national ? " CROSS JOIN (" + scalars + ") s"
				: " LEFT JOIN unnest(" + arrays + ") AS s(" + columns + ") ON s.region_code = left(f.region_code, :keylen)";
	}

	/** The outcome code of a matched row (-1 undecided, 0 the default, n the n-th row). */
	private static String outcomeOf(RuleSetView rs, int row) {
		return row < 0 ? Explainer.UNDECIDED : row == 0 ? rs.content().defaultOutcome() : rs.content().rows().get(row - 1).outcome();
	}

	/**
	 * Which figure applies depends only on the region code's first keylen digits, keylen being the
	 * longest prefix any figure of these kinds (or the proposal) has: standards are resolved once
	 * per such key (one key for national figures, one per county for county figures), not once
	 * per village.
	 */
	private int keyLength(List<String> kinds, Figure figure) {
		int keyLength = jdbc.sql("SELECT coalesce(max(length(region_prefix)), 0) FROM identification_standard "
				+ "WHERE kind = ANY (CAST(:kinds AS varchar[]))")
			.param("kinds", kinds.toArray(String[]::new))
			.query(Integer.class)
			.single();
		return figure == null ? keyLength : Math.max(keyLength, figure.prefix().length());
	}

	/**
	 * The standards per region key, as they are (s0) and with the proposal (s1). The keys are
	 * read by skipping through the facts table's (organisation, region) index, one probe per
	 * key, never a scan of the households; national figures need no key at all.
	 */
	private List<Map<String, Object>> resolve(Map<String, Object> params, List<String> kinds, Figure figure, int keyLength,
			Long[] orgs) {
		String keys = keyLength == 0 ? "r AS (SELECT '' AS region_code)" : """
				r AS (SELECT DISTINCT left(k.rc, :keylen) AS region_code FROM (
				    WITH RECURSIVE k AS (
				        SELECT o.id AS org, (SELECT min(x.region_code) FROM identification_facts x WHERE x.organisation_id = o.id) AS rc
				        FROM unnest(CAST(:orgs AS bigint[])) AS o(id)
				        UNION ALL
				        SELECT k.org, (SELECT min(x.region_code) FROM identification_facts x WHERE x.organisation_id = k.org
				                       AND x.region_code > left(k.rc, :keylen) || '999999999999')
				        FROM k WHERE k.rc IS NOT NULL)
				    SELECT k.rc FROM k WHERE k.rc IS NOT NULL) k)""";
		StringBuilder q = new StringBuilder("WITH ").append(keys).append(",\n")
			.append(EvaluationSql.standards("s0", kinds, EvaluationSql.TABLE));
		String s1 = "s0";
		if (figure != null) {
			params.put("p_kind", figure.kind());
			params.put("p_prefix", figure.prefix());
			params.put("p_value", figure.value());
			params.put("p_basis", figure.basis().name());
			q.append(",\n").append(EvaluationSql.standards("s1", kinds, EvaluationSql.WITH_PROPOSAL));
			s1 = "s1";
		}
		q.append("\nSELECT s0.region_code");
		for (int i = 0; i < kinds.size(); i++) {
			for (String s : new java.util.LinkedHashSet<>(List.of("s0", s1))) {
				for (String part : List.of("id", "v", "b", "m", "y")) {
					q.append(", ").append(s).append(".k").append(i).append("_").append(part).append(" AS ").append(s)
						.append("_k").append(i).append("_").append(part);
				}
			}
		}
		q.append(" FROM s0");
		if (figure != null) {
			q.append(" JOIN s1 ON s1.region_code = s0.region_code");
		}
		return jdbc.sql(q.toString()).params(params).query().listOfRows();
	}

	/** File numbers, regions and heads of a page of changed households (id order kept). */
	private List<Changed> page(java.util.Map<Long, String[]> moved) {
		List<Changed> changed = new ArrayList<>();
		if (moved.isEmpty()) {
			return changed;
		}
		jdbc.sql("""
				SELECT h.id, h.file_no, h.region_code,
				       (SELECT m.name FROM registry_member m WHERE m.household_id = h.id AND m.relation = 'HEAD' AND m.active LIMIT 1) AS head
				FROM registry_household h WHERE h.id = ANY (:ids) ORDER BY h.id""")
			.param("ids", moved.keySet().toArray(Long[]::new))
			.query((rs, n) -> {
				String[] move = moved.get(rs.getLong("id"));
				return changed.add(new Changed(rs.getLong("id"), rs.getString("file_no"), rs.getString("region_code"),
						rs.getString("head"), move[0], move[1]));
			})
			.list();
		return changed;
	}

	private static String pad(String code) {
		return (code + "000000000000").substring(0, 12);
	}

}
