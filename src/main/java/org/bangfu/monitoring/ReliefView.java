package org.bangfu.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Relief granted first and reviewed after (先行救助). */
public record ReliefView(long id, long householdId, String fileNo, Long screeningId, BigDecimal amount, LocalDate grantedOn,
		String grantedBy, String note, String reviewedBy, LocalDate reviewedOn, String reviewOutcome, String reviewNote) {

	public boolean reviewed() {
		return reviewOutcome != null;
	}

}
