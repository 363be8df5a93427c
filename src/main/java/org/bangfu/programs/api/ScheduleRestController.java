package org.bangfu.programs.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.programs.LunarDate;
import org.bangfu.programs.ScheduleOccurrence;
import org.bangfu.programs.Schedules;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/schedules")
@Tag(name = "Schedules", description = "When programs pay: Gregorian and Chinese lunar dates resolved for any year")
class ScheduleRestController {

	static final String READ = "hasAnyRole('ADMIN','REVIEWER','APPROVER','FINANCE_OFFICER','AUDITOR')";

	private final Schedules schedules;

	ScheduleRestController(Schedules schedules) {
		this.schedules = schedules;
	}

	@GetMapping("/occurrences")
	@PreAuthorize(READ)
	@Operation(summary = "The dates a schedule falls on in a year, or between two dates",
			description = "spec: date 2026-10-18 | monthly 5 | quarterly 1 15 | month 8 [day] | lunar 09-09 | "
					+ "lunar 12-25 before (a deadline, payBy on the last working day on or before it) | event HEAT_ORANGE. "
					+ "A bad spec or a start after the end answers 400 with the reason.")
	List<ScheduleOccurrence> occurrences(@RequestParam String spec,
			@Parameter(description = "a Gregorian year (or give from and to)") @RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		if (year != null) {
			return schedules.occurrences(Actor.require().scope(), spec, checked(year));
		}
		return schedules.due(Actor.require().scope(), spec, from, to);
	}

	@GetMapping("/festivals")
	@PreAuthorize(READ)
	@Operation(summary = "The lunar festivals of a year with their Gregorian dates (春节, 元宵, 端午, 七夕, 中秋, 重阳, 腊八, 除夕)")
	List<ScheduleOccurrence> festivals(@RequestParam int year) {
		return schedules.festivals(checked(year));
	}

	@GetMapping("/lunar")
	@PreAuthorize(READ)
	@Operation(summary = "The Chinese lunar date of a Gregorian date")
	LunarDate lunar(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		checked(date.getYear());
		return schedules.lunar(date);
	}

	static int checked(int year) {
		if (year < 1901 || year > 2099) {
			throw BangfuException.badField("year", "schedules.year.invalid");
		}
		return year;
	}

}
