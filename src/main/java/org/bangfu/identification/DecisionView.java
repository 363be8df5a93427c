package org.bangfu.identification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored decision: one rule-set version's outcome for one household on a date, with the
 * household's file number and head's name as the register shows them today.
 */
public record DecisionView(long id, long householdId, long ruleSetId, String ruleSetCode, int ruleSetVersion,
		LocalDate asOf, int matchedRow, String outcome, String label, Instant decidedAt, String decidedBy, Long jobId,
		boolean current, boolean stale, String fileNo, String headName) {
}
