package org.bangfu.registry.economics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.registry.economics.EconomicsCommands.RecordAsset;
import org.bangfu.registry.economics.EconomicsCommands.RecordIncome;
import org.bangfu.registry.economics.EconomicsCommands.RecordSpending;
import org.bangfu.registry.economics.EconomicsCommands.RecordSuddenCost;
import org.bangfu.registry.economics.EconomicsVocabulary.Area;
import org.bangfu.registry.economics.EconomicsVocabulary.Source;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes economics rows. Rows are never updated in place nor deleted: a correction retires the
 * old row and inserts the new one (replaces = old id), a deletion retires it.
 */
@Repository
public class EconomicsWrites {

	private static final String[] LEGACY = { "WAGE:income_wage", "BUSINESS:income_business", "PROPERTY:income_property",
			"TRANSFER:income_transfer", "PENSION:income_pension" };

	private final JdbcClient jdbc;

	EconomicsWrites(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long income(long householdId, RecordIncome c, LocalDate start, Long replaces, String login, Instant at) {
		return jdbc.sql("""
				INSERT INTO registry_income_item (household_id, member_id, kind, period, period_start, amount, source, note,
				                                  replaces, recorded_at, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(householdId, c.memberId(), c.kind().name(), c.period().name(), Date.valueOf(start), c.amount(),
					(c.source() == null ? Source.FORM : c.source()).name(), blank(c.note()), replaces, Timestamp.from(at), login)
			.query(Long.class)
			.single();
	}

	public long spending(long householdId, RecordSpending c, Long replaces, String login, Instant at) {
		return jdbc.sql("""
				INSERT INTO registry_spending (household_id, kind, year, amount, note, evidence, replaces, recorded_at, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(householdId, c.kind().name(), c.year(), c.amount(), blank(c.note()), blank(c.evidence()), replaces,
					Timestamp.from(at), login)
			.query(Long.class)
			.single();
	}

	public long suddenCost(long householdId, RecordSuddenCost c, Long replaces, String login, Instant at) {
		return jdbc.sql("""
				INSERT INTO registry_sudden_cost (household_id, kind, occurred_on, amount, covered, note, replaces, recorded_at, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(householdId, c.kind().name(), Date.valueOf(c.occurredOn()), c.amount(),
					c.covered() == null ? java.math.BigDecimal.ZERO : c.covered(), blank(c.note()), replaces,
					Timestamp.from(at), login)
			.query(Long.class)
			.single();
	}

	public long asset(long householdId, RecordAsset c, Long replaces, String login, Instant at) {
		return jdbc.sql("""
				INSERT INTO registry_asset (household_id, kind, vehicle_kind, value, as_of, description, replaces, recorded_at, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(householdId, c.kind().name(), c.vehicleKind() == null ? null : c.vehicleKind().name(), c.value(),
					Date.valueOf(c.asOf()), blank(c.description()), replaces, Timestamp.from(at), login)
			.query(Long.class)
			.single();
	}

	/** Retires a current row of the household; false when there is none with that id. */
	public boolean retire(Area area, long householdId, long id, String login, Instant at) {
		return jdbc.sql("UPDATE " + area.table() + " SET retired_at = ?, retired_by = ? WHERE id = ? AND household_id = ? AND retired_at IS NULL")
			.params(Timestamp.from(at), login, id, householdId)
			.update() == 1;
	}

	/**
	 * Mirrors the members' current monthly figures (the five income columns of the member form,
	 * the API and the import) as monthly items of the month, for the households, set-based: a
	 * mirrored item that no longer matches its column is retired and the column's figure, when
	 * above 0, recorded with the source (mirrored). An item recorded on its own for that month
	 * or its year (economics page, API, visit, investigation, cross-check) is left as it is and
	 * wins over the declared figure.
	 */
	public void mirrorDeclared(List<Long> householdIds, LocalDate month, Source source, String login, Instant at) {
		if (householdIds.isEmpty()) {
			return;
		}
		StringBuilder values = new StringBuilder();
		for (String l : LEGACY) {
			String[] kc = l.split(":");
			values.append(values.isEmpty() ? "" : ", ").append("('").append(kc[0]).append("', m.").append(kc[1]).append(")");
		}
		String declared = "SELECT m.household_id, m.id AS member_id, v.kind, v.amount FROM registry_member m "
				+ "CROSS JOIN LATERAL (VALUES " + values + ") AS v(kind, amount) "
				+ "WHERE m.active AND m.household_id = ANY (CAST(:ids AS bigint[]))";
		jdbc.sql("""
				UPDATE registry_income_item x SET retired_at = :at, retired_by = :login
				FROM (%s) d
				WHERE x.member_id = d.member_id AND x.kind = d.kind AND x.period = 'MONTH' AND x.period_start = :month
				  AND x.retired_at IS NULL AND x.mirrored AND x.amount <> d.amount""".formatted(declared))
			.param("ids", householdIds.toArray(Long[]::new))
			.param("at", Timestamp.from(at))
			.param("login", login)
			.param("month", Date.valueOf(month))
			.update();
		jdbc.sql("""
				INSERT INTO registry_income_item (household_id, member_id, kind, period, period_start, amount, source, mirrored, recorded_at, recorded_by)
				SELECT d.household_id, d.member_id, d.kind, 'MONTH', :month, d.amount, :source, TRUE, :at, :login
				FROM (%s) d
				WHERE d.amount > 0 AND NOT EXISTS (SELECT 1 FROM registry_income_item x WHERE x.member_id = d.member_id
				      AND x.kind = d.kind AND x.retired_at IS NULL AND (x.period = 'MONTH' AND x.period_start = :month
				          OR x.period = 'YEAR' AND x.period_start = CAST(date_trunc('year', CAST(:month AS date)) AS date)))""".formatted(declared))
			.param("ids", householdIds.toArray(Long[]::new))
			.param("at", Timestamp.from(at))
			.param("login", login)
			.param("month", Date.valueOf(month))
			.param("source", source.name())
			.update();
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
