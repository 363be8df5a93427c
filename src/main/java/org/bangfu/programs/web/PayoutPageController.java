package org.bangfu.programs.web;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.programs.Payouts;
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

/** The payer of the finance officer's organisation, and a person's own account, as forms. */
@Controller
class PayoutPageController {

	private final Payouts payouts;

	private final PageMessages messages;

	PayoutPageController(Payouts payouts, PageMessages messages) {
		this.payouts = payouts;
		this.messages = messages;
	}

	@GetMapping("/bank/payer")
	@PreAuthorize(ProgramPageController.ADMINISTER)
	String payer(@RequestParam(required = false) Long back, Model model) {
		var payer = payouts.payer(Actor.require().scope());
		model.addAttribute("name", payer.map(p -> p.name()).orElse(""));
		model.addAttribute("account", payer.map(p -> p.account()).orElse(""));
		model.addAttribute("back", back);
		return "programs/payer";
	}

	@PostMapping("/bank/payer")
	@PreAuthorize(ProgramPageController.ADMINISTER)
	String savePayer(@RequestParam(required = false) String name, @RequestParam(required = false) String account,
			@RequestParam(required = false) Long back, Model model, RedirectAttributes redirect) {
		try {
			payouts.savePayer(Actor.require().scope(), name, account);
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN) {
				throw ex;
			}
			model.addAttribute("error", messages.of(ex));
			model.addAttribute("name", name);
			model.addAttribute("account", account);
			model.addAttribute("back", back);
			return "programs/payer";
		}
		redirect.addFlashAttribute("message", messages.get("programs.payout.payerSaved"));
		return back == null ? "redirect:/bank/payer" : "redirect:/programs/cycles/" + back;
	}

	@GetMapping("/households/{householdId}/members/{memberId}/bank-account")
	@PreAuthorize(ProgramPageController.ADMINISTER)
	String memberAccount(@PathVariable long householdId, @PathVariable long memberId, Model model) {
		payouts.requireMember(Actor.require().scope(), householdId, memberId);
		model.addAttribute("householdId", householdId);
		model.addAttribute("memberId", memberId);
		return "programs/member-account";
	}

	@PostMapping("/households/{householdId}/members/{memberId}/bank-account")
	@PreAuthorize(ProgramPageController.ADMINISTER)
	String saveMemberAccount(@PathVariable long householdId, @PathVariable long memberId,
			@RequestParam(required = false) String bankName, @RequestParam(required = false) String account, Model model,
			RedirectAttributes redirect) {
		try {
			payouts.saveMemberAccount(Actor.require().scope(), householdId, memberId, bankName, account);
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN || ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			model.addAttribute("error", messages.of(ex));
			model.addAttribute("householdId", householdId);
			model.addAttribute("memberId", memberId);
			model.addAttribute("bankName", bankName);
			return "programs/member-account";
		}
		redirect.addFlashAttribute("message", messages.get("programs.payout.accountSaved"));
		return "redirect:/households/" + householdId + "/members/" + memberId + "/bank-account";
	}

}
