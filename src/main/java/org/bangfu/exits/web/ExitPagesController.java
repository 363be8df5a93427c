package org.bangfu.exits.web;

import java.time.LocalDate;
import java.util.function.Supplier;

import org.bangfu.exits.ExitProposals;
import org.bangfu.exits.ExitProposals.SafetyNet;
import org.bangfu.exits.ExitSetting;
import org.bangfu.exits.ExitSettings;
import org.bangfu.exits.ExitFollowUps;
import org.bangfu.identification.Standards;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.registry.Vocabulary.HardshipCause;
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

/** Exit proposals with the safety net and the settings; follow-up visits. */
@Controller
class ExitPagesController {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','AUDITOR')";

	static final String WORK = "hasAnyRole('CASEWORKER','REVIEWER','APPROVER')";

	static final String VISIT = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','PAIRING_CADRE','AUDITOR')";

	static final String VISIT_WRITE = "hasAnyRole('CASEWORKER','REVIEWER','APPROVER','PAIRING_CADRE')";

	private final ExitProposals proposals;

	private final ExitSettings settings;

	private final ExitFollowUps followUps;

	private final Standards standards;

	private final PageMessages messages;

	ExitPagesController(ExitProposals proposals, ExitSettings settings, ExitFollowUps followUps, Standards standards,
			PageMessages messages) {
		this.proposals = proposals;
		this.settings = settings;
		this.followUps = followUps;
		this.standards = standards;
		this.messages = messages;
	}

	@GetMapping("/exit-proposals")
	@PreAuthorize(READ)
	String list(Model model) {
		Actor actor = Actor.require();
		model.addAttribute("proposals", proposals.list(actor));
		model.addAttribute("setting", settings.of(actor.organisationId()));
		model.addAttribute("kinds", standards.kinds());
		model.addAttribute("nets", SafetyNet.values());
		return "exits/proposals";
	}

	@PostMapping("/exit-proposals/{householdId}/case")
	@PreAuthorize(WORK)
	String openCase(@PathVariable long householdId, RedirectAttributes redirect) {
		return run(redirect, "redirect:/exit-proposals", () -> "redirect:/cases/" + proposals.openExitCase(Actor.require(), householdId).id(),
				"exits.page.caseOpened");
	}

	@PostMapping("/exit-proposals/{householdId}/dismiss")
	@PreAuthorize(WORK)
	String dismiss(@PathVariable long householdId, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return run(redirect, "redirect:/exit-proposals", () -> {
			proposals.dismiss(Actor.require(), householdId, reason);
			return "redirect:/exit-proposals";
		}, "exits.page.dismissed");
	}

	@PostMapping("/exit-proposals/{householdId}/safety-net")
	@PreAuthorize(WORK)
	String safetyNet(@PathVariable long householdId, @RequestParam(required = false) SafetyNet net,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return run(redirect, "redirect:/exit-proposals", () -> "redirect:/cases/" + proposals.openSafetyNetCase(Actor.require(), householdId, net, note).id(),
				"exits.page.caseOpened");
	}

	@PostMapping("/exit-proposals/{householdId}/resolve")
	@PreAuthorize(WORK)
	String resolve(@PathVariable long householdId, @RequestParam(required = false) HardshipCause cause,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return run(redirect, "redirect:/exit-proposals", () -> {
			proposals.resolveCause(Actor.require(), householdId, cause, note);
			return "redirect:/exit-proposals";
		}, "exits.page.resolved");
	}

	@PostMapping("/exit-settings")
	@PreAuthorize("hasRole('ADMIN')")
	String saveSettings(@RequestParam(required = false) String lineKind, @RequestParam(defaultValue = "-1") int transitionMonths,
			@RequestParam(defaultValue = "0") int followUpMonths, @RequestParam(defaultValue = "0") int followUpIntervalMonths,
			RedirectAttributes redirect) {
		return run(redirect, "redirect:/exit-proposals", () -> {
			settings.save(Actor.require(), new ExitSetting(lineKind, transitionMonths, followUpMonths, followUpIntervalMonths, null));
			return "redirect:/exit-proposals";
		}, "exits.page.settingsSaved");
	}

	@GetMapping("/follow-ups")
	@PreAuthorize(VISIT)
	String followUps(@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) Long householdId,
			Model model) {
		model.addAttribute("rows", followUps.list(Actor.require(), householdId, overdue));
		model.addAttribute("overdue", overdue);
		model.addAttribute("today", followUps.today());
		return "exits/follow-ups";
	}

	@PostMapping("/follow-ups/{id}/visit")
	@PreAuthorize(VISIT_WRITE)
	String visit(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
			@RequestParam(required = false) String visitors, @RequestParam(required = false) String findings,
			@RequestParam(required = false) Boolean stable, RedirectAttributes redirect) {
		return run(redirect, "redirect:/follow-ups", () -> {
			followUps.record(Actor.require(), id, visitedOn, visitors, findings, stable);
			return "redirect:/follow-ups";
		}, "exits.page.visitRecorded");
	}

	private String run(RedirectAttributes redirect, String onError, Supplier<String> work, String doneKey) {
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
