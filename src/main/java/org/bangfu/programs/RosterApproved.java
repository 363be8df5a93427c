package org.bangfu.programs;

/** A cycle's roster was approved (four eyes) and locked: what the funds module books and pays. */
public record RosterApproved(long cycleId, long programId, String programCode, String periodKey, long organisationId,
		long totalFen, int lineCount, String fundCode) {
}
