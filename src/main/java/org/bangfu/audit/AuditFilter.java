package org.bangfu.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bangfu.shared.BangfuException;

/**
 * What an auditor filters the log by: a date range (inclusive, Asia/Shanghai), the actor's
 * login, the action, and the object's type and id. Blank values mean "any".
 */
public record AuditFilter(LocalDate from, LocalDate to, String actor, String action, String objectType,
		String objectId) {

	public AuditFilter {
		actor = blankToNull(actor);
		action = blankToNull(action);
		objectType = blankToNull(objectType);
		objectId = blankToNull(objectId);
	}

	public static AuditFilter none() {
		return new AuditFilter(null, null, null, null, null, null);
	}

	/** Parses the filter as typed in a form or query string; a malformed date names its field. */
	public static AuditFilter parse(String from, String to, String actor, String action, String objectType,
			String objectId) {
		return new AuditFilter(date("from", from), date("to", to), actor, action, objectType, objectId);
	}

	/** The filter as recorded in the audit log (for "audit.export"). */
	public Map<String, Object> asDetail() {
		Map<String, Object> detail = new LinkedHashMap<>();
		put(detail, "from", from);
		put(detail, "to", to);
		put(detail, "actor", actor);
		put(detail, "action", action);
		put(detail, "objectType", objectType);
		put(detail, "objectId", objectId);
		return detail;
	}

	private static void put(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value.toString());
		}
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw BangfuException.badField(field, "audit.date.malformed", value.trim());
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}
