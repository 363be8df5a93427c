package org.bangfu.exits;

import java.time.LocalDate;

/** A follow-up visit (回头看) of an exited household: its number after the exit, when due, and the visit once made. */
public record FollowUpRow(long id, long householdId, String fileNo, String headName, String organisationName,
		LocalDate exitDate, int seq, LocalDate dueOn, LocalDate visitedOn, String visitors, String findings, Boolean stable,
		boolean overdue) {

	public boolean done() {
		return visitedOn != null;
	}

}
