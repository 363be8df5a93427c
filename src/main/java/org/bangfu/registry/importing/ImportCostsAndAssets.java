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

import org.bangfu.registry.economics.EconomicsVocabulary.AssetKind;
import org.bangfu.registry.economics.EconomicsVocabulary.VehicleKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the sudden cost and the asset figures of imported households, set-based (two
 * statements per table for a whole chunk). A sudden cost of the file replaces what is recorded
 * for the same household, kind and date unless it is already the same (amount and covered
 * summed). An asset figure replaces what is recorded of its kind unless it is already the same:
 * the vehicles' value and the luxury purchases' amount as a sum, homes beyond the one lived in
 * and registered businesses as a count (one record each); 0 ends them. Replaced records are
 * retired, not deleted (the as-of view keeps them); an empty cell changes nothing.
 */
@Component
class ImportCostsAndAssets {

	private final JdbcClient jdbc;

	ImportCostsAndAssets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the figures of the written households; returns the ids of households whose records changed. */
	Set<Long> write(long organisationId, Collection<Candidate> written, String login, Instant at) {
		Set<Long> changed = new LinkedHashSet<>();
		changed.addAll(suddenCosts(organisationId, written, login, at));
		changed.addAll(assets(organisationId, written, login, at));
		return changed;
	}

	private List<Long> suddenCosts(long organisationId, Collection<Candidate> written, String login, Instant at) {
		List<Candidate> with = written.stream().filter(c -> c.suddenCost != null).toList();
		if (with.isEmpty()) {
			return List.of();
		}
		Columns v = new Columns(with.size());
		for (int i = 0; i < with.size(); i++) {
			EconomicsColumnsPolicy.SuddenCost s = with.get(i).suddenCost;
			v.set("ref", i, with.get(i).household.fileNo()).set("kind", i, s.kind().name()).set("on_date", i, s.on())
				.set("amount", i, s.amount()).set("covered", i, s.covered());
		}
		String t = "SELECT h.id AS household_id, v.kind, CAST(v.on_date AS date) AS on_date, CAST(v.amount AS numeric) AS amount, "
				+ "CAST(v.covered AS numeric) AS covered FROM " + v.from()
				+ " JOIN registry_household h ON h.organisation_id = :org AND h.file_no = v.ref";
		String key = "y.household_id = t.household_id AND y.kind = t.kind AND y.occurred_on = t.on_date AND y.retired_at IS NULL";
		List<Long> changed = new ArrayList<>(jdbc.sql("UPDATE registry_sudden_cost x SET retired_at = :at, retired_by = :login FROM ("
				+ t + ") t WHERE x.household_id = t.household_id AND x.kind = t.kind AND x.occurred_on = t.on_date "
				+ "AND x.retired_at IS NULL AND (SELECT row(sum(y.amount), sum(y.covered)) FROM registry_sudden_cost y WHERE "
				+ key + ") IS DISTINCT FROM row(t.amount, t.covered) RETURNING x.household_id")
			.params(params(v, organisationId, login, at))
			.query(Long.class)
			.list());
		changed.addAll(jdbc.sql("INSERT INTO registry_sudden_cost (household_id, kind, occurred_on, amount, covered, recorded_at, "
				+ "recorded_by) SELECT t.household_id, t.kind, t.on_date, t.amount, t.covered, :at, :login FROM (" + t
				+ ") t WHERE NOT EXISTS (SELECT 1 FROM registry_sudden_cost y WHERE " + key + ") RETURNING household_id")
			.params(params(v, organisationId, login, at))
			.query(Long.class)
			.list());
		return changed;
	}

	private List<Long> assets(long organisationId, Collection<Candidate> written, String login, Instant at) {
		record Figure(Candidate c, AssetKind kind, BigDecimal value, int count) {
		}
		List<Figure> figures = new ArrayList<>();
		for (Candidate c : written) {
			EconomicsColumnsPolicy.Assets a = c.assets;
			if (a == null) {
				continue;
			}
			if (a.vehicleValue() != null) {
				figures.add(new Figure(c, AssetKind.VEHICLE, a.vehicleValue(), a.vehicleValue().signum() > 0 ? 1 : 0));
			}
			if (a.extraHomes() != null) {
				figures.add(new Figure(c, AssetKind.EXTRA_HOME, null, a.extraHomes()));
			}
			if (a.businesses() != null) {
				figures.add(new Figure(c, AssetKind.BUSINESS, null, a.businesses()));
			}
			if (a.luxury() != null) {
				figures.add(new Figure(c, AssetKind.LUXURY_PURCHASE, a.luxury(), a.luxury().signum() > 0 ? 1 : 0));
			}
		}
		if (figures.isEmpty()) {
			return List.of();
		}
		Columns v = new Columns(figures.size());
		for (int i = 0; i < figures.size(); i++) {
			Figure f = figures.get(i);
			VehicleKind vk = f.c().assets.vehicleKind();
			v.set("ref", i, f.c().household.fileNo()).set("kind", i, f.kind().name()).set("value", i, f.value())
				.set("n", i, f.count()).set("as_of", i, f.c().assets.asOf())
				.set("vehicle_kind", i, f.kind() == AssetKind.VEHICLE ? (vk == null ? VehicleKind.OTHER : vk).name() : null);
		}
		String t = "SELECT h.id AS household_id, v.kind, CAST(v.value AS numeric) AS value, CAST(v.n AS integer) AS n, "
				+ "CAST(v.as_of AS date) AS as_of, v.vehicle_kind FROM " + v.from()
				+ " JOIN registry_household h ON h.organisation_id = :org AND h.file_no = v.ref";
		String key = "y.household_id = t.household_id AND y.kind = t.kind AND y.retired_at IS NULL";
		String same = "(CASE WHEN t.value IS NOT NULL THEN (SELECT coalesce(sum(y.value), 0) FROM registry_asset y WHERE " + key
				+ ") = t.value ELSE (SELECT count(*) FROM registry_asset y WHERE " + key + ") = t.n END)";
		List<Long> changed = new ArrayList<>(jdbc.sql("UPDATE registry_asset x SET retired_at = :at, retired_by = :login FROM (" + t
				+ ") t WHERE x.household_id = t.household_id AND x.kind = t.kind AND x.retired_at IS NULL AND NOT " + same
				+ " RETURNING x.household_id")
			.params(params(v, organisationId, login, at))
			.query(Long.class)
			.list());
		changed.addAll(jdbc.sql("INSERT INTO registry_asset (household_id, kind, vehicle_kind, value, as_of, recorded_at, recorded_by) "
				+ "SELECT t.household_id, t.kind, t.vehicle_kind, t.value, t.as_of, :at, :login FROM (" + t
				+ ") t CROSS JOIN generate_series(1, t.n) WHERE NOT EXISTS (SELECT 1 FROM registry_asset y WHERE " + key
				+ ") RETURNING household_id")
			.params(params(v, organisationId, login, at))
			.query(Long.class)
			.list());
		return changed;
	}

	private static Map<String, Object> params(Columns v, long organisationId, String login, Instant at) {
		Map<String, Object> p = v.params();
		p.put("org", organisationId);
		p.put("login", login);
		p.put("at", Timestamp.from(at));
		return p;
	}

}
