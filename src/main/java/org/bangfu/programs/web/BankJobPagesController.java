package org.bangfu.programs.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.bangfu.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The panel of a bank job that htmx polls every second while the job runs; once it has finished,
 * the page is reloaded (HX-Refresh) so the roster or batch below shows what the job changed.
 */
@Controller
class BankJobPagesController {

	private final BankJobPanel panels;

	BankJobPagesController(BankJobPanel panels) {
		this.panels = panels;
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
