package org.bangfu.identification.internal;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.registry.HouseholdChanged;
import org.bangfu.registry.HouseholdClosed;
import org.bangfu.registry.HouseholdExited;
import org.bangfu.registry.HouseholdFiled;
import org.bangfu.registry.HouseholdsImported;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the facts table current as the register changes, inside the writer's transaction (so
 * what-if and the batch never read a file older than what was committed): one statement for a
 * household, one set-based statement per import chunk — never a query per imported household.
 */
@Component
class FactsMaintenance {

	private final FactsTable table;

	FactsMaintenance(FactsTable table) {
		this.table = table;
	}

	@EventListener
	void on(HouseholdChanged event) {
		table.refresh(List.of(event.householdId()));
	}

	@EventListener
	void on(HouseholdFiled event) {
		table.refresh(List.of(event.householdId()));
	}

	@EventListener
	void on(HouseholdExited event) {
		table.refresh(List.of(event.householdId()));
	}

	@EventListener
	void on(HouseholdClosed event) {
		table.refresh(List.of(event.householdId()));
	}

	@EventListener
	void on(HouseholdsImported event) {
		List<Long> ids = new ArrayList<>(event.filed());
		ids.addAll(event.updated());
		table.refresh(ids);
	}

}
