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
		StringBuilder sql = new StringBuilder("WITH f AS (");
		String regions;
		if (asOf.equals(clock.today())) {
			// Today: the maintained facts table (rows past their validity recomputed first), for
			// the organisations of the selection resolved up front (no estimate over a path join).
			table.refreshDue();
			params.put("orgs", table.organisations(sel.organisationCondition(), sel.params()).toArray(Long[]::new));
			sql.append(FactsTable.relation("x.organisation_id = ANY (:orgs)", java.util.EnumSet.copyOf(facts)));
			regions = "r AS (SELECT DISTINCT x.region_code FROM " + FactsTable.TABLE + " x WHERE x.organisation_id = ANY (:orgs))";
		}
		else {
			// Another day: the facts computed live from the register as of that day.
			sql.append(FactsQuery.sql(sel.condition(), "TRUE", java.util.EnumSet.copyOf(facts)));
			regions = EvaluationSql.regions(sel.condition());
		}
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
		String b = EvaluationSql.outcome(before.sql(EvaluationSql.names("f", "s0", kinds)), base.content(), "b", params);
		String a = EvaluationSql.outcome(after.sql(EvaluationSql.names("f", proposedStandards, kinds)), proposed.content(), "a", params);
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

	private static String pad(String code) {
		return (code + "000000000000").substring(0, 12);
	}

}
