package org.bangfu.crosscheck.internal;

import org.bangfu.crosscheck.ExtractKind;

/**
 * The match of one extract against the register in one statement: extract rows whose keyed hash
 * and name are an active member's of a filed or exited household in the extract organisation's
 * subtree (the hits), the rule of the extract's kind over the hits, and one finding per member and
 * kind with the matching rows as evidence and what the file shows instead. Bound: {@code :extract},
 * {@code :scopePath}.
 */
final class MatchSql {

	private static final String HITS = """
			WITH hit AS (
			    SELECT r.line, r.head_hash, r.sub_kind, r.amount, r.item, r.event_date,
			           m.id AS member_id, m.household_id, m.income_wage, m.income_pension,
			           h.vehicles, h.business, h.housing_type, h.categories
			      FROM crosscheck_extract_row r
			      JOIN registry_member m ON m.id_number_hash = r.id_hash AND m.active AND m.name = r.name
			      JOIN registry_household h ON h.id = m.household_id AND h.status IN ('FILED', 'EXITED')
			      JOIN organisation o ON o.id = h.organisation_id AND o.path LIKE :scopePath
			     WHERE r.extract_id = :extract
			), counted AS (
			    SELECT hit.*, count(*) OVER (PARTITION BY household_id) AS in_household FROM hit
			), cand AS (
			""";

	private static final String INSERT = """
			)
			INSERT INTO crosscheck_finding (extract_id, household_id, member_id, kind, evidence)
			SELECT :extract, household_id, member_id, kind,
			       jsonb_build_object('file', min(shows), 'rows', jsonb_agg(jsonb_build_object('line', line, 'item', item,
			           'amount', amount, 'date', event_date, 'subKind', sub_kind) ORDER BY line))
			  FROM cand
			 GROUP BY household_id, member_id, kind
			""";

	private static final String COLS = "household_id, member_id, line, item, amount, event_date, sub_kind";

	private MatchSql() {
	}

	static String of(ExtractKind kind) {
		return HITS + rule(kind) + INSERT;
	}

	/** The candidates of a kind: household, member, finding kind, what the file shows, the row. */
	static String rule(ExtractKind kind) {
		return switch (kind) {
			case DEATH -> "SELECT " + COLS + ", 'MEMBER_DIED' AS kind, '' AS shows FROM hit";
			case VEHICLE -> "SELECT " + COLS + ", 'VEHICLE' AS kind, vehicles::text AS shows FROM counted"
					+ " WHERE in_household > vehicles";
			case REAL_ESTATE -> "SELECT " + COLS + ", 'SECOND_HOME' AS kind, coalesce(housing_type, '') AS shows FROM counted"
					+ " WHERE in_household > CASE WHEN housing_type = 'OWN' THEN 1 ELSE 0 END";
			case BUSINESS -> "SELECT " + COLS + ", 'BUSINESS' AS kind, '' AS shows FROM hit"
					+ " WHERE coalesce(btrim(business), '') = ''";
			case SOCIAL_INSURANCE -> "SELECT " + COLS + ", CASE sub_kind WHEN 'PENSION' THEN 'PENSION_NOT_SHOWN'"
					+ " ELSE 'WAGE_NOT_SHOWN' END AS kind, '0' AS shows FROM hit WHERE amount > 0"
					+ " AND ((sub_kind = 'PENSION' AND income_pension = 0) OR (sub_kind = 'CONTRIBUTION' AND income_wage = 0))";
			case HOUSING_FUND -> "SELECT " + COLS + ", 'WAGE_NOT_SHOWN' AS kind, '0' AS shows FROM hit"
					+ " WHERE amount > 0 AND income_wage = 0";
			case DIBAO -> "SELECT " + COLS + ", 'DIBAO_ELSEWHERE' AS kind, '' AS shows FROM hit"
					+ " WHERE NOT ('DIBAO' = ANY (categories))"
					+ " UNION ALL SELECT " + COLS + ", 'FILED_TWICE' AS kind, '' AS shows FROM hit"
					+ " WHERE head_hash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM registry_member x"
					+ " WHERE x.household_id = hit.household_id AND x.active AND x.id_number_hash = hit.head_hash)";
		};
	}

}
