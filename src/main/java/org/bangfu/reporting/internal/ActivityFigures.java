package org.bangfu.reporting.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.reporting.FigureSource;
import org.bangfu.reporting.ReportPeriod;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Visits, cadres and cases of a subtree, each one set-based count. These read the pairing and cases tables
 * directly (read-only, like the pairing module reads the register): their façades offer pages of rows, not
 * counts over a period. Visited on time = a filed household with a visit in the 3 months up to the period's
 * end (plan 3: at least quarterly); cases overdue = in review with an open step past its due date today.
 */
@Component
class ActivityFigures implements FigureSource {

	private final JdbcClient jdbc;

	private final BusinessClock clock;

	ActivityFigures(JdbcClient jdbc, BusinessClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<String> codes() {
		return List.of("households.visitedOnTime", "visits.period", "cadres.active", "cases.pending", "cases.overdue",
				"cases.onTime");
	}

	@Override
	public Map<String, Long> compute(Scope scope, ReportPeriod period, List<String> wanted) {
		Map<String, Long> out = new LinkedHashMap<>();
		LocalDate end = period.to().isAfter(clock.today()) ? clock.today() : period.to();
		for (String code : wanted) {
			out.put(code, switch (code) {
				case "households.visitedOnTime" -> count("""
						SELECT count(*) FROM registry_household h JOIN organisation o ON o.id = h.organisation_id
						WHERE h.status = 'FILED' AND o.path LIKE :scopePath AND EXISTS (SELECT 1 FROM pairing_visit v
						  WHERE v.household_id = h.id AND v.visited_on > :since AND v.visited_on <= :end)""", scope,
						Map.of("since", end.minusMonths(3), "end", end));
				case "visits.period" -> count("""
						SELECT count(*) FROM pairing_visit v JOIN organisation o ON o.id = v.organisation_id
						WHERE o.path LIKE :scopePath AND v.visited_on BETWEEN :from AND :to""", scope,
						Map.of("from", period.from(), "to", period.to()));
				case "cadres.active" -> count("""
						SELECT count(*) FROM pairing_cadre c JOIN organisation o ON o.id = c.organisation_id
						WHERE o.path LIKE :scopePath AND c.active""", scope, Map.of());
				case "cases.pending" -> count("""
						SELECT count(*) FROM cases_case c JOIN organisation o ON o.id = c.organisation_id
						WHERE o.path LIKE :scopePath AND c.status = 'IN_REVIEW'""", scope, Map.of());
				case "cases.overdue" -> count("""
						SELECT count(*) FROM cases_case c JOIN organisation o ON o.id = c.organisation_id
						WHERE o.path LIKE :scopePath AND c.status = 'IN_REVIEW' AND EXISTS (SELECT 1 FROM cases_step s
						  WHERE s.case_id = c.id AND s.completed_at IS NULL AND s.due_date < :today)""", scope,
						Map.of("today", clock.today()));
				case "cases.onTime" -> count("""
						SELECT count(*) FROM cases_case c JOIN organisation o ON o.id = c.organisation_id
						WHERE o.path LIKE :scopePath AND c.status = 'IN_REVIEW' AND NOT EXISTS (SELECT 1 FROM cases_step s
						  WHERE s.case_id = c.id AND s.completed_at IS NULL AND s.due_date < :today)""", scope,
						Map.of("today", clock.today()));
				default -> 0L;
			});
		}
		return out;
	}

	private long count(String sql, Scope scope, Map<String, ?> params) {
		return jdbc.sql(sql).param("scopePath", scope.likePattern()).params(params).query(Long.class).single();
	}

	@Override
	public Optional<String> drillDown(String code, ReportPeriod period) {
		return Optional.ofNullable(switch (code) {
			case "households.visitedOnTime" -> "/visits/due?overdue=true";
			case "cadres.active" -> "/pairing/cadres";
			case "cases.pending", "cases.onTime" -> "/cases?view=all&status=IN_REVIEW";
			case "cases.overdue" -> "/cases?view=overdue";
			default -> null;
		});
	}

}
