package org.bangfu.identification.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bangfu.identification.rules.Fact;
import org.bangfu.shared.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The maintained facts table {@code identification_facts}: one narrow row per open (not closed)
 * household with every rule fact as of {@code computed_on}, valid until {@code valid_until}
 * (the next 18th or 60th birthday of a member). Written only here, always set-based with the
 * one definition of the facts ({@link FactsQuery}): a household, a list of ids (one import
 * chunk), an id range, or the rows past their validity. What-if and the batch read it instead
 * of aggregating registry_member on every run.
 */
@Component
public class FactsTable {

	static final String TABLE = "identification_facts";

	/** Rows recomputed per statement by {@link #refreshAll()}. */
	static final long CHUNK = 50_000;

	private static final String COLUMNS = java.util.Arrays.stream(Fact.values())
		.map(Fact::column)
		.collect(Collectors.joining(", "));

	private static final String UPDATES = java.util.Arrays.stream(Fact.values())
		.map(f -> f.column() + " = EXCLUDED." + f.column())
		.collect(Collectors.joining(", "));

	private final JdbcClient jdbc;

	private final BusinessClock clock;

	FactsTable(JdbcClient jdbc, BusinessClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Recomputes the rows of households matching the condition (over {@code h} and {@code o}) as
	 * of today: open households are upserted, closed ones removed. Returns the rows written.
	 */
	int refresh(String condition, Map<String, Object> params) {
		Map<String, Object> p = new HashMap<>(params);
		p.put("asOf", clock.today());
		jdbc.sql("DELETE FROM " + TABLE + " x WHERE x.household_id IN (SELECT h.id FROM registry_household h "
				+ "JOIN organisation o ON o.id = h.organisation_id WHERE h.status = 'CLOSED' AND " + condition + ")")
			.params(p)
			.update();
		return jdbc.sql("INSERT INTO " + TABLE + " (household_id, organisation_id, region_code, household_version, computed_on, "
				+ "valid_until, " + COLUMNS + ")\nSELECT q.household_id, q.organisation_id, q.region_code, q.household_version, "
				+ "CAST(:asOf AS date), q.valid_until, " + prefixed("q.") + "\nFROM ("
				+ FactsQuery.sqlWithValidity("h.status <> 'CLOSED' AND " + condition) + ") q\n"
				+ "ON CONFLICT (household_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, "
				+ "region_code = EXCLUDED.region_code, household_version = EXCLUDED.household_version, "
				+ "computed_on = EXCLUDED.computed_on, valid_until = EXCLUDED.valid_until, " + UPDATES)
			.params(p)
			.update();
	}

	/** Recomputes the rows of these households (one household, or one import chunk: one statement). */
	public int refresh(Collection<Long> householdIds) {
		if (householdIds.isEmpty()) {
			return 0;
		}
		return refresh("h.id = ANY (:ids)", Map.of("ids", householdIds.toArray(Long[]::new)));
	}

	/**
	 * Makes the rows right for today: rows past their validity (a member turned 18 or 60) or
	 * computed for a later day (a clock set back) are recomputed. Cheap when nothing is due.
	 */
	public int refreshDue() {
		List<Long> due = jdbc.sql("SELECT x.household_id FROM " + TABLE + " x WHERE x.valid_until <= :today OR x.computed_on > :today")
			.param("today", clock.today())
			.query(Long.class)
			.list();
		int n = 0;
		for (int i = 0; i < due.size(); i += 5_000) {
			n += refresh(due.subList(i, Math.min(due.size(), i + 5_000)));
		}
		return n;
	}

	/**
	 * Recomputes rows in the condition that are missing or out of date (household version or
	 * validity), and removes rows of closed households: the safety net for households written
	 * around the register's façade (bulk SQL loads). One set-based check over the whole
	 * condition (over {@code h} alone, so the planner sees how many households it selects and
	 * hash-joins; the batch calls it once, not per chunk), then only the rows found are rewritten.
	 */
	int refreshOutdated(String condition, Map<String, Object> params) {
		Map<String, Object> p = new HashMap<>(params);
		p.put("today", clock.today());
		jdbc.sql("DELETE FROM " + TABLE + " x USING registry_household h WHERE h.status = 'CLOSED' AND x.household_id = h.id")
			.update();
		List<Long> ids = jdbc.sql("SELECT h.id FROM registry_household h LEFT JOIN " + TABLE + " x ON x.household_id = h.id WHERE "
				+ condition
				+ " AND (x.household_id IS NULL OR x.household_version <> h.version OR x.computed_on > :today OR x.valid_until <= :today)")
			.params(p)
			.query(Long.class)
			.list();
		int n = 0;
		for (int i = 0; i < ids.size(); i += 5_000) {
			n += refresh(ids.subList(i, Math.min(ids.size(), i + 5_000)));
		}
		return n;
	}

	/** The facts rows of some organisations: how many, and the lowest and highest household id. */
	public record Rows(long count, long lo, long hi) {
	}

	/**
	 * Makes the rows of these organisations right for today before a batch reads them, and
	 * says what they are. Fast path: rows past their validity are recomputed, rows of closed
	 * households removed, then the open households' (count, Σ id, Σ version) is compared with
	 * their rows' — two parallel scans, no join. Every write through the register keeps them
	 * equal; when they differ (households written around the façade), the exact check runs:
	 * rows missing or older than the file are recomputed, and rows of households no longer open
	 * in these organisations removed.
	 */
	public Rows ensureFresh(Long[] organisations) {
		refreshDue();
		jdbc.sql("DELETE FROM " + TABLE + " x USING registry_household h WHERE h.status = 'CLOSED' AND x.household_id = h.id")
			.update();
		String households = "SELECT count(*) AS n, coalesce(sum(h.id), 0) AS ids, coalesce(sum(h.version), 0) AS versions "
				+ "FROM registry_household h WHERE h.organisation_id = ANY (CAST(:orgs AS bigint[])) AND h.status <> 'CLOSED'";
		String rows = "SELECT count(*) AS n, coalesce(sum(x.household_id), 0) AS ids, coalesce(sum(x.household_version), 0) AS versions, "
				+ "coalesce(min(x.household_id), 0) AS lo, coalesce(max(x.household_id), -1) AS hi "
				+ "FROM " + TABLE + " x WHERE x.organisation_id = ANY (CAST(:orgs AS bigint[]))";
		Map<String, Object> h = jdbc.sql(households).param("orgs", organisations).query().singleRow();
		Map<String, Object> x = jdbc.sql(rows).param("orgs", organisations).query().singleRow();
		if (!fingerprint(h).equals(fingerprint(x))) {
			refreshOutdated("h.organisation_id = ANY (CAST(:orgs AS bigint[])) AND h.status <> 'CLOSED'",
					Map.of("orgs", organisations));
			jdbc.sql("DELETE FROM " + TABLE + " x WHERE x.organisation_id = ANY (CAST(:orgs AS bigint[])) AND NOT EXISTS "
					+ "(SELECT 1 FROM registry_household h WHERE h.id = x.household_id "
					+ "AND h.organisation_id = x.organisation_id AND h.status <> 'CLOSED')")
				.param("orgs", organisations)
				.update();
			x = jdbc.sql(rows).param("orgs", organisations).query().singleRow();
		}
		return new Rows(((Number) x.get("n")).longValue(), ((Number) x.get("lo")).longValue(),
				((Number) x.get("hi")).longValue());
	}

	private static List<String> fingerprint(Map<String, Object> row) {
		return List.of(String.valueOf(row.get("n")), String.valueOf(row.get("ids")), String.valueOf(row.get("versions")));
	}

	/**
	 * Recomputes the whole table in id ranges (one statement each) and removes rows of closed or
	 * missing households: after loading households with SQL around the register's façade.
	 * Returns the number of open households.
	 */
	public long refreshAll() {
		Map<String, Object> bounds = jdbc.sql("SELECT coalesce(min(id), 0) AS lo, coalesce(max(id), -1) AS hi FROM registry_household")
			.query()
			.singleRow();
		long lo = ((Number) bounds.get("lo")).longValue();
		long hi = ((Number) bounds.get("hi")).longValue();
		long n = 0;
		for (long from = lo; from <= hi; from += CHUNK) {
			n += refresh("h.id BETWEEN :lo AND :hi", Map.of("lo", from, "hi", Math.min(hi, from + CHUNK - 1)));
		}
		jdbc.sql("DELETE FROM " + TABLE + " x WHERE NOT EXISTS (SELECT 1 FROM registry_household h WHERE h.id = x.household_id)")
			.update();
		return n;
	}

	/**
	 * The facts relation read from the table, like {@link FactsQuery#sql(String)} but only with
	 * the facts asked for: household_id, organisation_id, region_code, household_version and one
	 * column per fact (counts cast to numeric, as the live query gives them). The condition is
	 * over {@code x} (the table).
	 */
	static String relation(String condition, Set<Fact> facts) {
		return relation(TABLE + " x", condition, facts);
	}

	/** As {@link #relation(String, Set)} over a FROM clause that names the table {@code x}. */
	static String relation(String from, String condition, Set<Fact> facts) {
		StringBuilder sb = new StringBuilder("SELECT x.household_id, x.organisation_id, x.region_code, x.household_version");
		for (Fact f : Fact.values()) {
			if (facts.contains(f)) {
				sb.append(", ");
				if (f.unit() == Fact.Unit.COUNT) {
					sb.append("CAST(x.").append(f.column()).append(" AS numeric) AS ").append(f.column());
				}
				else {
					sb.append("x.").append(f.column());
				}
			}
		}
		return sb.append(" FROM ").append(from).append(" WHERE ").append(condition).toString();
	}

	/** The ids of the organisations a condition over {@code o} selects (resolved before a big read). */
	List<Long> organisations(String condition, Map<String, Object> params) {
		return jdbc.sql("SELECT o.id FROM organisation o WHERE " + condition).params(params).query(Long.class).list();
	}

	private static String prefixed(String alias) {
		return java.util.Arrays.stream(Fact.values()).map(f -> alias + f.column()).collect(Collectors.joining(", "));
	}

}
