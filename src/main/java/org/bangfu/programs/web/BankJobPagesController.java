package org.bangfu.programs.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.programs.BankJobs;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A cycle's bank batch and the re-issue of its failed lines, queued as jobs from the roster page,
 * and the panel of a bank job that htmx polls every second while the job runs; once it has
 * finished, the page is reloaded (HX-Refresh) so the roster or batch below shows what it changed.
 */
@Controller
class BankJobPagesController {

	private final BankJobPanel panels;

	private final BankJobs bankJobs;

	private final PageMessages messages;

	BankJobPagesController(BankJobPanel panels, BankJobs bankJobs, PageMessages messages) {
		this.panels = panels;
		this.bankJobs = bankJobs;
		this.messages = messages;
	}

	@PostMapping("/programs/cycles/{id}/bank-batch")
	@PreAuthorize(ProgramPageController.ADMINISTER)
	String bankBatch(@PathVariable long id, @RequestParam long layoutId, RedirectAttributes redirect) {
		return withJob(id, redirect, () -> bankJobs.submitBatch(Actor.require().scope(), id, layoutId, null),
				"programs.payout.batchQueued");
	}

	@PostMapping("/programs/cycles/{id}/bank-reissue")
	@PreAuthorize(ProgramPageController.ADMINISTER)
	String bankReissue(@PathVariable long id, RedirectAttributes redirect) {
		return withJob(id, redirect, () -> bankJobs.submitReissue(Actor.require().scope(), id, null),
				"programs.payout.reissueQueued");
	}

	/** Queues a bank job and comes back to the roster with the job's panel; a refusal comes back as an error. */
	private String withJob(long id, RedirectAttributes redirect, java.util.function.LongSupplier submit, String queued) {
		try {
			long job = submit.getAsLong();
			redirect.addFlashAttribute("message", messages.get(queued, job));
			return "redirect:/programs/cycles/" + id + "?job=" + job;
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
			return "redirect:/programs/cycles/" + id;
		}
	}

	@GetMapping("/bank/jobs/{id}/panel")
	@PreAuthorize(BankBatchPagesController.READ)
	String panel(@PathVariable long id, Model model, HttpServletRequest request, HttpServletResponse response) {
		BankJobPanel.Panel panel = panels.of(Actor.require().scope(), id);
		if (panel.job().finished() && request.getHeader("HX-Request") != null) {
			response.setHeader("HX-Refresh", "true");
		}
		model.addAttribute("bankJob", panel);
		return "programs/bank-job :: panel";
	}

}
