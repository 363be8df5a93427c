package org.bangfu.registry.economics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.bangfu.registry.economics.EconomicsViews.AssetView;
import org.bangfu.registry.economics.EconomicsViews.IncomeItemView;
import org.bangfu.registry.economics.EconomicsViews.Records;
import org.bangfu.registry.economics.EconomicsViews.SpendingView;
import org.bangfu.registry.economics.EconomicsViews.SuddenCostView;
import org.bangfu.registry.economics.EconomicsVocabulary.AssetKind;
import org.bangfu.registry.economics.EconomicsVocabulary.IncomeKind;
import org.bangfu.registry.economics.EconomicsVocabulary.Period;
import org.bangfu.registry.economics.EconomicsVocabulary.Source;
import org.bangfu.registry.economics.EconomicsVocabulary.SpendingKind;
import org.bangfu.registry.economics.EconomicsVocabulary.SuddenCostKind;
import org.bangfu.registry.economics.EconomicsVocabulary.VehicleKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a household's economics records: the current rows (not retired), or the rows as they
 * stood at an instant (recorded before it, not retired by then). Callers check scope first.
 */
@Repository
public class EconomicsStore {

	/** Rows in force at :at (or now when :at is null). The same rule the facts' SQL uses for a date. */
	public static final String IN_FORCE = "(CAST(:at AS timestamptz) IS NULL AND x.retired_at IS NULL OR "
			+ "x.recorded_at < CAST(:at AS timestamptz) AND (x.retired_at IS NULL OR x.retired_at >= CAST(:at AS timestamptz)))";

	private final JdbcClient jdbc;

	EconomicsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Everything in force for the household now (at null) or at the instant. */
	public Records records(long householdId, Instant at) {
		return new Records(income(householdId, at), spending(householdId, at), suddenCosts(householdId, at),
				assets(householdId, at));
	}

	public List<IncomeItemView> income(long householdId, Instant at) {
		return jdbc.sql("""
				SELECT x.*, m.name AS member_name FROM registry_income_item x JOIN registry_member m ON m.id = x.member_id
				WHERE x.household_id = :id AND %s ORDER BY x.period_start DESC, x.period, m.id, x.kind, x.id""".formatted(IN_FORCE))
			.param("id", householdId)
			.param("at", ts(at))
			.query((rs, n) -> income(rs))
			.list();
	}

	public List<SpendingView> spending(long householdId, Instant at) {
		return jdbc.sql("SELECT x.* FROM registry_spending x WHERE x.household_id = :id AND " + IN_FORCE
				+ " ORDER BY x.year DESC, x.kind, x.id")
			.param("id", householdId)
			.param("at", ts(at))
			.query((rs, n) -> new SpendingView(rs.getLong("id"), rs.getLong("household_id"),
					SpendingKind.valueOf(rs.getString("kind")), rs.getInt("year"), rs.getBigDecimal("amount"),
					rs.getString("note"), rs.getString("evidence"), instant(rs, "recorded_at"), rs.getString("recorded_by")))
			.list();
	}

	public List<SuddenCostView> suddenCosts(long householdId, Instant at) {
		return jdbc.sql("SELECT x.* FROM registry_sudden_cost x WHERE x.household_id = :id AND " + IN_FORCE
				+ " ORDER BY x.occurred_on DESC, x.id")
			.param("id", householdId)
			.param("at", ts(at))
			.query((rs, n) -> new SuddenCostView(rs.getLong("id"), rs.getLong("household_id"),
					SuddenCostKind.valueOf(rs.getString("kind")), rs.getDate("occurred_on").toLocalDate(),
					rs.getBigDecimal("amount"), rs.getBigDecimal("covered"), rs.getString("note"),
					instant(rs, "recorded_at"), rs.getString("recorded_by")))
			.list();
	}

	public List<AssetView> assets(long householdId, Instant at) {
		return jdbc.sql("SELECT x.* FROM registry_asset x WHERE x.household_id = :id AND " + IN_FORCE
				+ " ORDER BY x.kind, x.as_of DESC, x.id")
			.param("id", householdId)
			.param("at", ts(at))
			.query((rs, n) -> {
				String vk = rs.getString("vehicle_kind");
				return new AssetView(rs.getLong("id"), rs.getLong("household_id"), AssetKind.valueOf(rs.getString("kind")),
						vk == null ? null : VehicleKind.valueOf(vk), rs.getBigDecimal("value"),
						rs.getDate("as_of").toLocalDate(), rs.getString("description"), instant(rs, "recorded_at"),
						rs.getString("recorded_by"));
			})
			.list();
	}

	private static IncomeItemView income(ResultSet rs) throws SQLException {
		return new IncomeItemView(rs.getLong("id"), rs.getLong("household_id"), rs.getLong("member_id"),
				rs.getString("member_name"), IncomeKind.valueOf(rs.getString("kind")), Period.valueOf(rs.getString("period")),
				rs.getDate("period_start").toLocalDate(), rs.getBigDecimal("amount"), Source.valueOf(rs.getString("source")),
				rs.getString("note"), instant(rs, "recorded_at"), rs.getString("recorded_by"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

}
