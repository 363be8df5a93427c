package org.bangfu.audit.web;

import org.bangfu.audit.AuditFilter;

/** The audit page's filter form as typed (dates still text, so a malformed one can be shown back). */
record AuditSearch(String from, String to, String actor, String action, String objectType, String objectId) {

	AuditFilter toFilter() {
		return AuditFilter.parse(from, to, actor, action, objectType, objectId);
	}

}
