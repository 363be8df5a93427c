package org.bangfu.audit;

import java.util.Map;

/** One thing that happened: who did what to which object, with before/after for writes. */
public record AuditEntry(String action, String objectType, String objectId, Long actorId, String actorLogin,
		Long organisationId, Map<String, ?> detail) {
}
