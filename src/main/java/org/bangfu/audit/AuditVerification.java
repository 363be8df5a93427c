package org.bangfu.audit;

import java.util.List;

/**
 * The outcome of checking the audit chain: intact, or every break found ({@code breaks} holds the
 * first {@link #MAX_LISTED}; {@code breakCount} counts them all). {@code firstBrokenId} is the
 * audit record of the first break that names one.
 */
public record AuditVerification(boolean intact, long rowsChecked, Long firstBrokenId, long breakCount,
		List<AuditBreak> breaks) {

	public static final int MAX_LISTED = 10_000;

	public AuditVerification {
		breaks = List.copyOf(breaks);
	}

	static AuditVerification of(long rowsChecked, long breakCount, List<AuditBreak> breaks) {
		Long first = breaks.stream().map(AuditBreak::eventId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
		return new AuditVerification(breakCount == 0, rowsChecked, first, breakCount, breaks);
	}

}
