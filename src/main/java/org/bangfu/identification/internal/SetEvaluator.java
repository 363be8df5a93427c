package org.bangfu.identification.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.identification.RuleSetView;
import org.bangfu.identification.rules.CompiledRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evaluates a rule-set version for a set of households in two set-based statements, never a
 * query per household: current decisions that the new evaluation would change are superseded,
 * then one INSERT … SELECT reads the facts, resolves standards per region, applies the
 * translated rules and stores the decisions with their snapshots. A current decision that is
 * exactly what the evaluation gives (same rule-set version, date, file version, region, facts,
 * standards and matched row, not stale) is kept rather than written again. Call inside a
 * transaction.
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
	 * condition over the organisation alone (o), the same selection said over a row of the
	 * maintained facts table (x; the organisation part is added from the organisation
	 * condition), and their parameters.
	 */
	public record Selection(String condition, String memberCondition, String organisationCondition,
			String factsCondition, Map<String, Object> params) {

		public Selection and(String more, String moreMembers, String moreFacts, Map<String, Object> moreParams) {
			Map<String, Object> p = new HashMap<>(params);
			p.putAll(moreParams);
			return new Selection(condition + " AND " + more, memberCondition + " AND " + moreMembers, organisationCondition,
					factsCondition + " AND " + moreFacts, p);
		}

		/** The condition over the facts table {@code x}, organisations included. */
		String overFacts() {
			return "x.organisation_id IN (SELECT o.id FROM organisation o WHERE " + organisationCondition + ") AND "
					+ factsCondition;
		}

	}

	/** The households a scope may evaluate under a rule set owned at ownerPath: open files in both subtrees. */
	public static Selection selection(org.bangfu.shared.Scope scope, String ownerPath) {
		Map<String, Object> p = new HashMap<>();
		p.put("scopePath", scope.likePattern());
		p.put("ownerPath", ownerPath + "%");
		String organisations = org.bangfu.shared.Scope.sql("o.path") + " AND o.path LIKE :ownerPath";
		return new Selection(organisations + " AND h.status <> 'CLOSED'", "TRUE", organisations, "TRUE", p);
	}

	/** What one evaluation did: households evaluated, decisions written (the rest were kept), count per outcome. */
	public record Run(long evaluated, long written, Map<String, Long> outcomes) {

		public static final Run NONE = new Run(0, 0, Map.of());

		public Run plus(Run other) {
			Map<String, Long> sum = new LinkedHashMap<>(outcomes);
			other.outcomes.forEach((k, v) -> sum.merge(k, v, Long::sum));
			return new Run(evaluated + other.evaluated, written + other.written, sum);
		}

	}

	/** Whether a date is evaluated from the maintained facts table (today) or from the register itself. */
	public boolean fromTable(LocalDate asOf) {
		return asOf.equals(clock.today());
	}

	/**
	 * Makes the maintained facts table right for the whole selection before it is read (today
	 * only; see {@link FactsTable#ensureFresh}): every open household of the selection's
	 * organisations, a superset when the selection is narrower. Returns the rows of those
	 * organisations, which are the selection's bounds when it has no narrower condition.
	 */
	public java.util.Optional<FactsTable.Rows> prepare(Selection selection, LocalDate asOf) {
		if (!fromTable(asOf)) {
			return java.util.Optional.empty();
		}
		Long[] organisations = table.organisations(selection.organisationCondition(), selection.params()).toArray(Long[]::new);
		return java.util.Optional.of(table.ensureFresh(organisations));
	}

	/** As {@link #prepare(Selection, LocalDate)} for a few households named by id: their rows are recomputed. */
	public int prepare(java.util.Collection<Long> householdIds, LocalDate asOf) {
		return fromTable(asOf) ? table.refresh(householdIds) : 0;
	}

	/**
	 * The households relation a selection is read from on the date ({@code h}): today's table, or
	 * the files as of an earlier date together with the households not yet filed then (they are
	 * answered 'not yet filed').
	 */
	public String households(LocalDate asOf) {
		return FilesAsOf.applies(asOf, clock.today()) ? FilesAsOf.householdsAndNotFiled() : FilesAsOf.households(false);
	}

	/** The outcome of a household not yet filed on the date. */
	public static final String NOT_FILED = "NOT_FILED";

	/** How the new decisions are inserted. */
	public enum Insert {

		/** The caller knows no current decision of the rule set exists (a first run): plain inserts. */
		FIRST,

		/** Only households left without a current decision once the changed ones were superseded. */
		RERUN,

		/**
		 * As RERUN, and a current decision another writer adds meanwhile wins quietly (slower: a
		 * speculative insert per row). FIRST and RERUN meet such a race with a duplicate-key error,
		 * and their caller runs the same range again in this mode.
		 */
		SAFE

	}

	/** Evaluates the selection and stores what changed; see {@link Insert}. */
	public Run evaluate(RuleSetView rs, CompiledRules rules, Selection selection, LocalDate asOf, String login, Long jobId,
			Insert mode) {
		boolean supersede = mode != Insert.FIRST;
		Map<String, Object> params = new HashMap<>(selection.params());
		params.put("code", rs.code());
		params.put("ruleSetId", rs.id());
		params.put("asOf", asOf);
		params.put("login", login);
		params.put("jobId", jobId);
		// One set-based statement over many households: let its hash tables stay in memory (this transaction only).
		jdbc.sql("SET LOCAL work_mem = '64MB'").update();
		// An earlier date reads the files as they stood then (FilesAsOf); the supersede joins the evaluation itself, so
		// both statements always cover the same households.
		String[] sql = evaluatedSql(rs, rules, selection, params, fromTable(asOf), FilesAsOf.applies(asOf, clock.today()));
		String with = sql[0];
		String evaluation = sql[1];
		Map<String, Long> outcomes = new LinkedHashMap<>();
		if (supersede) {
			// the evaluation kept for both the supersede and the class counts (kept decisions count too)
			jdbc.sql(with + ",\ne AS MATERIALIZED (" + evaluation + """
					),
					sup AS (UPDATE identification_decision d SET current = FALSE FROM e
					WHERE d.household_id = e.household_id AND d.rule_set_code = :code AND d.current
					  AND NOT (d.rule_set_id = :ruleSetId AND d.as_of = CAST(:asOf AS date) AND NOT d.stale
					           AND d.household_version = e.household_version AND d.region_code = e.region_code
					           AND d.matched_row = e.matched_row AND d.facts = e.facts AND d.standard_ids = e.ids)
					RETURNING 1)
					SELECT e.outcome, count(*), (SELECT count(*) FROM sup) FROM e GROUP BY e.outcome""")
				.params(params)
				.query((rs2, n) -> outcomes.put(rs2.getString(1), rs2.getLong(2)))
				.list();
		}
		// Kept decisions (and one a user wrote meanwhile) hold the household's current slot: nothing is inserted for them.
		// The new rows come back as their outcome only (a first run counts its classes from them).
		Map<String, Long> inserted = new LinkedHashMap<>();
		jdbc.sql(with + """
				, ins AS (
				INSERT INTO identification_decision (household_id, region_code, household_version, rule_set_id, rule_set_code,
				    as_of, matched_row, outcome, facts, standard_ids, decided_by, job_id)
				SELECT e.household_id, e.region_code, e.household_version, :ruleSetId, :code, CAST(:asOf AS date), e.matched_row,
				       e.outcome, e.facts, e.ids, :login, CAST(:jobId AS bigint)
				FROM (""" + evaluation + ") e\n" + switch (mode) {
					case FIRST -> "";
					case RERUN -> """
							WHERE NOT EXISTS (SELECT 1 FROM identification_decision d WHERE d.household_id = e.household_id
							    AND d.rule_set_code = :code AND d.current)""";
					case SAFE -> "ON CONFLICT (household_id, rule_set_code) WHERE current DO NOTHING";
				} + """

				RETURNING outcome)
				SELECT outcome, count(*) FROM ins GROUP BY outcome""")
			.params(params)
			.query((rs2, n) -> inserted.put(rs2.getString(1), rs2.getLong(2)))
			.list();
		long written = inserted.values().stream().mapToLong(Long::longValue).sum();
		Map<String, Long> counted = supersede ? outcomes : inserted;
		return new Run(counted.values().stream().mapToLong(Long::longValue).sum(), written, counted);
	}

	/** The facts the rules use (at least one, so the relation is never empty of columns). */
	static java.util.Set<org.bangfu.identification.rules.Fact> withSize(CompiledRules rules) {
		java.util.Set<org.bangfu.identification.rules.Fact> facts = new java.util.HashSet<>(rules.facts());
		if (facts.isEmpty()) {
			facts.add(org.bangfu.identification.rules.Fact.SIZE);
		}
		return facts;
	}

	/**
	 * Two pieces: 'WITH f AS (facts)[, r, s (standards)]' and the evaluation over them (household,
	 * region, file version, matched row, outcome, facts snapshot, standard ids; the matched row is
	 * computed once, the subquery is not flattened into the outcome's CASE).
	 */
	static String[] evaluatedSql(RuleSetView rs, CompiledRules rules, Selection selection, Map<String, Object> params,
			boolean fromTable, boolean history) {
		List<String> kinds = List.copyOf(rules.kinds());
		EvaluationSql.bindKinds(kinds, params);
		String matched = rules.sql(EvaluationSql.names("f", "s.", kinds));
		java.util.Set<org.bangfu.identification.rules.Fact> facts = java.util.EnumSet.copyOf(withSize(rules));
		StringBuilder with = new StringBuilder("WITH f AS (")
			.append(fromTable ? FactsTable.relation(selection.overFacts(), facts)
					: FilesAsOf.facts(history, selection.condition(), selection.memberCondition(), facts))
			.append(")");
		if (!kinds.isEmpty()) {
			with.append(",\n").append(EvaluationSql.regionsOfFacts()).append(",\n")
				.append(EvaluationSql.standards("s", kinds, EvaluationSql.TABLE));
		}
		StringBuilder evaluation = new StringBuilder("SELECT m.*, ")
			.append(EvaluationSql.outcome("m.matched_row", rs.content(), "o", params))
			.append(" AS outcome FROM (SELECT f.household_id, f.region_code, f.household_version, ")
			.append(matched)
			.append(" AS matched_row, ")
			.append(EvaluationSql.facts("f", rules.facts()))
			.append(" AS facts, ")
			.append(EvaluationSql.standardIds("s.", kinds))
			.append(" AS ids FROM f");
		if (!kinds.isEmpty()) {
			evaluation.append(" LEFT JOIN s ON s.region_code = f.region_code");
		}
		evaluation.append(" OFFSET 0) m");
		if (history) {
			// households not yet filed on the date: answered so, in words, never from today's file
			evaluation.append("\nUNION ALL\nSELECT h.id, h.region_code, h.version, ").append(CompiledRules.NOT_FILED)
				.append(", CAST('{}' AS jsonb), CAST('{}' AS jsonb), CAST('").append(NOT_FILED).append("' AS varchar) FROM (")
				.append(FilesAsOf.notFiled("TRUE")).append(") h JOIN organisation o ON o.id = h.organisation_id WHERE ")
				.append(selection.condition());
		}
		return new String[] { with.toString(), evaluation.toString() };
	}
}
