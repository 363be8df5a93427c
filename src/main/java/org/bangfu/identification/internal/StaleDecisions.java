package org.bangfu.identification.internal;

import org.bangfu.registry.HouseholdChanged;
import org.bangfu.registry.HouseholdClosed;
import org.bangfu.registry.HouseholdsImported;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A change to a file (through a form, the API or an import) makes the household's current decisions stale (a re-evaluation refreshes them). */
@Component
class StaleDecisions {

	private final DecisionStore decisions;

	StaleDecisions(DecisionStore decisions) {
		this.decisions = decisions;
	}

	@ApplicationModuleListener
	void on(HouseholdChanged event) {
		decisions.markStaleForHousehold(event.householdId());
	}

	/** Households an import updated (their file or only their economics figures): one statement per chunk. */
	@ApplicationModuleListener
	void on(HouseholdsImported event) {
		decisions.markStaleForHouseholds(event.updated());
	}

	@ApplicationModuleListener
	void on(HouseholdClosed event) {
		decisions.markStaleForHousehold(event.householdId());
	}

}
