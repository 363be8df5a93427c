package org.bangfu.monitoring;

import java.time.LocalDate;

/** A monitored household as lists show it: kind, source, deadline, measures, stability and leaving. */
public record FlagView(long id, long householdId, String fileNo, String headName, String regionCode, String organisationName,
		MonitoredKind kind, LeadSource source, String note, LocalDate flaggedOn, LocalDate measureDue, String status,
		boolean stable, LocalDate stableCheckedOn, int measures, int carriedOut, String leaveProposedBy,
		LocalDate leaveProposedOn, String leaveNote, String leftBy, LocalDate leftOn) {

	/** No measure recorded and the deadline passed on the given day. */
	public boolean overdue(LocalDate today) {
		return "OPEN".equals(status) && measures == 0 && today.isAfter(measureDue);
	}

	/** Stable for six months (last run) and at least one measure carried out. */
	public boolean readyToLeave() {
		return "OPEN".equals(status) && stable && carriedOut > 0;
	}

}
