package org.bangfu.audit;

import java.time.Instant;

import org.bangfu.shared.BusinessTime;

/** One audit record as an auditor reads it. */
public record AuditRow(long id, Instant occurredAt, String actorLogin, Long organisationId, String organisationName,
		String action,
		String objectType, String objectId, String detail, String clientAddress) {

	/** The time in the business time zone, e.g. 2026-11-28 14:05:09. */
	public String time() {
		return BusinessTime.seconds(occurredAt);
	}

	/** "type #id", or just the type when the record concerns no single object. */
	public String object() {
		return objectId == null ? objectType : objectType + " #" + objectId;
	}

}
