package org.bangfu.audit;

/** The outcome of checking the audit hash chain: intact, or the first record where it breaks. */
public record AuditVerification(boolean intact, long rowsChecked, Long firstBrokenId) {
}
