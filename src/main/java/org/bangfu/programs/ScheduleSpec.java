package org.bangfu.programs;

import java.time.LocalDate;

/**
 * When a program pays, parsed from its text form (see {@link Schedules#parse(String)}):
 * {@code date 2026-10-18}, {@code monthly 5}, {@code quarterly 1 15}, {@code month 8} or
 * {@code month 8 1}, {@code lunar 09-09}, {@code lunar 12-25 before}, {@code event HEAT_ORANGE}.
 * {@link #text()} gives the canonical text back, so parse and text round-trip.
 */
public sealed interface ScheduleSpec {

	/** The canonical text form. */
	String text();

	/** Once, on a Gregorian date. */
	record Once(LocalDate date) implements ScheduleSpec {

		@Override
		public String text() {
			return "date " + date;
		}

	}

	/** Every month on a day (a short month pays on its last day). */
	record Monthly(int day) implements ScheduleSpec {

		@Override
		public String text() {
			return "monthly " + day;
		}

	}

	/** Every quarter, in its first, second or third month, on a day. */
	record Quarterly(int monthInQuarter, int day) implements ScheduleSpec {

		@Override
		public String text() {
			return "quarterly " + monthInQuarter + " " + day;
		}

	}

	/** Every year in a Gregorian month, on a day (1 unless given; a short month pays on its last day). */
	record Yearly(int month, int day) implements ScheduleSpec {

		@Override
		public String text() {
			return day == 1 ? "month " + month : "month " + month + " " + day;
		}

	}

	/**
	 * Every year on a Chinese lunar date (never in a leap month); a deadline pays on or before it.
	 * A day 30 missing in a year's month is that month's last day.
	 */
	record Lunar(int month, int day, boolean deadline) implements ScheduleSpec {

		@Override
		public String text() {
			return "lunar %02d-%02d%s".formatted(month, day, deadline ? " before" : "");
		}

	}

	/** Whenever an event of the kind is declared (its first day). */
	record OnEvent(EventKind kind) implements ScheduleSpec {

		@Override
		public String text() {
			return "event " + kind.name();
		}

	}

}
