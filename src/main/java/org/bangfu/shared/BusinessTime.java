package org.bangfu.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place times are turned into text for people — pages ({@code #times} in templates),
 * PDFs, spreadsheets, CSV and file names: a moment ({@link Instant}, {@link OffsetDateTime},
 * {@link ZonedDateTime}, {@link Date}) is shown in the business time zone
 * ({@link BusinessClock#zone()}), whatever the server's or the JVM's zone. A {@link LocalDate} or
 * {@link LocalDateTime} is already a business date or wall time and is shown as it is.
 */
public final class BusinessTime {

	public static final String MINUTES = "yyyy-MM-dd HH:mm";

	public static final String SECONDS = "yyyy-MM-dd HH:mm:ss";

	public static final String DATE = "yyyy-MM-dd";

	private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

	private BusinessTime() {
	}

	/** The value in the business time zone (local values as they are); null stays null. */
	public static TemporalAccessor inZone(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Instant i) {
			return i.atZone(BusinessClock.zone());
		}
		if (value instanceof OffsetDateTime o) {
			return o.atZoneSameInstant(BusinessClock.zone());
		}
		if (value instanceof ZonedDateTime z) {
			return z.withZoneSameInstant(BusinessClock.zone());
		}
		if (value instanceof java.sql.Date d) {
			return d.toLocalDate();
		}
		if (value instanceof Date d) {
			return d.toInstant().atZone(BusinessClock.zone());
		}
		if (value instanceof TemporalAccessor t) {
			return t;
		}
		throw new IllegalArgumentException("Not a time: " + value.getClass().getName());
	}

	/** The value formatted with the pattern in the business time zone; null gives "". */
	public static String format(Object value, String pattern) {
		TemporalAccessor t = inZone(value);
		return t == null ? "" : FORMATTERS.computeIfAbsent(pattern, DateTimeFormatter::ofPattern).format(t);
	}

	/** 2026-11-28 22:04 */
	public static String minutes(Object value) {
		return format(value, MINUTES);
	}

	/** 2026-11-28 22:04:05 */
	public static String seconds(Object value) {
		return format(value, SECONDS);
	}

	/** 2026-11-28 (the business date of a moment) */
	public static String date(Object value) {
		return format(value, DATE);
	}

	/** The business date of a moment. */
	public static LocalDate dateOf(Instant moment) {
		return LocalDate.ofInstant(moment, BusinessClock.zone());
	}

}
