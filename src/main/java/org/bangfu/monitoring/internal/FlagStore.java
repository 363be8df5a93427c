package org.bangfu.monitoring.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bangfu.monitoring.FlagView;
import org.bangfu.monitoring.LeadSource;
import org.bangfu.monitoring.MonitoredKind;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Monitoring flags: written set-based by a run or one by one from a lead, listed per scope with their measures counted. */
@Component
public class FlagStore {

	/** Which list: every open flag, open flags past their deadline without a measure, ready to leave, or those that left. */
	public enum Filter {
		FLAGGED, OVERDUE, READY, LEFT
	}

	/** A household as the lists need it (scope checked). */
	public record Household(long id, long organisationId, String regionCode, String status) {
	}

	/** A flag to write from a run. */
	public record NewFlag(long householdId, long organisationId, String regionCode, MonitoredKind kind, LocalDate due) {
	}

	private static final String SELECT = """
			SELECT f.*, h.file_no, o.name AS organisation_name,
			       (SELECT m.name FROM registry_member m WHERE m.household_id = h.id AND m.active
			         ORDER BY (m.relation = 'HEAD') DESC, m.id LIMIT 1) AS head_name,
			       (SELECT count(*) FROM monitoring_measure x WHERE x.flag_id = f.id) AS measures,
			       (SELECT count(*) FROM monitoring_measure x WHERE x.flag_id = f.id AND x.carried_out) AS carried_out
			FROM monitoring_flag f JOIN registry_household h ON h.id = f.household_id
			JOIN organisation o ON o.id = f.organisation_id
			WHERE\s""" + Scope.sql("o.path");

	private final JdbcClient jdbc;

	FlagStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Household> household(Scope scope, long id) {
		return jdbc.sql("SELECT h.id, h.organisation_id, h.region_code, h.status FROM registry_household h "
				+ "JOIN organisation o ON o.id = h.organisation_id WHERE h.id = :id AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> new Household(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	/** The households named, with their organisation and status (one statement). */
	public List<Household> households(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, organisation_id, region_code, status FROM registry_household WHERE id = ANY(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.query((rs, n) -> new Household(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** Writes the flags of a run in one statement; a household already monitored keeps its open flag. Returns how many were new. */
	public int insertAll(List<NewFlag> flags, LocalDate today, String login) {
		if (flags.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				INSERT INTO monitoring_flag (household_id, organisation_id, region_code, kind, source, flagged_on, measure_due,
				    created_by)
				SELECT r.h, r.org, r.region, r.kind, 'RULES', :today, CAST(r.due AS date), :login
				FROM unnest(CAST(:hs AS bigint[]), CAST(:orgs AS bigint[]), CAST(:regions AS text[]), CAST(:kinds AS text[]),
				            CAST(:dues AS text[])) AS r(h, org, region, kind, due)
				ON CONFLICT (household_id) WHERE status = 'OPEN' DO NOTHING""")
			.param("hs", flags.stream().map(NewFlag::householdId).toArray(Long[]::new))
			.param("orgs", flags.stream().map(NewFlag::organisationId).toArray(Long[]::new))
			.param("regions", flags.stream().map(NewFlag::regionCode).toArray(String[]::new))
			.param("kinds", flags.stream().map(f -> f.kind().name()).toArray(String[]::new))
			.param("dues", flags.stream().map(f -> f.due().toString()).toArray(String[]::new))
			.param("today", today)
			.param("login", login)
			.update();
	}

	public long insert(Household h, MonitoredKind kind, LeadSource source, String note, LocalDate today, LocalDate due,
			String login) {
		return jdbc.sql("""
				INSERT INTO monitoring_flag (household_id, organisation_id, region_code, kind, source, note, flagged_on,
				    measure_due, created_by)
				VALUES (:h, :org, :region, :kind, :source, :note, :today, :due, :login) RETURNING id""")
			.param("h", h.id())
			.param("org", h.organisationId())
			.param("region", h.regionCode())
			.param("kind", kind.name())
			.param("source", source.name())
			.param("note", note)
			.param("today", today)
			.param("due", due)
			.param("login", login)
			.query(Long.class)
			.single();
	}

	/** After a run: open flags of the scope are stable exactly when their household's outcome was stable. */
	public int markStable(Scope scope, Collection<Long> stableHouseholds, LocalDate today) {
		return jdbc.sql("""
				UPDATE monitoring_flag f SET stable = f.household_id = ANY(:stable), stable_checked_on = :today
				FROM organisation o WHERE o.id = f.organisation_id AND f.status = 'OPEN' AND\s""" + Scope.sql("o.path"))
			.param("stable", stableHouseholds.toArray(Long[]::new))
			.param("today", today)
			.param("scopePath", scope.likePattern())
			.update();
	}

	public void setStable(long flagId, boolean stable, LocalDate today) {
		jdbc.sql("UPDATE monitoring_flag SET stable = ?, stable_checked_on = ? WHERE id = ?").params(stable, today, flagId).update();
	}

	public void proposeLeave(long flagId, String login, LocalDate today, String note) {
		jdbc.sql("UPDATE monitoring_flag SET leave_proposed_by = ?, leave_proposed_on = ?, leave_note = ? WHERE id = ?")
			.params(login, today, note, flagId)
			.update();
	}

	public void leave(long flagId, String login, LocalDate today) {
		jdbc.sql("UPDATE monitoring_flag SET status = 'LEFT', left_by = ?, left_on = ? WHERE id = ? AND status = 'OPEN'")
			.params(login, today, flagId)
			.update();
	}

	public Optional<FlagView> find(Scope scope, long flagId) {
		return jdbc.sql(SELECT + " AND f.id = :id").param("id", flagId).param("scopePath", scope.likePattern())
			.query((rs, n) -> map(rs)).optional();
	}

	/** The household's flags, newest first. */
	public List<FlagView> ofHousehold(Scope scope, long householdId) {
		return jdbc.sql(SELECT + " AND f.household_id = :h ORDER BY f.id DESC").param("h", householdId)
			.param("scopePath", scope.likePattern()).query((rs, n) -> map(rs)).list();
	}

	public List<FlagView> list(Scope scope, Filter filter, LocalDate today, int limit, int offset) {
		String where = switch (filter) {
			case FLAGGED -> " AND f.status = 'OPEN'";
			case OVERDUE -> " AND f.status = 'OPEN' AND f.measure_due < :today"
					+ " AND NOT EXISTS (SELECT 1 FROM monitoring_measure x WHERE x.flag_id = f.id)";
			case READY -> " AND f.status = 'OPEN' AND f.stable"
					+ " AND EXISTS (SELECT 1 FROM monitoring_measure x WHERE x.flag_id = f.id AND x.carried_out)";
			case LEFT -> " AND f.status = 'LEFT'";
		};
		return jdbc.sql(SELECT + where + " ORDER BY f.measure_due, f.id LIMIT :limit OFFSET :offset")
			.param("scopePath", scope.likePattern())
			.param("today", today)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> map(rs))
			.list();
	}

	private static FlagView map(ResultSet rs) throws SQLException {
		return new FlagView(rs.getLong("id"), rs.getLong("household_id"), rs.getString("file_no"), rs.getString("head_name"),
				rs.getString("region_code"), rs.getString("organisation_name"), MonitoredKind.valueOf(rs.getString("kind")),
				LeadSource.valueOf(rs.getString("source")), rs.getString("note"), rs.getObject("flagged_on", LocalDate.class),
				rs.getObject("measure_due", LocalDate.class), rs.getString("status"), rs.getBoolean("stable"),
				rs.getObject("stable_checked_on", LocalDate.class), rs.getInt("measures"), rs.getInt("carried_out"),
				rs.getString("leave_proposed_by"), rs.getObject("leave_proposed_on", LocalDate.class), rs.getString("leave_note"),
				rs.getString("left_by"), rs.getObject("left_on", LocalDate.class));
	}

}
