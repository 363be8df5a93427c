package org.bangfu.cases.web;

import java.time.LocalDate;

import org.bangfu.cases.ReviewChains;
import org.bangfu.cases.WorkingCalendar;
import org.bangfu.cases.WorkingCalendar.CalendarDay;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The working-day calendar: everyone reads it; a root administrator adds each year's holidays and make-up days. */
@Controller
class CalendarController {

	private final WorkingCalendar calendar;

	private final PageMessages messages;

	CalendarController(WorkingCalendar calendar, PageMessages messages) {
		this.calendar = calendar;
		this.messages = messages;
	}

	@GetMapping("/calendar")
	@PreAuthorize(CasePages.READ)
	String year(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? LocalDate.now(org.bangfu.shared.BusinessClock.zone()).getYear() : year;
		model.addAttribute("year", y);
		model.addAttribute("days", calendar.year(y));
		model.addAttribute("mayEdit", ReviewChains.mayEdit(Actor.require()));
		return "cases/calendar";
	}

	@PostMapping("/calendar")
	@PreAuthorize("hasRole('ADMIN')")
	String put(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String name,
			@RequestParam(required = false) String nameEn, RedirectAttributes redirect) {
		try {
			if (day == null) {
				throw BangfuException.badField("day", "cases.form.date.required");
			}
			calendar.put(Actor.require(), new CalendarDay(day, kind, name, nameEn));
			redirect.addFlashAttribute("message", messages.get("cases.calendar.saved", day));
			return "redirect:/calendar?year=" + day.getYear();
		}
		catch (BangfuException ex) {
			if (ex.problem() != Problem.BAD_INPUT) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
			return "redirect:/calendar";
		}
	}

	@PostMapping("/calendar/remove")
	@PreAuthorize("hasRole('ADMIN')")
	String remove(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, RedirectAttributes redirect) {
		calendar.remove(Actor.require(), day);
		redirect.addFlashAttribute("message", messages.get("cases.calendar.removed", day));
		return "redirect:/calendar?year=" + day.getYear();
	}

}
