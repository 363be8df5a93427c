package org.bangfu.registry.importing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the optional income and spending columns of imported households, set-based (two
 * statements per table for a whole chunk). A figure of the file replaces what is recorded for the
 * same member, kind and year (yearly income: the yearly item and any monthly items of that year),
 * member, kind and month (monthly income) or household, kind and year (spending) — unless it is
 * already the same, then nothing changes.
 * Replaced records are retired, not deleted (the as-of view keeps them); new ones have the source
 * IMPORT. An empty cell changes nothing.
 */
@Component
class ImportEconomics {

	private final JdbcClient jdbc;

	ImportEconomics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the figures of the written households; returns the ids of households whose records changed. */
	Set<Long> write(long organisationId, Collection<Candidate> written, Map<Candidate.Member, String> hashes, String login,
			Instant at) {
		Income yearly = new Income();
		Income monthly = new Income();
		List<String> sRefs = new ArrayList<>();
		List<String> sKinds = new ArrayList<>();
		List<Integer> sYears = new ArrayList<>();
		List<BigDecimal> sAmounts = new ArrayList<>();
		for (Candidate c : written) {
			for (Candidate.Member m : c.members) {
				m.yearly().forEach((kind, amount) -> yearly.add(c.household.fileNo(), hashes.get(m), kind.name(),
						LocalDate.of(c.incomeYear, 1, 1), amount));
				m.monthly().forEach((kind, amount) -> monthly.add(c.household.fileNo(), hashes.get(m), kind.name(),
						c.incomeMonth.atDay(1), amount));
			}
			c.spending.forEach((kind, amount) -> {
				sRefs.add(c.household.fileNo());
				sKinds.add(kind.name());
				sYears.add(c.spendingYear);
				sAmounts.add(amount);
			});
		}
		Set<Long> changed = new LinkedHashSet<>();
		// a yearly figure replaces the yearly item of its year and any monthly items of that year
		changed.addAll(income(organisationId, login, at, yearly, "YEAR", "CAST(date_trunc('year', x.period_start) AS date) = t.start"));
		// a monthly figure replaces the monthly item of its month
		changed.addAll(income(organisationId, login, at, monthly, "MONTH", "x.period = 'MONTH' AND x.period_start = t.start"));
		if (!sRefs.isEmpty()) {
			String t = """
					SELECT h.id AS household_id, v.kind, v.year, v.amount
					FROM unnest(CAST(:refs AS text[]), CAST(:kinds AS text[]), CAST(:years AS int[]), CAST(:amounts AS numeric[]))
					     AS v(ref, kind, year, amount)
					JOIN registry_household h ON h.organisation_id = :org AND h.file_no = v.ref""";
			String recorded = "(SELECT sum(y.amount) FROM registry_spending y WHERE y.household_id = t.household_id AND y.kind = t.kind "
					+ "AND y.year = t.year AND y.retired_at IS NULL)";
			changed.addAll(jdbc.sql("UPDATE registry_spending x SET retired_at = :at, retired_by = :login FROM (" + t + ") t "
					+ "WHERE x.household_id = t.household_id AND x.kind = t.kind AND x.year = t.year AND x.retired_at IS NULL "
					+ "AND " + recorded + " <> t.amount RETURNING x.household_id")
				.params(params(organisationId, login, at, sRefs, sKinds, sYears, sAmounts))
				.query(Long.class)
				.list());
			changed.addAll(jdbc.sql("INSERT INTO registry_spending (household_id, kind, year, amount, recorded_at, recorded_by) "
					+ "SELECT t.household_id, t.kind, t.year, t.amount, :at, :login FROM (" + t + ") t WHERE " + recorded
					+ " IS NULL RETURNING household_id")
				.params(params(organisationId, login, at, sRefs, sKinds, sYears, sAmounts))
				.query(Long.class)
				.list());
		}
		return changed;
	}

