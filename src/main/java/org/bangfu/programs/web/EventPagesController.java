package org.bangfu.programs.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bangfu.organisation.Organisations;
import org.bangfu.organisation.RegionView;
import org.bangfu.organisation.Regions;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.programs.EventDeclaration;
import org.bangfu.programs.EventKind;
import org.bangfu.programs.EventView;
import org.bangfu.programs.Events;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Declared events: the list, the declaration form (regions added one by one with the region
 * picker; the region still chosen in the picker counts too), the detail with who it reaches, and
 * ending an event early.
 */
@Controller
class EventPagesController {

	static final String DECLARE = "hasAnyRole('ADMIN','REVIEWER','APPROVER','FINANCE_OFFICER')";

	/** The declaration form as typed. */
	record EventForm(EventKind kind, String otherName, List<String> regionCodes, LocalDate from, LocalDate to,
			String note, Long organisationId) {
	}

	private final Events events;

	private final Regions regions;

	private final Organisations organisations;

	private final PageMessages messages;

	private final org.bangfu.programs.Rosters rosters;

	EventPagesController(Events events, Regions regions, Organisations organisations, PageMessages messages,
			org.bangfu.programs.Rosters rosters) {
		this.rosters = rosters;
		this.events = events;
		this.regions = regions;
		this.organisations = organisations;
		this.messages = messages;
	}

	@GetMapping("/programs/events")
	@PreAuthorize(ScheduleCalendarController.READ)
	String list(@RequestParam(defaultValue = "false") boolean current, @RequestParam(defaultValue = "1") int page,
			Model model) {
		model.addAttribute("events", events.list(Actor.require().scope(), current, page, 50));
		model.addAttribute("current", current);
		model.addAttribute("page", Math.max(1, page));
		return "programs/events";
	}

	@GetMapping("/programs/events/new")
	@PreAuthorize(DECLARE)
	String form(Model model) {
		return form(new EventForm(null, null, List.of(), null, null, null, null), null, model);
	}

	@PostMapping("/programs/events/new")
	@PreAuthorize(DECLARE)
	String declare(@RequestParam(required = false) EventKind kind, @RequestParam(required = false) String otherName,
			@RequestParam(required = false) List<String> regionCodes, @RequestParam(required = false) String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String note, @RequestParam(required = false) Long organisationId,
			@RequestParam(required = false) String action, @RequestParam(required = false) String remove, Model model,
			RedirectAttributes redirect) {
		Set<String> codes = new LinkedHashSet<>(regionCodes == null ? List.of() : regionCodes);
		codes.removeIf(c -> c == null || c.isBlank());
		if (region != null && !region.isBlank()) {
			codes.add(region.strip());
		}
		if (remove != null) {
			codes.remove(remove);
		}
		EventForm form = new EventForm(kind, otherName, new ArrayList<>(codes), from, to, note, organisationId);
		if (remove != null || "add".equals(action)) {
			return form(form, null, model);
		}
		try {
			EventView e = events.declare(Actor.require(), new EventDeclaration(kind, otherName, form.regionCodes(), from,
					to, note, organisationId));
			redirect.addFlashAttribute("message", messages.get("schedules.events.declared", e.id()));
			return "redirect:/programs/events/" + e.id();
		}
		catch (BangfuException ex) {
			if (ex.problem() != Problem.BAD_INPUT) {
				throw ex;
			}
			return form(form, ex, model);
		}
	}

	@GetMapping("/programs/events/{id}")
	@PreAuthorize(ScheduleCalendarController.READ)
	String detail(@PathVariable long id, @RequestParam(defaultValue = "1") int page, Model model) {
		var scope = Actor.require().scope();
		model.addAttribute("e", events.get(scope, id));
		model.addAttribute("reach", events.reach(scope, id, page, 20));
		model.addAttribute("proposed", rosters.proposedBy(scope, id));
		return "programs/event";
	}

	@PostMapping("/programs/events/{id}/end")
	@PreAuthorize(DECLARE)
	String end(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			events.end(Actor.require(), id, reason);
			redirect.addFlashAttribute("message", messages.get("schedules.events.ended", id));
		}
		catch (BangfuException ex) {
			if (ex.problem() != Problem.BAD_INPUT && ex.problem() != Problem.CONFLICT) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/programs/events/" + id;
	}

	private String form(EventForm form, BangfuException error, Model model) {
		var scope = Actor.require().scope();
		Map<String, RegionView> found = regions.findAll(form.regionCodes().stream().filter(c -> c.matches("\\d{12}")).toList());
		List<RegionView> chosen = new ArrayList<>();
		for (String code : form.regionCodes()) {
			chosen.add(found.getOrDefault(code, new RegionView(code, code, 0, null)));
		}
		model.addAttribute("form", form);
		model.addAttribute("chosen", chosen);
		model.addAttribute("kinds", EventKind.values());
		model.addAttribute("organisations", organisations.tree(scope));
		if (error != null) {
			model.addAttribute("errorField", error.field());
			model.addAttribute("error", messages.of(error));
		}
		return "programs/event-new";
	}

}
