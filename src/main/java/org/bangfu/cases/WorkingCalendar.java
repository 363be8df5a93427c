package org.bangfu.cases;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bangfu.audit.AuditLog;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working days of mainland China: Monday to Friday, except public holidays, plus weekend days
 * made working days (调休), from the State Council's yearly notices (table cases_calendar_day).
 * Used for notice periods and SLAs counted in working days. Cached for a minute so a change made
 * on one instance reaches the others quickly.
 */
@Service
public class WorkingCalendar {

	/** A listed day: a holiday, or a weekend day that is a working day. */
	public record CalendarDay(LocalDate day, String kind, String name, String nameEn) {

		public boolean holiday() {
			return "holiday".equals(kind);
		}

	}

	private static final Duration TTL = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private volatile Map<LocalDate, Boolean> days = Map.of();

	private volatile Instant loadedAt = Instant.EPOCH;

	WorkingCalendar(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public boolean isWorkingDay(LocalDate date) {
		Boolean listed = days().get(date);
		if (listed != null) {
			return listed;
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/** The date {@code n} working days after {@code from} (from itself not counted); n = 0 gives from. */
	public LocalDate addWorkingDays(LocalDate from, int n) {
		LocalDate d = from;
		for (int left = n; left > 0;) {
			d = d.plusDays(1);
			if (isWorkingDay(d)) {
				left--;
			}
		}
		return d;
	}

	/**
	 * The last day of a period of {@code n} days starting on {@code start} (inclusive): calendar days,
	 * or working days (a start on a day off counts from the next working day).
	 */
	public LocalDate periodEnd(LocalDate start, int n, boolean workingDays) {
		if (!workingDays) {
			return start.plusDays(n - 1L);
		}
		LocalDate d = start;
		int counted = isWorkingDay(d) ? 1 : 0;
		while (counted < n) {
			d = d.plusDays(1);
			if (isWorkingDay(d)) {
				counted++;
			}
		}
		return d;
	}

	/** A due date {@code n} days after {@code from}, in working or calendar days. */
	public LocalDate due(LocalDate from, int n, boolean workingDays) {
		return workingDays ? addWorkingDays(from, n) : from.plusDays(n);
	}

	@Transactional(readOnly = true)
	public List<CalendarDay> year(int year) {
		return jdbc.sql("SELECT day, kind, name, name_en FROM cases_calendar_day WHERE day >= ? AND day < ? ORDER BY day")
			.params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
			.query(CalendarDay.class)
			.list();
	}

	/** Lists a day as a holiday or a working day (a root administrator, when a new yearly notice is out). */
	@Transactional
	public void put(Actor actor, CalendarDay day) {
		requireRootAdmin(actor);
		if (day.day() == null || !("holiday".equals(day.kind()) || "workday".equals(day.kind()))) {
			throw BangfuException.badField("kind", "cases.calendar.kind");
		}
		if (day.name() == null || day.name().isBlank()) {
			throw BangfuException.badField("name", "cases.calendar.name");
		}
		String nameEn = day.nameEn() == null || day.nameEn().isBlank() ? day.name() : day.nameEn();
		jdbc.sql("""
				INSERT INTO cases_calendar_day (day, kind, name, name_en) VALUES (?, ?, ?, ?)
				ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, name_en = EXCLUDED.name_en""")
			.params(day.day(), day.kind(), day.name().strip(), nameEn.strip())
			.update();
		audit.record("calendar.put", "calendarDay", day.day(), Map.of("kind", day.kind(), "name", day.name()));
		loadedAt = Instant.EPOCH;
	}

	@Transactional
	public void remove(Actor actor, LocalDate day) {
		requireRootAdmin(actor);
		jdbc.sql("DELETE FROM cases_calendar_day WHERE day = ?").param(day).update();
		audit.record("calendar.remove", "calendarDay", day, Map.of());
		loadedAt = Instant.EPOCH;
	}

	private static void requireRootAdmin(Actor actor) {
		if (!actor.has(Role.ADMIN) || actor.organisationPath().chars().filter(c -> c == '/').count() != 2) {
			throw BangfuException.forbidden();
		}
	}

	private Map<LocalDate, Boolean> days() {
		if (Instant.now().isAfter(loadedAt.plus(TTL))) {
			Map<LocalDate, Boolean> fresh = new ConcurrentHashMap<>();
			jdbc.sql("SELECT day, kind FROM cases_calendar_day")
				.query((rs, n) -> fresh.put(rs.getObject(1, LocalDate.class), "workday".equals(rs.getString(2))))
				.list();
			days = fresh;
			loadedAt = Instant.now();
		}
		return days;
	}

}
