package org.bangfu.programs.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.programs.AccountCorrection;
import org.bangfu.programs.AccountCorrections;
import org.bangfu.programs.BankBatchView;
import org.bangfu.programs.Rosters;
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
 * Bulk correction of a cycle's failed bank lines (批量更正失败账户): a table of the failed lines
 * with masked accounts and the bank's reasons, a new account (and optionally the name on it) per
 * line; the corrected lines go out again in follow-up batches.
 */
@Controller
class AccountCorrectionPagesController {

	static final String PAY = "hasAnyRole('ADMIN','FINANCE_OFFICER')";

	private final AccountCorrections corrections;

	private final Rosters rosters;

	private final PageMessages messages;

	AccountCorrectionPagesController(AccountCorrections corrections, Rosters rosters, PageMessages messages) {
		this.corrections = corrections;
		this.rosters = rosters;
		this.messages = messages;
	}

	@GetMapping("/programs/cycles/{id}/corrections")
	@PreAuthorize(PAY)
	String page(@PathVariable long id, Model model) {
		model.addAttribute("c", rosters.cycle(Actor.require().scope(), id));
		model.addAttribute("failed", corrections.failed(Actor.require().scope(), id));
		model.addAttribute("entered", Map.of());
		return "programs/corrections";
	}

	@PostMapping("/programs/cycles/{id}/corrections")
	@PreAuthorize(PAY)
	String correct(@PathVariable long id, @RequestParam(name = "line", required = false) List<Long> lines,
			@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		List<AccountCorrection> given = new ArrayList<>();
		for (Long line : lines == null ? List.<Long>of() : lines) {
			given.add(new AccountCorrection(line, params.get("account-" + line), params.get("name-" + line)));
		}
		try {
			List<BankBatchView> batches = corrections.correct(Actor.require().scope(), id, given, null);
			redirect.addFlashAttribute("message", messages.get("programs.correction.done",
					batches.stream().mapToLong(BankBatchView::lineCount).sum(), batches.size()));
			return "redirect:/programs/cycles/" + id;
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND || ex.problem() == Problem.FORBIDDEN) {
				throw ex;
			}
			model.addAttribute("error", messages.of(ex));
			model.addAttribute("errorField", ex.field());
			model.addAttribute("c", rosters.cycle(Actor.require().scope(), id));
			model.addAttribute("failed", corrections.failed(Actor.require().scope(), id));
			model.addAttribute("entered", params);
			return "programs/corrections";
		}
	}

}
