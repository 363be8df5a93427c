package org.bangfu.cases;

import java.time.Instant;

/** An objection to one row of a notice, from the public page or recorded by staff, and how it was resolved. */
public record ObjectionView(long id, long noticeId, String noticeTitle, long caseId, String caseNo, int rowNo,
		String channel, String objectorName, String objectorContact, String text, Instant receivedAt,
		String recordedBy, String status, Boolean upheld, String finding, String resolvedBy, Instant resolvedAt) {

	public boolean open() {
		return "OPEN".equals(status);
	}

}
