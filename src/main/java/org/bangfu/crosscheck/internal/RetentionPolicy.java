package org.bangfu.crosscheck.internal;

import java.time.LocalDate;

/** How long an extract is kept: 1 to 1095 days after its import, purged the day after that. */
public final class RetentionPolicy {

	public static final int MAX_DAYS = 1095;

	private RetentionPolicy() {
	}

	public static boolean allowed(int days) {
		return days >= 1 && days <= MAX_DAYS;
	}

	/** The last day the extract is kept. */
	public static LocalDate retainUntil(LocalDate importedOn, int days) {
		return importedOn.plusDays(days);
	}

}
