package org.bangfu.cases;

/** A case was rejected at a step; the reason is kept on the case. */
public record CaseRejected(long caseId, CaseType type, long householdId, long organisationId, String reason) {
}