	/**
	 * The members' monthly figures that fall in a year already recorded as a yearly figure of the
	 * same kind (not replaced by the file): they would count twice, so the household is rejected,
	 * naming the member's row and column. One query for the chunk.
	 */
	Map<Candidate, RowProblem> overlaps(long organisationId, Collection<Candidate> candidates, Map<Candidate.Member, String> hashes) {
		Income monthly = new Income();
		Map<String, Candidate> byRef = new java.util.HashMap<>();
		Map<String, Candidate.Member> byHash = new java.util.HashMap<>();
		for (Candidate c : candidates) {
			for (Candidate.Member m : c.members) {
				m.monthly().forEach((kind, amount) -> {
					if (!(c.incomeYear == c.incomeMonth.getYear() && m.yearly().containsKey(kind))) {
						monthly.add(c.household.fileNo(), hashes.get(m), kind.name(), c.incomeMonth.atDay(1), amount);
						byRef.put(c.household.fileNo(), c);
						byHash.put(hashes.get(m), m);
					}
				});
			}
		}
		Map<Candidate, RowProblem> found = new java.util.LinkedHashMap<>();
		if (monthly.refs.isEmpty()) {
			return found;
		}
		jdbc.sql("SELECT t.ref, t.hash, t.kind, extract(year FROM t.start) AS year FROM (" + Income.SOURCE + ") t WHERE EXISTS "
				+ "(SELECT 1 FROM registry_income_item y WHERE y.member_id = t.member_id AND y.kind = t.kind AND y.period = 'YEAR' "
				+ "AND y.period_start = CAST(date_trunc('year', t.start) AS date) AND y.retired_at IS NULL)")
			.params(monthly.params(organisationId, null, null))
			.query(rs -> {
				Candidate c = byRef.get(rs.getString(1));
				Candidate.Member m = byHash.get(rs.getString(2));
				String kind = rs.getString(3);
				org.bangfu.registry.TemplateColumn column = EconomicsColumnsPolicy.MONTHLY.entrySet().stream()
					.filter(e -> e.getValue().name().equals(kind)).findFirst().orElseThrow().getKey();
				found.putIfAbsent(c, RowProblem.of(m.row(), column, "imports.economics.yearRecorded", column.header(),
						c.incomeMonth.toString(), Integer.toString(rs.getInt(4))));
			});
		return found;
	}

	private List<Long> income(long organisationId, String login, Instant at, Income items, String period, String replaced) {
		if (items.refs.isEmpty()) {
			return List.of();
		}
		String same = "EXISTS (SELECT 1 FROM registry_income_item y WHERE y.member_id = t.member_id AND y.kind = t.kind "
				+ "AND y.period = '" + period + "' AND y.period_start = t.start AND y.retired_at IS NULL AND y.amount = t.amount)";
		List<Long> changed = new ArrayList<>(jdbc.sql("UPDATE registry_income_item x SET retired_at = :at, retired_by = :login FROM ("
				+ Income.SOURCE + ") t WHERE x.member_id = t.member_id AND x.kind = t.kind AND x.retired_at IS NULL AND " + replaced
				+ " AND NOT " + same + " RETURNING x.household_id")
			.params(items.params(organisationId, login, at))
			.query(Long.class)
			.list());
		changed.addAll(jdbc.sql("INSERT INTO registry_income_item (household_id, member_id, kind, period, period_start, amount, "
				+ "source, recorded_at, recorded_by) SELECT t.household_id, t.member_id, t.kind, '" + period + "', t.start, t.amount, "
				+ "'IMPORT', :at, :login FROM (" + Income.SOURCE + ") t WHERE NOT " + same + " RETURNING household_id")
			.params(items.params(organisationId, login, at))
			.query(Long.class)
			.list());
		return changed;
	}

	/** Income figures of members, column-wise: the file's 户编号, the member's ID number hash, kind, period start, amount. */
	private static final class Income {

		static final String SOURCE = """
				SELECT v.ref, v.hash, m.household_id, m.id AS member_id, v.kind, v.start, v.amount
				FROM unnest(CAST(:refs AS text[]), CAST(:hashes AS text[]), CAST(:kinds AS text[]), CAST(:starts AS date[]),
				            CAST(:amounts AS numeric[])) AS v(ref, hash, kind, start, amount)
				JOIN registry_household h ON h.organisation_id = :org AND h.file_no = v.ref
				JOIN registry_member m ON m.household_id = h.id AND m.active AND m.id_number_hash = v.hash""";

		final List<String> refs = new ArrayList<>();

		final List<String> hashes = new ArrayList<>();

		final List<String> kinds = new ArrayList<>();

		final List<java.sql.Date> starts = new ArrayList<>();

		final List<BigDecimal> amounts = new ArrayList<>();

		void add(String ref, String hash, String kind, LocalDate start, BigDecimal amount) {
			refs.add(ref);
			hashes.add(hash);
			kinds.add(kind);
			starts.add(java.sql.Date.valueOf(start));
			amounts.add(amount);
		}

		Map<String, Object> params(long org, String login, Instant at) {
			Map<String, Object> p = new java.util.HashMap<>();
			p.put("org", org);
			p.put("login", login);
			p.put("at", at == null ? null : Timestamp.from(at));
			p.put("refs", refs.toArray(String[]::new));
			p.put("hashes", hashes.toArray(String[]::new));
			p.put("kinds", kinds.toArray(String[]::new));
			p.put("starts", starts.toArray(java.sql.Date[]::new));
			p.put("amounts", amounts.toArray(BigDecimal[]::new));
			return p;
		}

	}

	private static Map<String, Object> params(long org, String login, Instant at, List<String> refs, List<String> kinds,
			List<Integer> years, List<BigDecimal> amounts) {
		return Map.of("org", org, "login", login, "at", Timestamp.from(at), "refs", refs.toArray(String[]::new), "kinds",
				kinds.toArray(String[]::new), "years", years.toArray(Integer[]::new), "amounts", amounts.toArray(BigDecimal[]::new));
	}

}
