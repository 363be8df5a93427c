package org.bangfu.monitoring.web;

import java.time.LocalDate;
import java.util.function.Supplier;

import org.bangfu.monitoring.LeadSource;
import org.bangfu.monitoring.MeasureKind;
import org.bangfu.monitoring.MonitoredHouseholds;
import org.bangfu.monitoring.MonitoredKind;
import org.bangfu.monitoring.MonitoringMeasures;
import org.bangfu.monitoring.NewLead;
import org.bangfu.monitoring.NewMeasure;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
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

/** The monitoring lists (flagged, overdue, ready to leave, left), a flagging run, leads, a household's measures and leaving. */
@Controller
class MonitoringPagesController {

	private final MonitoredHouseholds households;

	private final MonitoringMeasures measures;

	private final PageMessages messages;

	private final BusinessClock clock;

	MonitoringPagesController(MonitoredHouseholds households, MonitoringMeasures measures, PageMessages messages,
			BusinessClock clock) {
		this.households = households;
		this.measures = measures;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/monitoring")
	@PreAuthorize(MonitoringRoles.READ)
	String list(@RequestParam(defaultValue = "FLAGGED") MonitoredHouseholds.ListKind list,
			@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("list", list);
		model.addAttribute("lists", MonitoredHouseholds.ListKind.values());
		model.addAttribute("flags", households.list(Actor.require().scope(), list, page));
		model.addAttribute("page", Math.max(1, page));
		model.addAttribute("today", clock.today());
		model.addAttribute("kinds", MonitoredKind.values());
		model.addAttribute("sources", java.util.Arrays.stream(LeadSource.values()).filter(s -> s != LeadSource.RULES).toList());
		return "monitoring/list";
	}

	@PostMapping("/monitoring/runs")
	@PreAuthorize(MonitoringRoles.WRITE)
	String run(RedirectAttributes redirect) {
		return run(redirect, "redirect:/monitoring", () -> {
			long job = households.startRun(Actor.require());
			redirect.addFlashAttribute("jobId", job);
			return "redirect:/monitoring";
		}, "monitoring.page.runStarted");
	}

	@PostMapping("/monitoring/leads")
	@PreAuthorize(MonitoringRoles.WRITE)
	String lead(@RequestParam(required = false) Long householdId, @RequestParam(required = false) MonitoredKind kind,
			@RequestParam(required = false) LeadSource source, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return run(redirect, "redirect:/monitoring", () -> {
			if (householdId == null) {
				throw BangfuException.badField("householdId", "monitoring.household.required");
			}
			households.addLead(Actor.require().scope(), new NewLead(householdId, kind, source, note));
			return "redirect:/monitoring/households/" + householdId;
		}, "monitoring.page.leadAdded");
	}

	@GetMapping("/monitoring/households/{id}")
	@PreAuthorize(MonitoringRoles.READ)
	String household(@PathVariable long id, Model model) {
		model.addAttribute("m", households.household(Actor.require().scope(), id));
		model.addAttribute("measureKinds", MeasureKind.values());
		model.addAttribute("today", clock.today());
		return "monitoring/household";
	}

	@PostMapping("/monitoring/flags/{id}/measures")
	@PreAuthorize(MonitoringRoles.WRITE)
	String measure(@PathVariable long id, @RequestParam(required = false) MeasureKind kind,
			@RequestParam(required = false) String responsible,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) String note, @RequestParam(defaultValue = "false") boolean carriedOut,
			RedirectAttributes redirect) {
		String back = back(id);
		return run(redirect, back, () -> {
			measures.record(Actor.require().scope(), id, new NewMeasure(kind, responsible, on, note, carriedOut));
			return back;
		}, "monitoring.page.measureRecorded");
	}

	@PostMapping("/monitoring/flags/{id}/leave")
	@PreAuthorize(MonitoringRoles.WRITE)
	String proposeLeave(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		String back = back(id);
		return run(redirect, back, () -> {
			measures.proposeLeave(Actor.require().scope(), id, note);
			return back;
		}, "monitoring.page.leaveProposed");
	}

	@PostMapping("/monitoring/flags/{id}/leave/approve")
	@PreAuthorize(MonitoringRoles.REVIEW)
	String approveLeave(@PathVariable long id, RedirectAttributes redirect) {
		String back = back(id);
		return run(redirect, back, () -> {
			measures.approveLeave(Actor.require().scope(), id);
			return back;
		}, "monitoring.page.leaveApproved");
	}

	private String back(long flagId) {
		return "redirect:/monitoring/households/" + households.flag(Actor.require().scope(), flagId).householdId();
	}

	private String run(RedirectAttributes redirect, String onError, Supplier<String> work, String doneKey) {
		return run(redirect, onError, work, doneKey, messages);
	}

	/** Runs a change: its message on success, the error in the user's language next time the page shows. */
	static String run(RedirectAttributes redirect, String onError, Supplier<String> work, String doneKey,
			PageMessages messages) {
		try {
			String target = work.get();
			redirect.addFlashAttribute("message", messages.get(doneKey));
			return target;
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN || ex.problem() == Problem.NOT_FOUND && ex.field() == null) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
			return onError;
		}
	}

}
