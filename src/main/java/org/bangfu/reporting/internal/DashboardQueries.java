package org.bangfu.reporting.internal;

import java.util.List;

import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The grouped counts of a dashboard, each one statement. Households come from the tallies kept by triggers
 * (V230), so a province sums tally rows, not a million households; decisions and cases are grouped set-based.
 */
@Repository
public class DashboardQueries {

	/** A group and its count. */
	public record Group(String key, String sub, long count) {
	}

	private final JdbcClient jdbc;

	DashboardQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Group> byStatus(Scope scope) {
		return groups("""
				SELECT t.status AS key, '' AS sub, sum(t.households) AS count FROM reporting_household_tally t
				JOIN organisation o ON o.id = t.organisation_id WHERE o.path LIKE :scopePath
				GROUP BY t.status HAVING sum(t.households) > 0 ORDER BY t.status""", scope);
	}

	public List<Group> byCause(Scope scope) {
		return groups("""
				SELECT t.cause AS key, '' AS sub, sum(t.households) AS count FROM reporting_household_tally t
				JOIN organisation o ON o.id = t.organisation_id WHERE o.path LIKE :scopePath AND t.status = 'FILED'
				GROUP BY t.cause HAVING sum(t.households) > 0 ORDER BY count DESC, key""", scope);
	}

	public List<Group> byCategory(Scope scope) {
		return groups("""
				SELECT t.category AS key, '' AS sub, sum(t.households) AS count FROM reporting_category_tally t
				JOIN organisation o ON o.id = t.organisation_id WHERE o.path LIKE :scopePath AND t.status = 'FILED'
				GROUP BY t.category HAVING sum(t.households) > 0 ORDER BY count DESC, key""", scope);
	}

	/** Filed households by region code prefix of the given length (2, 4, 6, 9 or 12) under a prefix. */
	public List<Group> byRegion(Scope scope, String underPrefix, int length) {
		return jdbc.sql("""
				SELECT left(t.region_code, :len) AS key, '' AS sub, sum(t.households) AS count FROM reporting_household_tally t
				JOIN organisation o ON o.id = t.organisation_id WHERE o.path LIKE :scopePath AND t.status = 'FILED'
				AND t.region_code LIKE :under GROUP BY 1 HAVING sum(t.households) > 0 ORDER BY 1""")
			.param("scopePath", scope.likePattern())
			.param("len", length)
			.param("under", underPrefix + "%")
			.query(Group.class)
			.list();
	}

	/** Current decisions of filed households by rule set and outcome. */
	public List<Group> decisions(Scope scope) {
		return groups("""
				SELECT d.rule_set_code AS key, d.outcome AS sub, count(*) AS count FROM identification_decision d
				JOIN registry_household h ON h.id = d.household_id JOIN organisation o ON o.id = h.organisation_id
				WHERE d.current AND o.path LIKE :scopePath GROUP BY 1, 2 ORDER BY 1, 2""", scope);
	}

	/** Cases in review by their current step (1-based), with how many of them are overdue in sub. */
	public List<Group> pendingBySteps(Scope scope, java.time.LocalDate today) {
		return jdbc.sql("""
				SELECT coalesce(c.current_position, 0)::text AS key,
				  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM cases_step s WHERE s.case_id = c.id AND s.completed_at IS NULL
				    AND s.due_date < :today))::text AS sub, count(*) AS count
				FROM cases_case c JOIN organisation o ON o.id = c.organisation_id
				WHERE o.path LIKE :scopePath AND c.status = 'IN_REVIEW' GROUP BY 1 ORDER BY 1""")
			.param("scopePath", scope.likePattern())
			.param("today", today)
			.query(Group.class)
			.list();
	}

	private List<Group> groups(String sql, Scope scope) {
		return jdbc.sql(sql).param("scopePath", scope.likePattern()).query(Group.class).list();
	}

}
