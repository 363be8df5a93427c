package org.bangfu.reporting;

import java.time.LocalDate;
import java.time.YearMonth;

import org.bangfu.shared.BangfuException;

/** A period a report covers: a year (2026), a quarter (2026-Q3) or a month (2026-10), with its first and last day. */
public record ReportPeriod(String key, PeriodKind kind, LocalDate from, LocalDate to) {

	public enum PeriodKind {

		MONTH, QUARTER, YEAR

	}

	public static ReportPeriod parse(String key) {
		String k = key == null ? "" : key.trim();
		try {
			if (k.matches("\\d{4}")) {
				int y = Integer.parseInt(k);
				return new ReportPeriod(k, PeriodKind.YEAR, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
			}
			if (k.matches("\\d{4}-Q[1-4]")) {
				int y = Integer.parseInt(k.substring(0, 4));
				int q = k.charAt(6) - '0';
				LocalDate from = LocalDate.of(y, (q - 1) * 3 + 1, 1);
				return new ReportPeriod(k, PeriodKind.QUARTER, from, from.plusMonths(3).minusDays(1));
			}
			if (k.matches("\\d{4}-(0[1-9]|1[0-2])")) {
				YearMonth m = YearMonth.parse(k);
				return new ReportPeriod(k, PeriodKind.MONTH, m.atDay(1), m.atEndOfMonth());
			}
		}
		catch (RuntimeException ex) {
			// falls through to the error naming the value
		}
		throw BangfuException.badField("period", "reporting.period.malformed", k);
	}

	/** The period of the given kind that contains the date. */
	public static ReportPeriod containing(PeriodKind kind, LocalDate date) {
		return switch (kind) {
			case YEAR -> parse(String.valueOf(date.getYear()));
			case QUARTER -> parse(date.getYear() + "-Q" + ((date.getMonthValue() - 1) / 3 + 1));
			case MONTH -> parse(YearMonth.from(date).toString());
		};
	}

	/** The period of the same kind just before this one. */
	public ReportPeriod previous() {
		return containing(kind, from.minusDays(1));
	}

	public int year() {
		return from.getYear();
	}

}
