package org.bangfu.programs;

import java.time.LocalDate;
import java.util.List;

/**
 * One date a schedule falls on: the Gregorian date, the date to pay by (a lunar deadline moves to
 * the last working day on or before it; otherwise the date itself), the lunar date of the day, and
 * a description for people in Chinese and English (农历九月初九（重阳节） / Lunar 9/9 (Double Ninth
 * Festival)). For an event schedule, the declared event and its region codes.
 */
public record ScheduleOccurrence(LocalDate date, LocalDate payBy, String spec, LunarDate lunar, String descriptionZh,
		String descriptionEn, Long eventId, List<String> regionCodes) {

	public ScheduleOccurrence {
		regionCodes = regionCodes == null ? List.of() : List.copyOf(regionCodes);
	}

	/** The description in Chinese, or English for an English page. */
	public String description(java.util.Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? descriptionEn : descriptionZh;
	}

}
