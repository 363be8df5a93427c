package org.bangfu.monitoring;

import java.util.List;

/** One household's monitoring: its flags (newest first) and the measures of the newest. */
public record HouseholdMonitoring(long householdId, List<FlagView> flags, List<MeasureView> measures) {

	public FlagView current() {
		return flags.isEmpty() ? null : flags.get(0);
	}

}
