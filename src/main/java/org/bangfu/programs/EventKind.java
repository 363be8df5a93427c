package org.bangfu.programs;

/**
 * What a user declares so that event-driven programs pay (plan 2): an orange heat or cold-wave
 * warning, an epidemic medium- or high-risk area, a flood, or another named event.
 */
public enum EventKind {

	HEAT_ORANGE, COLD_WAVE_ORANGE, EPIDEMIC_MEDIUM_RISK, EPIDEMIC_HIGH_RISK, FLOOD, OTHER;

	public String messageKey() {
		return "schedules.event.kind." + name();
	}

}
