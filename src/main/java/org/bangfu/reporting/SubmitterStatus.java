package org.bangfu.reporting;

import java.time.Instant;

/** Whether an organisation that must report to the caller has submitted for a period (latest version). */
public record SubmitterStatus(long organisationId, String organisationName, Long reportId, Integer version,
		Instant submittedAt) {

	public boolean missing() {
		return reportId == null;
	}

}
