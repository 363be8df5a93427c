package org.bangfu.programs.internal.schedule;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.programs.EventKind;
import org.bangfu.programs.ScheduleSpec;
import org.bangfu.shared.BangfuException;

/**
 * Reads a schedule's text form into a {@link ScheduleSpec}, or fails with a message that names the
 * text and shows the forms that are understood. Keywords are case-insensitive; spaces may repeat.
 */
public final class ScheduleSpecPolicy {

	public static final String FIELD = "spec";

	private static final Pattern DATE = Pattern.compile("date\\s+(\\S+)");

	private static final Pattern MONTHLY = Pattern.compile("monthly\\s+(\\d{1,2})");

	private static final Pattern QUARTERLY = Pattern.compile("quarterly\\s+(\\d{1,2})\\s+(\\d{1,2})");

	private static final Pattern MONTH = Pattern.compile("month\\s+(\\d{1,2})(?:\\s+(\\d{1,2}))?");

	private static final Pattern LUNAR = Pattern.compile("lunar\\s+(\\d{1,2})-(\\d{1,2})(\\s+before)?");

	private static final Pattern EVENT = Pattern.compile("event\\s+([a-z_]+)");

	private ScheduleSpecPolicy() {
	}

	public static ScheduleSpec parse(String text) {
		String t = text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		if (t.isEmpty()) {
			throw BangfuException.badField("spec", "schedules.spec.required");
		}
		Matcher m;
		if ((m = DATE.matcher(t)).matches()) {
			try {
				return new ScheduleSpec.Once(LocalDate.parse(m.group(1)));
			}
			catch (DateTimeParseException ex) {
				throw BangfuException.badField("spec", "schedules.spec.date", m.group(1));
			}
		}
		if ((m = MONTHLY.matcher(t)).matches()) {
			return new ScheduleSpec.Monthly(day(m.group(1), 31));
		}
		if ((m = QUARTERLY.matcher(t)).matches()) {
			int monthInQuarter = Integer.parseInt(m.group(1));
			if (monthInQuarter < 1 || monthInQuarter > 3) {
				throw BangfuException.badField("spec", "schedules.spec.quarterMonth", m.group(1));
			}
			return new ScheduleSpec.Quarterly(monthInQuarter, day(m.group(2), 31));
		}
		if ((m = MONTH.matcher(t)).matches()) {
			int month = month(m.group(1));
			int max = java.time.Month.of(month).maxLength();
			return new ScheduleSpec.Yearly(month, m.group(2) == null ? 1 : day(m.group(2), max));
		}
		if ((m = LUNAR.matcher(t)).matches()) {
			int month = Integer.parseInt(m.group(1));
			if (month < 1 || month > 12) {
				throw BangfuException.badField("spec", "schedules.spec.lunarMonth", m.group(1));
			}
			int day = Integer.parseInt(m.group(2));
			if (day < 1 || day > 30) {
				throw BangfuException.badField("spec", "schedules.spec.lunarDay", m.group(2));
			}
			return new ScheduleSpec.Lunar(month, day, m.group(3) != null);
		}
		if ((m = EVENT.matcher(t)).matches()) {
			try {
				return new ScheduleSpec.OnEvent(EventKind.valueOf(m.group(1).toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw BangfuException.badField("spec", "schedules.spec.eventKind", m.group(1).toUpperCase(Locale.ROOT));
			}
		}
		throw BangfuException.badField("spec", "schedules.spec.unknown", text.strip());
	}

	private static int month(String text) {
		int month = Integer.parseInt(text);
		if (month < 1 || month > 12) {
			throw BangfuException.badField("spec", "schedules.spec.month", text);
		}
		return month;
	}

	private static int day(String text, int max) {
		int day = Integer.parseInt(text);
		if (day < 1 || day > max) {
			throw BangfuException.badField("spec", "schedules.spec.day", text, max);
		}
		return day;
	}

}
