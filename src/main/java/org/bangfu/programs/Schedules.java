package org.bangfu.programs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bangfu.cases.WorkingCalendar;
import org.bangfu.programs.internal.schedule.LunarDatePolicy;
import org.bangfu.programs.internal.schedule.OccurrencePolicy;
import org.bangfu.programs.internal.schedule.ScheduleSpecPolicy;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Scope;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Schedules of programs (when they pay): a program keeps its schedule as text
 * ({@code date 2026-10-18}, {@code monthly 5}, {@code quarterly 1 15}, {@code month 8},
 * {@code lunar 09-09}, {@code lunar 12-25 before}, {@code event HEAT_ORANGE}) and this façade
 * parses it and resolves it to Gregorian dates, lunar dates with ICU4J for any year. A lunar
 * deadline is paid by the last working day on or before it (the cases module's working-day
 * calendar). An event schedule falls on the first day of each declared event of its kind.
 */
@Service
public class Schedules {

	/** The longest range resolved at once, in years. */
	static final int MAX_YEARS = 10;

	private final Events events;

	private final WorkingCalendar workingDays;

	private final MessageSource messages;

	Schedules(Events events, WorkingCalendar workingDays, MessageSource messages) {
		this.events = events;
		this.workingDays = workingDays;
		this.messages = messages;
	}

	/** Parses a schedule's text; bad text fails with a message (field {@code spec}) naming it. */
	public static ScheduleSpec parse(String spec) {
		return ScheduleSpecPolicy.parse(spec);
	}

	/** The canonical text of a schedule ({@code parse(format(s))} equals {@code s}). */
	public static String format(ScheduleSpec spec) {
		return spec.text();
	}

	/** The dates the schedule falls on between two days, both included, in date order. */
	public List<ScheduleOccurrence> due(String spec, LocalDate from, LocalDate to) {
		return due(parse(spec), from, to);
	}

	public List<ScheduleOccurrence> due(ScheduleSpec spec, LocalDate from, LocalDate to) {
		return due(null, spec, from, to);
	}

	/**
	 * The same for a user: an event schedule falls only on events declared in the scope (the
	 * methods without a scope see every organisation's events, for system work such as a program's
	 * cycles).
	 */
	public List<ScheduleOccurrence> due(Scope scope, String spec, LocalDate from, LocalDate to) {
		return due(scope, parse(spec), from, to);
	}

	/** The dates in a Gregorian year, for a user (see {@link #due(Scope, String, LocalDate, LocalDate)}). */
	public List<ScheduleOccurrence> occurrences(Scope scope, String spec, int year) {
		return due(scope, spec, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	private List<ScheduleOccurrence> due(Scope scope, ScheduleSpec spec, LocalDate from, LocalDate to) {
		if (from == null || to == null) {
			throw BangfuException.badField("from", "schedules.range.required");
		}
		if (from.isAfter(to)) {
			throw BangfuException.badField("to", "schedules.range.order", from, to);
		}
		if (from.plusYears(MAX_YEARS).isBefore(to)) {
			throw BangfuException.badField("to", "schedules.range.tooLong", MAX_YEARS);
		}
		List<ScheduleOccurrence> out = new ArrayList<>();
		if (spec instanceof ScheduleSpec.OnEvent onEvent) {
			List<EventView> declared = scope == null ? events.startingBetween(onEvent.kind(), from, to)
					: events.startingBetween(scope, onEvent.kind(), from, to);
			for (EventView e : declared) {
				out.add(occurrence(spec, e));
			}
		}
		else {
			boolean deadline = spec instanceof ScheduleSpec.Lunar l && l.deadline();
			for (ScheduleOccurrence o : OccurrencePolicy.between(spec, from, to)) {
				out.add(deadline ? withPayBy(o, lastWorkingDayOnOrBefore(o.date())) : o);
			}
		}
		out.sort(Comparator.comparing(ScheduleOccurrence::date));
		return out;
	}

	/** The dates the schedule falls on in a Gregorian year. */
	public List<ScheduleOccurrence> occurrences(String spec, int year) {
		return due(spec, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	/** The first date on or after a day, looking ahead up to two years (none for a past one-off date). */
	public Optional<ScheduleOccurrence> next(String spec, LocalDate from) {
		return due(spec, from, from.plusYears(2)).stream().findFirst();
	}

	/** Up to {@code count} dates on or after a day, looking ahead up to two years (a program's next dates). */
	public List<ScheduleOccurrence> upcoming(String spec, LocalDate from, int count) {
		List<ScheduleOccurrence> all = due(spec, from, from.plusYears(2));
		return all.subList(0, Math.min(Math.max(0, count), all.size()));
	}

	/** The lunar festivals of a Gregorian year (春节, 元宵, 端午, 七夕, 中秋, 重阳, 腊八, 除夕), in date order. */
	public List<ScheduleOccurrence> festivals(int year) {
		return OccurrencePolicy.festivals(year);
	}

	/** The lunar date of a Gregorian date. */
	public LunarDate lunar(LocalDate date) {
		return LunarDatePolicy.toLunar(date);
	}

	/** The Gregorian date of an ordinary lunar month's day in the lunar year that begins in {@code year}. */
	public LocalDate gregorian(int year, int lunarMonth, int lunarDay) {
		return LunarDatePolicy.toGregorian(year, lunarMonth, lunarDay);
	}

	private LocalDate lastWorkingDayOnOrBefore(LocalDate date) {
		LocalDate d = date;
		while (!workingDays.isWorkingDay(d)) {
			d = d.minusDays(1);
		}
		return d;
	}

	private ScheduleOccurrence occurrence(ScheduleSpec spec, EventView e) {
		String zh = name(e, Locale.SIMPLIFIED_CHINESE) + "：" + String.join("、", e.regions().stream().map(EventRegion::name).toList())
				+ "，" + e.from() + " 至 " + e.lastDay();
		String en = name(e, Locale.ENGLISH) + ": " + String.join(", ", e.regions().stream().map(EventRegion::name).toList())
				+ ", " + e.from() + " to " + e.lastDay();
		return new ScheduleOccurrence(e.from(), e.from(), spec.text(), LunarDatePolicy.toLunar(e.from()), zh, en, e.id(),
				e.regionCodes());
	}

	/** The event's name: its kind in the language, or the declared name of another event. */
	public String name(EventView e, Locale locale) {
		String kind = messages.getMessage(e.kind().messageKey(), null, e.kind().name(), locale);
		return e.otherName() == null ? kind : kind + "（" + e.otherName() + "）";
	}

	private static ScheduleOccurrence withPayBy(ScheduleOccurrence o, LocalDate payBy) {
		return new ScheduleOccurrence(o.date(), payBy, o.spec(), o.lunar(), o.descriptionZh(), o.descriptionEn(),
				o.eventId(), o.regionCodes());
	}

}
