package org.bangfu.identification.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.identification.RuleSetView;
import org.bangfu.identification.rules.CompiledRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evaluates a rule-set version for a set of households in two statements: the current
 * decisions of the set are superseded, then one INSERT … SELECT computes facts, resolves
 * standards per region, applies the translated rules and stores the decisions with their
 * snapshots. Never a query per household. The selection is a condition over {@code h}
 * (registry_household) and {@code o} (its organisation); call inside a transaction.
 */
@Component
public class SetEvaluator {

	private final JdbcClient jdbc;

	private final FactsTable table;

	private final org.bangfu.shared.BusinessClock clock;

	SetEvaluator(JdbcClient jdbc, FactsTable table, org.bangfu.shared.BusinessClock clock) {
		this.jdbc = jdbc;
		this.table = table;
		this.clock = clock;
	}

	/**
	 * A selection: household condition (over h and o), the matching member condition, the
	 * condition over the organisation alone (o) that the facts table is read by, and their
	 * parameters.
	 */
	public record Selection(String condition, String memberCondition, String organisationCondition,
			Map<String, Object> params) {

		public Selection and(String more, String moreMembers, Map<String, Object> moreParams) {
			Map<String, Object> p = new HashMap<>(params);
			p.putAll(moreParams);
			return new Selection(condition + " AND " + more, memberCondition + " AND " + moreMembers, organisationCondition, p);
		}

	}

	/** The households a scope may evaluate under a rule set owned at ownerPath: open files in both subtrees. */
	public static Selection selection(org.bangfu.shared.Scope scope, String ownerPath) {
		Map<String, Object> p = new HashMap<>();
		p.put("scopePath", scope.likePattern());
		p.put("ownerPath", ownerPath + "%");
		String organisations = org.bangfu.shared.Scope.sql("o.path") + " AND o.path LIKE :ownerPath";
		return new Selection(organisations + " AND h.status <> 'CLOSED'", "TRUE", organisations, p);
	}

	/** The households relation a selection is read from on the date ({@code h}): today's table, or the files as of an earlier date. */
	public String households(LocalDate asOf) {
		return FilesAsOf.households(FilesAsOf.applies(asOf, clock.today()));
	}

	/** Returns the number of decisions written. */
	public int evaluate(RuleSetView rs, CompiledRules rules, Selection selection, LocalDate asOf, String login, Long jobId) {
		Map<String, Object> params = new HashMap<>(selection.params());
		params.put("code", rs.code());
		params.put("ruleSetId", rs.id());
		params.put("asOf", asOf);
		params.put("login", login);
		params.put("jobId", jobId);
		// One set-based statement over many households: let its hash tables stay in memory (this transaction only).
		jdbc.sql("SET LOCAL work_mem = '64MB'").update();
		// An earlier date reads the files as they stood then (FilesAsOf), in both statements.
		boolean history = FilesAsOf.applies(asOf, clock.today());
		jdbc.sql("UPDATE identification_decision d SET current = FALSE\nFROM " + FilesAsOf.households(history) + """
				 h JOIN organisation o ON o.id = h.organisation_id
				WHERE d.household_id = h.id AND d.rule_set_code = :code AND d.current AND """ + " " + selection.condition())
			.params(params)
			.update();
		boolean today = asOf.equals(clock.today());
		if (today) {
			// The maintained facts table, made right for this selection first (rows missing or
			// older than the file: households written around the register's façade).
			table.refreshOutdated(selection.condition(), selection.params());
		}
		return jdbc.sql(insertSql(rs, rules, selection, params, today, history)).params(params).update();
	}

	/** The facts the rules use (at least one, so the relation is never empty of columns). */
	static java.util.Set<org.bangfu.identification.rules.Fact> withSize(CompiledRules rules) {
		java.util.Set<org.bangfu.identification.rules.Fact> facts = new java.util.HashSet<>(rules.facts());
		if (facts.isEmpty()) {
			facts.add(org.bangfu.identification.rules.Fact.SIZE);
		}
		return facts;
	}

	static String insertSql(RuleSetView rs, CompiledRules rules, Selection selection, Map<String, Object> params,
			boolean fromTable, boolean history) {
		List<String> kinds = List.copyOf(rules.kinds());
		EvaluationSql.bindKinds(kinds, params);
		String matched = rules.sql(EvaluationSql.names("f", "s", kinds));
		java.util.Set<org.bangfu.identification.rules.Fact> facts = java.util.EnumSet.copyOf(withSize(rules));
		StringBuilder sql = new StringBuilder("WITH f AS (")
			.append(fromTable ? FactsTable.relation(FactsTable.TABLE + " x JOIN registry_household h ON h.id = x.household_id "
					+ "JOIN organisation o ON o.id = h.organisation_id", selection.condition(), facts)
					: FilesAsOf.facts(history, selection.condition(), selection.memberCondition(), facts))
			.append(")");
		if (!kinds.isEmpty()) {
			sql.append(",\n").append(FilesAsOf.regions(history, selection.condition())).append(",\n")
				.append(EvaluationSql.standards("s", kinds, EvaluationSql.TABLE));
		}
		sql.append("""

				INSERT INTO identification_decision (household_id, region_code, household_version, rule_set_id, rule_set_code,
				    as_of, matched_row, outcome, facts, standard_ids, decided_by, job_id)
				SELECT e.household_id, e.region_code, e.household_version, :ruleSetId, :code, CAST(:asOf AS date), e.matched_row,
				""")
			.append(EvaluationSql.outcome("e.matched_row", rs.content(), "o", params))
			.append(", e.facts, e.ids, :login, CAST(:jobId AS bigint)\nFROM (SELECT f.household_id, f.region_code, f.household_version, ")
			.append(matched)
			.append(" AS matched_row, ")
			.append(EvaluationSql.facts("f", rules.facts()))
			.append(" AS facts, ")
			.append(EvaluationSql.standardIds("s", kinds))
			.append(" AS ids FROM f");
		if (!kinds.isEmpty()) {
			sql.append(" LEFT JOIN s ON s.region_code = f.region_code");
		}
		return sql.append(") e").toString();
	}

}
