package org.bangfu.registry;

import java.util.List;

/**
 * One problem an import found: an error that rejected a row, a warning (an unknown column, a
 * value not kept) or a household left alone because it is already filed. The message is a key
 * with arguments so each reader sees it in their own language; row is the spreadsheet row.
 */
public record ImportIssue(Kind kind, Long row, String column, String householdRef, String messageKey,
		List<String> args) {

	public enum Kind {

		ERROR, WARNING, SKIPPED

	}

}
