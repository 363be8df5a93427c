package org.bangfu.programs.internal.schedule;

import java.time.LocalDate;
import java.time.temporal.JulianFields;
import java.util.Map;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;

import org.bangfu.programs.LunarDate;

/**
 * Chinese lunar dates ↔ Gregorian dates for any year, with ICU4J's {@link ChineseCalendar}.
 * Years are set with {@code setRelatedYear} (ICU 78's EXTENDED_YEAR is Gregorian, not the cycle
 * year). A festival never falls in a leap month. ICU computes new moons astronomically to within
 * minutes; where a new moon is that close to midnight in Beijing its month may start a day off
 * the official calendar (紫金山天文台, GB/T 33661-2017), so the month starts listed in
 * {@link #OFFICIAL_MONTH_STARTS} override ICU's.
 */
public final class LunarDatePolicy {

	/**
	 * ICU's first day of a lunar month → the official first day, where they differ. Found by comparing
	 * ICU with new moons computed by Meeus' algorithm (Astronomical Algorithms, ch. 49, with ΔT) for
	 * 1929–2100 in Beijing time (UTC+8, the official meridian since 1929): every month whose new moon
	 * lies more than 2 minutes from midnight but on the other side of it in ICU. 春节 2027 is
	 * 2027-02-06 (new moon 23:56), 春节 2030 is 2030-02-03 (00:07), as the official calendar says.
	 * Left to ICU: 2057-09-28/29, whose new moon is within seconds of midnight.
	 */
	static final Map<LocalDate, LocalDate> OFFICIAL_MONTH_STARTS = Map.ofEntries(
			Map.entry(LocalDate.of(1954, 2, 4), LocalDate.of(1954, 2, 3)),
			Map.entry(LocalDate.of(1955, 2, 23), LocalDate.of(1955, 2, 22)),
			Map.entry(LocalDate.of(1999, 1, 18), LocalDate.of(1999, 1, 17)),
			Map.entry(LocalDate.of(2012, 8, 18), LocalDate.of(2012, 8, 17)),
			Map.entry(LocalDate.of(2018, 11, 7), LocalDate.of(2018, 11, 8)),
			Map.entry(LocalDate.of(2027, 2, 7), LocalDate.of(2027, 2, 6)),
			Map.entry(LocalDate.of(2030, 2, 2), LocalDate.of(2030, 2, 3)),
			Map.entry(LocalDate.of(2070, 3, 13), LocalDate.of(2070, 3, 12)));

	private LunarDatePolicy() {
	}

	/**
	 * The Gregorian date of a day of an ordinary (non-leap) lunar month of the lunar year that
	 * begins in Gregorian year {@code relatedYear}; a day past the month's end (30 in a 29-day
	 * month) gives the month's last day.
	 */
	@SuppressWarnings("deprecation") // setRelatedYear is the one correct way to give the year (see the class comment)
	public static LocalDate toGregorian(int relatedYear, int month, int day) {
		if (month < 1 || month > 12 || day < 1 || day > 30) {
			throw new IllegalArgumentException("Lunar month 1-12 and day 1-30: " + month + "-" + day);
		}
		ChineseCalendar c = calendar();
		c.setRelatedYear(relatedYear);
		c.set(Calendar.MONTH, month - 1);
		c.set(Calendar.IS_LEAP_MONTH, 0);
		c.set(Calendar.DAY_OF_MONTH, 1);
		LocalDate icuStart = date(c.get(Calendar.JULIAN_DAY));
		LocalDate start = official(icuStart);
		LocalDate next = official(icuStart.plusDays(c.getActualMaximum(Calendar.DAY_OF_MONTH)));
		int length = (int) (next.toEpochDay() - start.toEpochDay());
		return start.plusDays(Math.min(day, length) - 1L);
	}

	/** The lunar date of a Gregorian date. */
	public static LunarDate toLunar(LocalDate date) {
		Fields f = icu(date);
		LocalDate icuStart = date.minusDays(f.day - 1L);
		LocalDate start = official(icuStart);
		LocalDate next = official(icuStart.plusDays(f.length));
		if (!date.isBefore(next)) {
			Fields n = icu(icuStart.plusDays(f.length));
			return new LunarDate(n.year, n.month, n.leap, (int) (date.toEpochDay() - next.toEpochDay()) + 1);
		}
		if (date.isBefore(start)) {
			Fields p = icu(icuStart.minusDays(1));
			LocalDate previousStart = official(icuStart.minusDays(p.day));
			return new LunarDate(p.year, p.month, p.leap, (int) (date.toEpochDay() - previousStart.toEpochDay()) + 1);
		}
		return new LunarDate(f.year, f.month, f.leap, (int) (date.toEpochDay() - start.toEpochDay()) + 1);
	}

	/** The number of days of an ordinary lunar month (29 or 30). */
	public static int monthLength(int relatedYear, int month) {
		LocalDate first = toGregorian(relatedYear, month, 1);
		return (int) (toGregorian(relatedYear, month, 30).toEpochDay() - first.toEpochDay()) + 1;
	}

	private record Fields(int year, int month, boolean leap, int day, int length) {
	}

	@SuppressWarnings("deprecation") // getRelatedYear: the Gregorian year in which the lunar year begins
	private static Fields icu(LocalDate date) {
		ChineseCalendar c = calendar();
		c.set(Calendar.JULIAN_DAY, (int) date.getLong(JulianFields.JULIAN_DAY));
		c.get(Calendar.DAY_OF_MONTH);
		return new Fields(c.getRelatedYear(), c.get(Calendar.MONTH) + 1, c.get(Calendar.IS_LEAP_MONTH) == 1,
				c.get(Calendar.DAY_OF_MONTH), c.getActualMaximum(Calendar.DAY_OF_MONTH));
	}

	private static LocalDate official(LocalDate icuMonthStart) {
		return OFFICIAL_MONTH_STARTS.getOrDefault(icuMonthStart, icuMonthStart);
	}

	private static ChineseCalendar calendar() {
		ChineseCalendar c = new ChineseCalendar(TimeZone.GMT_ZONE);
		c.clear();
		return c;
	}

	private static LocalDate date(int julianDay) {
		return LocalDate.MIN.with(JulianFields.JULIAN_DAY, julianDay);
	}

}
