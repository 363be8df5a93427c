package org.bangfu.exits;

import java.time.Instant;
import java.time.LocalDate;

/** An administrator's status correction: requested by one administrator, decided by another (four eyes). */
public record CorrectionRow(long id, long householdId, String fileNo, String fromStatus, String target,
		LocalDate exitDate, String reason, String status, long requestedById, String requestedBy, Instant requestedAt,
		String decidedBy, Instant decidedAt, String decisionNote) {

	public boolean pending() {
		return "PENDING".equals(status);
	}

}
