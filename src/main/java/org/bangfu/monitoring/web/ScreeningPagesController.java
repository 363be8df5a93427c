package org.bangfu.monitoring.web;

import java.math.BigDecimal;

import org.bangfu.monitoring.DisasterScreenings;
import org.bangfu.monitoring.MonitoringSettings;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.programs.Events;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Disaster screenings (start from an event, the households to visit), relief granted first and its review, deadlines. */
@Controller
class ScreeningPagesController {

	private final DisasterScreenings screenings;

	private final Events events;

	private final MonitoringSettings settings;

	private final PageMessages messages;

	ScreeningPagesController(DisasterScreenings screenings, Events events, MonitoringSettings settings,
			PageMessages messages) {
		this.screenings = screenings;
		this.events = events;
		this.settings = settings;
		this.messages = messages;
	}

	@GetMapping("/monitoring/screenings")
	@PreAuthorize(MonitoringRoles.READ)
	String screenings(Model model) {
		var scope = Actor.require().scope();
		model.addAttribute("screenings", screenings.list(scope));
		model.addAttribute("events", events.list(scope, false, 1, 50));
		return "monitoring/screenings";
	}

	@PostMapping("/monitoring/screenings")
	@PreAuthorize(MonitoringRoles.WRITE)
	String start(@RequestParam(required = false) Long eventId, RedirectAttributes redirect) {
		return MonitoringPagesController.run(redirect, "redirect:/monitoring/screenings", () -> {
			if (eventId == null) {
				throw BangfuException.badField("eventId", "monitoring.screening.event.required");
			}
			return "redirect:/monitoring/screenings/" + screenings.start(Actor.require(), eventId).id();
		}, "monitoring.page.screeningStarted", messages);
	}

	@GetMapping("/monitoring/screenings/{id}")
	@PreAuthorize(MonitoringRoles.READ)
	String screening(@PathVariable long id, @RequestParam(required = false) Boolean visited, Model model) {
		var scope = Actor.require().scope();
		model.addAttribute("s", screenings.get(scope, id));
		model.addAttribute("rows", screenings.households(scope, id, visited));
		model.addAttribute("visited", visited);
		return "monitoring/screening";
	}

	@PostMapping("/monitoring/screenings/{id}/households/{householdId}/visit")
	@PreAuthorize(MonitoringRoles.WRITE)
	String visit(@PathVariable long id, @PathVariable long householdId, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		String back = "redirect:/monitoring/screenings/" + id;
		return MonitoringPagesController.run(redirect, back, () -> {
			screenings.recordVisit(Actor.require().scope(), id, householdId, note);
			return back;
		}, "monitoring.page.visitRecorded", messages);
	}

	@GetMapping("/monitoring/reliefs")
	@PreAuthorize(MonitoringRoles.READ)
	String reliefs(@RequestParam(defaultValue = "false") boolean pending, Model model) {
		model.addAttribute("reliefs", screenings.reliefs(Actor.require().scope(), pending));
		model.addAttribute("pending", pending);
		return "monitoring/reliefs";
	}

	@PostMapping("/monitoring/reliefs")
	@PreAuthorize(MonitoringRoles.WRITE)
	String grant(@RequestParam(required = false) Long householdId, @RequestParam(required = false) Long screeningId,
			@RequestParam(required = false) BigDecimal amount, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return MonitoringPagesController.run(redirect, "redirect:/monitoring/reliefs", () -> {
			if (householdId == null) {
				throw BangfuException.badField("householdId", "monitoring.household.required");
			}
			screenings.grantRelief(Actor.require().scope(), householdId, screeningId, amount, note);
			return "redirect:/monitoring/reliefs";
		}, "monitoring.page.reliefGranted", messages);
	}

	@PostMapping("/monitoring/reliefs/{id}/review")
	@PreAuthorize(MonitoringRoles.REVIEW)
	String review(@PathVariable long id, @RequestParam(defaultValue = "true") boolean confirmed,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return MonitoringPagesController.run(redirect, "redirect:/monitoring/reliefs", () -> {
			screenings.reviewRelief(Actor.require().scope(), id, confirmed, note);
			return "redirect:/monitoring/reliefs";
		}, "monitoring.page.reliefReviewed", messages);
	}

	@GetMapping("/monitoring/settings")
	@PreAuthorize(MonitoringRoles.READ)
	String settings(Model model) {
		model.addAttribute("setting", settings.of(Actor.require().organisationId()));
		return "monitoring/settings";
	}

	@PostMapping("/monitoring/settings")
	@PreAuthorize(MonitoringRoles.ADMIN)
	String save(@RequestParam(required = false) Integer measureDays, @RequestParam(defaultValue = "false") boolean workingDays,
			@RequestParam(required = false) Integer screeningDays, RedirectAttributes redirect) {
		return MonitoringPagesController.run(redirect, "redirect:/monitoring/settings", () -> {
			settings.save(Actor.require(), measureDays, workingDays, screeningDays);
			return "redirect:/monitoring/settings";
		}, "monitoring.page.settingsSaved", messages);
	}

}
