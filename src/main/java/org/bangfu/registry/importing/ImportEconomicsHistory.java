package org.bangfu.registry.importing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.internal.ChangeLog;
import org.bangfu.registry.internal.HouseholdStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Households whose only change in an import is in their economics figures (sudden costs,
 * assets, income items, spending): like a change through the economics page, each gets a new
 * version and one history entry ({@code import.economics}) in the import's transaction, so its
 * history and the decisions of later dates see the change. Three statements per chunk.
 */
@Component
class ImportEconomicsHistory {

	private final JdbcClient jdbc;

	private final HouseholdStore store;

	private final ChangeLog changes;

	ImportEconomicsHistory(JdbcClient jdbc, HouseholdStore store, ChangeLog changes) {
		this.jdbc = jdbc;
		this.store = store;
		this.changes = changes;
	}

	void record(List<Long> householdIds, String login, Instant at) {
		if (householdIds.isEmpty()) {
			return;
		}
		Map<Long, HouseholdView> before = store.findAll(householdIds);
		jdbc.sql("UPDATE registry_household SET version = version + 1, updated_at = :at, updated_by = :login "
				+ "WHERE id = ANY (CAST(:ids AS bigint[]))")
			.param("at", Timestamp.from(at))
			.param("login", login)
			.param("ids", householdIds.toArray(Long[]::new))
			.update();
		Map<Long, HouseholdView> after = store.findAll(householdIds);
		changes.recordAll(householdIds.stream().map(before::get).toList(), householdIds.stream().map(after::get).toList(),
				"import.economics", login, at);
	}

}
