package org.bangfu.exits.web;

import java.time.LocalDate;

import org.bangfu.exits.StatusCorrections;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
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

/** Administrators' status corrections: the request form, the list, and the second administrator's decision. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CorrectionPagesController {

	private final StatusCorrections corrections;

	private final PageMessages messages;

	CorrectionPagesController(StatusCorrections corrections, PageMessages messages) {
		this.corrections = corrections;
		this.messages = messages;
	}

	@GetMapping("/status-corrections")
	String list(@RequestParam(required = false) Long householdId, Model model) {
		model.addAttribute("rows", corrections.list(Actor.require()));
		model.addAttribute("householdId", householdId);
		model.addAttribute("targets", new HouseholdStatus[] { HouseholdStatus.FILED, HouseholdStatus.EXITED, HouseholdStatus.CLOSED });
		model.addAttribute("me", Actor.require().userId());
		return "exits/corrections";
	}

	@PostMapping("/status-corrections")
	String request(@RequestParam(required = false) Long householdId, @RequestParam(required = false) HouseholdStatus target,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate exitDate,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			if (householdId == null) {
				throw BangfuException.badField("householdId", "exits.correction.householdRequired");
			}
			corrections.request(Actor.require(), householdId, target, exitDate, reason);
			redirect.addFlashAttribute("message", messages.get("exits.page.correctionRequested"));
		}
		catch (BangfuException ex) {
			rethrowHard(ex);
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/status-corrections";
	}

	@PostMapping("/status-corrections/{id}/decision")
	String decide(@PathVariable long id, @RequestParam(defaultValue = "false") boolean approve,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			corrections.decide(Actor.require(), id, approve, note);
			redirect.addFlashAttribute("message", messages.get(approve ? "exits.page.correctionApproved" : "exits.page.correctionRejected"));
		}
		catch (BangfuException ex) {
			rethrowHard(ex);
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/status-corrections";
	}

	private static void rethrowHard(BangfuException ex) {
		if (ex.problem() == Problem.FORBIDDEN) {
			throw ex;
		}
	}

}
