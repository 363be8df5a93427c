package org.bangfu.identification.internal;

import java.util.List;
import java.util.Map;

import org.bangfu.identification.RuleSetContent;
import org.bangfu.identification.rules.Fact;
import org.bangfu.identification.rules.SqlNames;

/**
 * Pieces of the set-based SQL: standards resolved once per distinct region of the facts
 * relation {@code f} (most specific region, latest start, highest version, as
 * {@link StandardStore#resolve}), column names for the translated rules, and the outcome of a
 * matched row. Only column names made here and bind parameters reach the SQL; kind names,
 * outcome codes and the proposed figure are always bound.
 */
final class EvaluationSql {

	/** The figures in force (a corrected figure never applies: V080's view). */
	static final String TABLE = StandardStore.IN_FORCE;

	/** The standards table plus one proposed figure that wins over same-region figures (what-if). */
	static final String WITH_PROPOSAL = """
			(SELECT id, kind, region_prefix, value, basis, effective_from, effective_to, version FROM identification_standard_in_force
			 UNION ALL
			 SELECT CAST(-1 AS bigint), CAST(:p_kind AS varchar), CAST(:p_prefix AS varchar), CAST(:p_value AS numeric),
			        CAST(:p_basis AS varchar), CAST(:asOf AS date), CAST(NULL AS date), 2147483647)""";

	private EvaluationSql() {
	}

	/**
	 * A CTE 'name AS (...)' with one row per region_code of {@code r}: k{i}_id, k{i}_v, k{i}_b for
	 * each kind (null when none applies). Binds :asOf and :k_{i}.
	 */
	static String standards(String name, List<String> kinds, String candidates) {
		StringBuilder select = new StringBuilder("SELECT r.region_code");
		StringBuilder joins = new StringBuilder();
		for (int i = 0; i < kinds.size(); i++) {
			String k = "k" + i;
			select.append(", ").append(k).append(".id AS ").append(k).append("_id, ").append(k).append(".value AS ").append(k)
				.append("_v, ").append(k).append(".basis AS ").append(k).append("_b, ")
				.append(SqlNames.monthDivisor(k + ".basis")).append(" AS ").append(k).append("_m, ")
				.append(SqlNames.perYear(k + ".value", k + ".basis")).append(" AS ").append(k).append("_y");
			joins.append("\n  LEFT JOIN LATERAL (SELECT x.id, x.value, x.basis FROM ").append(candidates).append(" x")
				.append(" WHERE x.kind = :k_").append(i)
				.append(" AND x.region_prefix IN ('', left(r.region_code, 2), left(r.region_code, 4), left(r.region_code, 6),")
				.append(" left(r.region_code, 9), r.region_code)")
				.append(" AND x.effective_from <= CAST(:asOf AS date) AND (x.effective_to IS NULL OR x.effective_to >= CAST(:asOf AS date))")
				.append(" ORDER BY length(x.region_prefix) DESC, x.effective_from DESC, x.version DESC, x.id DESC LIMIT 1) k")
				.append(i).append(" ON TRUE");
		}
		return name + " AS (" + select + " FROM r" + joins + ")";
	}

	/** The CTE r: the distinct regions of the selected households (read from the households, not the facts). */
	static String regions(String condition) {
		return "r AS (SELECT DISTINCT h.region_code FROM registry_household h JOIN organisation o ON o.id = h.organisation_id WHERE "
				+ condition + ")";
	}

	/** The CTE r: the distinct regions of the facts relation f itself. */
	static String regionsOfFacts() {
		return "r AS (SELECT DISTINCT f.region_code FROM f)";
	}

	static void bindKinds(List<String> kinds, Map<String, Object> params) {
		for (int i = 0; i < kinds.size(); i++) {
			params.put("k_" + i, kinds.get(i));
		}
	}

	/**
	 * Names for rules over facts alias f and the standards columns that start with
	 * {@code standards} (e.g. "s." for the relation made by {@link #standards}): k{i}_v, _b, and
	 * the per-month divisor _m (12 or 1) and the per-year value _y, worked out once per region, not per row.
	 */
	static SqlNames names(String facts, String standards, List<String> kinds) {
		return new SqlNames() {

			@Override
			public String fact(Fact fact) {
				return facts + "." + fact.column();
			}

			@Override
			public String standardValue(String kind) {
				return standards + "k" + index(kind) + "_v";
			}

			@Override
			public String standardBasis(String kind) {
				return standards + "k" + index(kind) + "_b";
			}

			@Override
			public String standardMonthDivisor(String kind) {
				return standards + "k" + index(kind) + "_m";
			}

			@Override
			public String standardYear(String kind) {
				return standards + "k" + index(kind) + "_y";
			}

			private int index(String kind) {
				int i = kinds.indexOf(kind);
				if (i < 0) {
					throw new IllegalStateException("Standard kind not resolved: " + kind);
				}
				return i;
			}

		};
	}

	/** jsonb {kind: standard id} for the resolved standards (columns named as in {@link #names}). */
	static String standardIds(String standards, List<String> kinds) {
		if (kinds.isEmpty()) {
			return "'{}'::jsonb";
		}
		StringBuilder sb = new StringBuilder("jsonb_build_object(");
		for (int i = 0; i < kinds.size(); i++) {
			sb.append(i == 0 ? "" : ", ").append("CAST(:k_").append(i).append(" AS text), ").append(standards).append("k").append(i).append("_id");
		}
		return sb.append(")").toString();
	}

	/**
	 * jsonb {fact: value} of the facts the rules use (built 50 at a time: a function takes at most
	 * 100 arguments). Per-capita facts are not stored: their parts are, and they are derived exactly.
	 */
	static String facts(String facts, java.util.Collection<Fact> all) {
		java.util.List<Fact> used = all.stream().filter(f -> f.numerator() == null).toList();
		if (used.isEmpty()) {
			return "'{}'::jsonb";
		}
		StringBuilder sb = new StringBuilder("(jsonb_build_object(");
		int n = 0;
		for (Fact f : used) {
			sb.append(n == 0 ? "" : n % 50 == 0 ? ") || jsonb_build_object(" : ", ")
				.append("'").append(f.column()).append("', ").append(facts).append(".").append(f.column());
			n++;
		}
		return sb.append("))").toString();
	}

	/** The outcome code of a matched-row expression; binds :{prefix}_d and :{prefix}_{row}. */
	static String outcome(String matched, RuleSetContent content, String prefix, Map<String, Object> params) {
		StringBuilder sb = new StringBuilder("(CASE ").append(matched).append(" WHEN -1 THEN '").append(Explainer.UNDECIDED)
			.append("' WHEN 0 THEN CAST(:").append(prefix).append("_d AS varchar)");
		params.put(prefix + "_d", content.defaultOutcome());
		for (int i = 0; i < content.rows().size(); i++) {
			sb.append(" WHEN ").append(i + 1).append(" THEN CAST(:").append(prefix).append("_").append(i + 1).append(" AS varchar)");
			params.put(prefix + "_" + (i + 1), content.rows().get(i).outcome());
		}
		return sb.append(" END)").toString();
	}

}
