package org.bangfu.reporting.internal;

import java.time.LocalDate;
import java.util.function.BiFunction;

import org.bangfu.reporting.ReportPeriod;

/**
 * The deadline of a report for a period, from its template's rule: DATE:MM-DD is that day in the year the period
 * ends; WORKDAY:n is the n-th working day after the period ends (working days from the cases module's calendar,
 * with its public holidays and make-up days).
 */
public final class DeadlinePolicy {

	private DeadlinePolicy() {
	}

	public static LocalDate deadline(String rule, ReportPeriod period, BiFunction<LocalDate, Integer, LocalDate> addWorkingDays) {
		if (rule.startsWith("DATE:")) {
			String md = rule.substring(5);
			return LocalDate.of(period.to().getYear(), Integer.parseInt(md.substring(0, 2)), Integer.parseInt(md.substring(3, 5)));
		}
		if (rule.startsWith("WORKDAY:")) {
			return addWorkingDays.apply(period.to(), Integer.parseInt(rule.substring(8)));
		}
		throw new IllegalArgumentException("Unknown deadline rule " + rule);
	}

	/** Whether a reminder is due today: from {@code remindDays} before the deadline up to the deadline itself. */
	public static boolean remindOn(LocalDate today, LocalDate deadline, int remindDays) {
		return !today.isAfter(deadline) && !today.isBefore(deadline.minusDays(remindDays));
	}

}
