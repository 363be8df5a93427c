package org.bangfu.identification.internal;

import java.time.LocalDate;

/**
 * What a correction of a standard's figure changes. A figure is its kind, region and start; a
 * correction (the same three, the next version) replaces it for its whole period, so the dates
 * whose figure may change run from the start to the later of the two ends — open when either
 * is open: shortening a period changes the days it no longer covers, re-opening one the days
 * it covers again.
 */
public final class StandardCorrectionPolicy {

	private StandardCorrectionPolicy() {
	}

	/** The last date whose figure the new one may change (null: no end); correctedEnd is the end of the figure it corrects, if any. */
	public static LocalDate affectedUntil(boolean corrects, LocalDate correctedEnd, LocalDate newEnd) {
		if (!corrects) {
			return newEnd;
		}
		if (correctedEnd == null || newEnd == null) {
			return null;
		}
		return correctedEnd.isAfter(newEnd) ? correctedEnd : newEnd;
	}

}
