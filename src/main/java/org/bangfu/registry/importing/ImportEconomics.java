package org.bangfu.registry.importing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the optional economics columns of imported households, set-based (two statements per
 * table for a whole chunk). A figure of the file replaces what is recorded for the same member,
 * kind and year (yearly income: the yearly item and any monthly items of that year) or the same
 * household, kind and year (spending) — unless it is already the same, then nothing changes.
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
		List<String> refs = new ArrayList<>();
		List<String> memberHashes = new ArrayList<>();
		List<String> kinds = new ArrayList<>();
		List<Integer> years = new ArrayList<>();
		List<BigDecimal> amounts = new ArrayList<>();
		List<String> sRefs = new ArrayList<>();
		List<String> sKinds = new ArrayList<>();
		List<Integer> sYears = new ArrayList<>();
		List<BigDecimal> sAmounts = new ArrayList<>();
		for (Candidate c : written) {
			for (Candidate.Member m : c.members) {
				m.yearly().forEach((kind, amount) -> {
					refs.add(c.household.fileNo());
					memberHashes.add(hashes.get(m));
					kinds.add(kind.name());
					years.add(c.incomeYear);
					amounts.add(amount);
				});
			}
			c.spending.forEach((kind, amount) -> {
				sRefs.add(c.household.fileNo());
				sKinds.add(kind.name());
				sYears.add(c.spendingYear);
				sAmounts.add(amount);
			});
		}
		Set<Long> changed = new LinkedHashSet<>();
		if (!refs.isEmpty()) {
			String t = """
					SELECT m.household_id, m.id AS member_id, v.kind, make_date(v.year, 1, 1) AS start, v.amount
					FROM unnest(CAST(:refs AS text[]), CAST(:hashes AS text[]), CAST(:kinds AS text[]), CAST(:years AS int[]),
					            CAST(:amounts AS numeric[])) AS v(ref, hash, kind, year, amount)
					JOIN registry_household h ON h.organisation_id = :org AND h.file_no = v.ref
					JOIN registry_member m ON m.household_id = h.id AND m.active AND m.id_number_hash = v.hash""";
			String same = "EXISTS (SELECT 1 FROM registry_income_item y WHERE y.member_id = t.member_id AND y.kind = t.kind "
					+ "AND y.period = 'YEAR' AND y.period_start = t.start AND y.retired_at IS NULL AND y.amount = t.amount)";
			changed.addAll(jdbc.sql("UPDATE registry_income_item x SET retired_at = :at, retired_by = :login FROM (" + t + ") t "
					+ "WHERE x.member_id = t.member_id AND x.kind = t.kind AND x.retired_at IS NULL "
					+ "AND CAST(date_trunc('year', x.period_start) AS date) = t.start AND NOT " + same + " RETURNING x.household_id")
				.params(params(organisationId, login, at, refs, kinds, years, amounts))
				.param("hashes", memberHashes.toArray(String[]::new))
				.query(Long.class)
				.list());
			changed.addAll(jdbc.sql("INSERT INTO registry_income_item (household_id, member_id, kind, period, period_start, amount, "
					+ "source, recorded_at, recorded_by) SELECT t.household_id, t.member_id, t.kind, 'YEAR', t.start, t.amount, "
					+ "'IMPORT', :at, :login FROM (" + t + ") t WHERE NOT " + same + " RETURNING household_id")
				.params(params(organisationId, login, at, refs, kinds, years, amounts))
				.param("hashes", memberHashes.toArray(String[]::new))
				.query(Long.class)
				.list());
		}
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

	private static Map<String, Object> params(long org, String login, Instant at, List<String> refs, List<String> kinds,
			List<Integer> years, List<BigDecimal> amounts) {
		return Map.of("org", org, "login", login, "at", Timestamp.from(at), "refs", refs.toArray(String[]::new), "kinds",
				kinds.toArray(String[]::new), "years", years.toArray(Integer[]::new), "amounts", amounts.toArray(BigDecimal[]::new));
	}

}
