package org.bangfu.programs.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.programs.Events;
import org.bangfu.programs.ScheduleOccurrence;
import org.bangfu.programs.Schedules;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The programs' calendar of a year: lunar festivals with their Gregorian dates, any schedules typed
 * in resolved to dates, and the events declared in the user's scope.
 */
@Controller
class ScheduleCalendarController {

	static final String READ = "hasAnyRole('ADMIN','REVIEWER','APPROVER','FINANCE_OFFICER','AUDITOR')";

	/** A schedule typed in and its dates in the year, or why it was not understood. */
	record ResolvedSpec(String spec, List<ScheduleOccurrence> occurrences, String error) {
	}

	private final Schedules schedules;

	private final Events events;

	private final BusinessClock clock;

	private final PageMessages messages;

	/** A program's date in the year. */
	record ProgramDate(org.bangfu.programs.ProgramView program, ScheduleOccurrence occurrence) {
	}

	private final org.bangfu.programs.Programs programs;

	ScheduleCalendarController(Schedules schedules, Events events, BusinessClock clock, PageMessages messages,
			org.bangfu.programs.Programs programs) {
		this.programs = programs;
		this.schedules = schedules;
		this.events = events;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping("/programs/calendar")
	@PreAuthorize(READ)
	String calendar(@RequestParam(required = false) Integer year, @RequestParam(required = false) String specs,
			Model model) {
		LocalDate today = clock.today();
		int y = year == null ? today.getYear() : year;
		if (y < 1901 || y > 2099) {
			model.addAttribute("error", messages.get("schedules.year.invalid"));
			y = today.getYear();
		}
		List<ResolvedSpec> resolved = new ArrayList<>();
		if (specs != null) {
			for (String line : specs.split("\\R")) {
				if (!line.isBlank()) {
					resolved.add(resolve(Actor.require().scope(), line.strip(), y));
				}
			}
		}
		model.addAttribute("year", y);
		model.addAttribute("today", today);
		model.addAttribute("todayLunar", schedules.lunar(today));
		model.addAttribute("festivals", schedules.festivals(y));
		model.addAttribute("specs", specs == null ? "" : specs);
		model.addAttribute("resolved", resolved);
		model.addAttribute("events", events.between(Actor.require().scope(), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)));
		model.addAttribute("programDates", programDates(y));
		return "programs/calendar";
	}

	private ResolvedSpec resolve(org.bangfu.shared.Scope scope, String spec, int year) {
		try {
			return new ResolvedSpec(spec, schedules.occurrences(scope, spec, year), null);
		}
		catch (BangfuException ex) {
			return new ResolvedSpec(spec, List.of(), messages.of(ex));
		}
	}

	/** The dates of the active programs in the caller's scope in the year, by date (event schedules have none). */
	private List<ProgramDate> programDates(int year) {
		List<ProgramDate> out = new ArrayList<>();
		for (org.bangfu.programs.ProgramView p : programs.list(Actor.require().scope())) {
			if (!p.active()) {
				continue;
			}
			try {
				if (Schedules.parse(p.content().schedule()) instanceof org.bangfu.programs.ScheduleSpec.OnEvent) {
					continue;
				}
				schedules.occurrences(p.content().schedule(), year).forEach(o -> out.add(new ProgramDate(p, o)));
			}
			catch (org.bangfu.shared.BangfuException ex) {
				// a schedule that does not parse has no dates
			}
		}
		out.sort(java.util.Comparator.comparing((ProgramDate d) -> d.occurrence().date()).thenComparing(d -> d.program().code()));
		return out;
	}

}
