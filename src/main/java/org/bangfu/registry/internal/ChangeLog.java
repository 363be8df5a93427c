package org.bangfu.registry.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bangfu.registry.HouseholdChange;
import org.bangfu.registry.HouseholdView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A household's history: one row per change with full snapshots (ID numbers masked, never
 * whole), so "the file as of a date" is simply the latest snapshot at or before that date.
 */
@Repository
public class ChangeLog {

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	ChangeLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(HouseholdView before, HouseholdView after, String kind, String login, Instant at) {
		jdbc.sql("""
				INSERT INTO registry_change (household_id, changed_at, changed_by, kind, before, after)
				VALUES (?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))""")
			.params(after.id(), Timestamp.from(at), login, kind, before == null ? null : json.writeValueAsString(before),
					json.writeValueAsString(after))
			.update();
	}

	/** Newest first. */
	public List<HouseholdChange> history(long householdId) {
		return jdbc.sql("""
				SELECT id, changed_at, changed_by, kind, after::text AS after FROM registry_change
				WHERE household_id = ? ORDER BY changed_at DESC, id DESC""")
			.param(householdId)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** The file as it stood at the instant (latest change at or before it). */
	public Optional<HouseholdChange> asOf(long householdId, Instant at) {
		return jdbc.sql("""
				SELECT id, changed_at, changed_by, kind, after::text AS after FROM registry_change
				WHERE household_id = ? AND changed_at <= ? ORDER BY changed_at DESC, id DESC LIMIT 1""")
			.params(householdId, Timestamp.from(at))
			.query((rs, n) -> map(rs))
			.optional();
	}

	private HouseholdChange map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new HouseholdChange(rs.getLong("id"), rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"),
				rs.getString("kind"), json.readValue(rs.getString("after"), HouseholdView.class));
	}

	/** Records one change of the kind for each household in one statement (before may be null, or hold nulls). */
	public void recordAll(List<HouseholdView> before, List<HouseholdView> after, String kind, String login, Instant at) {
		if (after.isEmpty()) {
			return;
		}
		String[] ids = new String[after.size()];
		String[] befores = new String[after.size()];
		String[] afters = new String[after.size()];
		for (int i = 0; i < after.size(); i++) {
			ids[i] = Long.toString(after.get(i).id());
			HouseholdView b = before == null ? null : before.get(i);
			befores[i] = b == null ? null : json.writeValueAsString(b);
			afters[i] = json.writeValueAsString(after.get(i));
		}
		jdbc.sql("""
				INSERT INTO registry_change (household_id, changed_at, changed_by, kind, before, after)
				SELECT CAST(v.id AS bigint), :at, :login, :kind, CAST(v.before AS jsonb), CAST(v.after AS jsonb)
				FROM unnest(CAST(:ids AS text[]), CAST(:befores AS text[]), CAST(:afters AS text[])) AS v(id, before, after)""")
			.param("at", Timestamp.from(at))
			.param("login", login)
			.param("kind", kind)
			.param("ids", ids)
			.param("befores", befores)
			.param("afters", afters)
			.update();
	}

}
