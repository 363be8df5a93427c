package org.bangfu.cases;

import java.time.LocalDate;

/** A case was approved after its last step; it takes effect on the date (dibao: the next month). */
public record CaseApproved(long caseId, CaseType type, long householdId, long organisationId, LocalDate effectiveDate) {
}
