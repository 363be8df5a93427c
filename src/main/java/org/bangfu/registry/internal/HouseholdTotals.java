package org.bangfu.registry.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.registry.HouseholdQuery;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The total of a register search, as a user can trust it without a scan of every match per page
 * view: exact from the kept counts (V077) when only the scope and a status narrow the search; otherwise counted up to {@link #CAP} and shown as more than 1,000 beyond it.
 */
@Repository
class HouseholdTotals {

	static final int CAP = 1000;

	private final JdbcClient jdbc;

	HouseholdTotals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A count, and whether it is exact or a lower bound. */
	record Total(long count, boolean exact) {
	}

	Total of(Scope scope, HouseholdQuery q, HouseholdSearch.Criteria criteria) {
		if (q.countedByStatus()) {
			return new Total(kept(scope, q), true);
		}
		long n = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM registry_household h WHERE " + criteria.sql()
				+ " LIMIT :cap) x").params(criteria.params()).param("cap", CAP + 1).query(Long.class).single();
		return n > CAP ? new Total(CAP, false) : new Total(n, true);
	}

	/** The households of the scope, with a status when given, from the kept counts. */
	private long kept(Scope scope, HouseholdQuery q) {
		List<String> where = new ArrayList<>();
		Map<String, Object> p = new HashMap<>();
		where.add("TRUE");
		HouseholdSearch.inScope("c.organisation_id", scope, where, p);
		if (q.status() != null) {
			where.add("c.status = :status");
			p.put("status", q.status().name());
		}
		return jdbc.sql("SELECT coalesce(sum(c.households), 0) FROM registry_household_count c WHERE "
				+ String.join(" AND ", where)).params(p).query(Long.class).single();
	}

}
