package org.bangfu.programs.internal.schedule;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.programs.LunarDate;
import org.bangfu.programs.ScheduleOccurrence;
import org.bangfu.programs.ScheduleSpec;
import org.bangfu.programs.internal.schedule.FestivalPolicy.Festival;

/**
 * The dates a calendar schedule falls on between two days (both included), each described in
 * Chinese and English. A day past the end of a month (31 in April, 30 in a short lunar month)
 * is the month's last day. Event schedules have no dates of their own: they are the declared
 * events (see {@code Schedules}). Pay-by dates are the dates themselves here; the façade moves
 * deadlines onto working days.
 */
public final class OccurrencePolicy {

	private OccurrencePolicy() {
	}

	public static List<ScheduleOccurrence> between(ScheduleSpec spec, LocalDate from, LocalDate to) {
		List<ScheduleOccurrence> out = new ArrayList<>();
		if (spec instanceof ScheduleSpec.Once once) {
			if (!once.date().isBefore(from) && !once.date().isAfter(to)) {
				out.add(occurrence(spec, once.date(), "一次性发放：" + once.date(), "Once on " + once.date()));
			}
		}
		else if (spec instanceof ScheduleSpec.Monthly monthly) {
			for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
				add(out, spec, from, to, dayOf(m, monthly.day()), "每月" + monthly.day() + "日",
						"Day " + monthly.day() + " of every month");
			}
		}
		else if (spec instanceof ScheduleSpec.Quarterly q) {
			for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
				if ((m.getMonthValue() - 1) % 3 == q.monthInQuarter() - 1) {
					add(out, spec, from, to, dayOf(m, q.day()), "每季度第" + q.monthInQuarter() + "个月" + q.day() + "日",
							"Quarterly, month " + q.monthInQuarter() + " of the quarter, day " + q.day());
				}
			}
		}
		else if (spec instanceof ScheduleSpec.Yearly y) {
			for (int year = from.getYear(); year <= to.getYear(); year++) {
				add(out, spec, from, to, dayOf(YearMonth.of(year, y.month()), y.day()),
						"每年" + y.month() + "月" + y.day() + "日", "Every year on " + y.month() + "/" + y.day());
			}
		}
		else if (spec instanceof ScheduleSpec.Lunar l) {
			for (int year = from.getYear() - 1; year <= to.getYear(); year++) {
				LocalDate date = LunarDatePolicy.toGregorian(year, l.month(), l.day());
				int day = LunarDatePolicy.toLunar(date).day();
				add(out, spec, from, to, date, lunarZh(l, day), lunarEn(l, day));
			}
		}
		// an event schedule has no dates of its own: they come from declared events
		return out;
	}

	/** The lunar date in words, with its festival: 农历九月初九（重阳节）, 农历腊月二十五前. */
	public static String lunarZh(ScheduleSpec.Lunar l) {
		return lunarZh(l, l.day());
	}

	/** The same for the day the date falls on (29 when the spec says 30 of a 29-day month). */
	static String lunarZh(ScheduleSpec.Lunar l, int day) {
		String text = "农历" + new LunarDate(0, l.month(), false, day).chinese();
		String festival = FestivalPolicy.of(l.month(), l.day()).map(f -> "（" + f.nameZh() + "）").orElse("");
		return l.deadline() ? text + festival + "前" : text + festival;
	}

	public static String lunarEn(ScheduleSpec.Lunar l) {
		return lunarEn(l, l.day());
	}

	static String lunarEn(ScheduleSpec.Lunar l, int day) {
		String festival = FestivalPolicy.of(l.month(), l.day()).map(f -> " (" + f.nameEn() + ")").orElse("");
		return (l.deadline() ? "Before lunar " : "Lunar ") + l.month() + "/" + day + festival;
	}

	/** The festivals of a Gregorian year, in date order. */
	public static List<ScheduleOccurrence> festivals(int year) {
		List<ScheduleOccurrence> out = new ArrayList<>();
		for (Festival f : FestivalPolicy.FESTIVALS) {
			out.addAll(between(new ScheduleSpec.Lunar(f.month(), f.day(), false), LocalDate.of(year, 1, 1),
					LocalDate.of(year, 12, 31)));
		}
		out.sort(java.util.Comparator.comparing(ScheduleOccurrence::date));
		return out;
	}

	private static void add(List<ScheduleOccurrence> out, ScheduleSpec spec, LocalDate from, LocalDate to,
			LocalDate date, String zh, String en) {
		if (!date.isBefore(from) && !date.isAfter(to)) {
			out.add(occurrence(spec, date, zh, en));
		}
	}

	private static ScheduleOccurrence occurrence(ScheduleSpec spec, LocalDate date, String zh, String en) {
		return new ScheduleOccurrence(date, date, spec.text(), LunarDatePolicy.toLunar(date), zh, en, null, List.of());
	}

	private static LocalDate dayOf(YearMonth month, int day) {
		return month.atDay(Math.min(day, month.lengthOfMonth()));
	}

}
