package org.bangfu.cases.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.cases.WorkingCalendar;
import org.bangfu.cases.WorkingCalendar.CalendarDay;
import org.bangfu.shared.Actor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Working-day calendar", description = "Public holidays and make-up workdays (调休) used for notice periods and SLAs in working days")
class CalendarRestController {

	/** A day to list: kind "holiday" or "workday", its name in Chinese and English. */
	record DayBody(String kind, String name, String nameEn) {
	}

	private final WorkingCalendar calendar;

	CalendarRestController(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping("/{year}")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "The listed days of a year (days not listed are working days Monday to Friday)")
	List<CalendarDay> year(@PathVariable int year) {
		return calendar.year(year);
	}

	@PutMapping("/{date}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "List a day as a holiday or a make-up working day (root administrators, when a new yearly notice is out)")
	CalendarDay put(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestBody DayBody body) {
		calendar.put(Actor.require(), new CalendarDay(date, body.kind(), body.name(), body.nameEn()));
		return calendar.year(date.getYear()).stream().filter(d -> d.day().equals(date)).findFirst().orElseThrow();
	}

	@DeleteMapping("/{date}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Remove a listed day")
	ResponseEntity<Void> remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		calendar.remove(Actor.require(), date);
		return ResponseEntity.noContent().build();
	}

}
