package org.bangfu.programs;

/** Where a declared event stands on a given day: not begun, in force, ended early, or over. */
public enum EventStatus {

	UPCOMING, ACTIVE, ENDED, EXPIRED;

	public String messageKey() {
		return "schedules.event.status." + name();
	}

}
