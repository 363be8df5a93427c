package org.bangfu.funds.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.bangfu.funds.Budgets;
import org.bangfu.funds.Donations;
import org.bangfu.funds.FundTransfers;
import org.bangfu.funds.Funds;
import org.bangfu.funds.NewDonation;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BusinessClock;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Budgets of a year, donations (form and list, anonymous donors unnamed), transfers proposed and decided (four eyes). */
@Controller
class FundBookPagesController {

	private final Funds funds;

	private final Budgets budgets;

	private final Donations donations;

	private final FundTransfers transfers;

	private final PageMessages messages;

	private final BusinessClock clock;

	FundBookPagesController(Funds funds, Budgets budgets, Donations donations, FundTransfers transfers,
			PageMessages messages, BusinessClock clock) {
		this.funds = funds;
		this.budgets = budgets;
		this.donations = donations;
		this.transfers = transfers;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/funds/budgets")
	@PreAuthorize(FundRoles.READ)
	String budgets(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		var scope = Actor.require().scope();
		model.addAttribute("year", y);
		model.addAttribute("budgets", budgets.list(scope, y));
		model.addAttribute("funds", funds.list(scope));
		return "funds/budgets";
	}

	@PostMapping("/funds/budgets")
	@PreAuthorize(FundRoles.WRITE)
	String setBudget(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long fundId,
			@RequestParam(required = false) String programCode, @RequestParam(required = false) BigDecimal amount,
			RedirectAttributes redirect) {
		int y = year == null ? clock.today().getYear() : year;
		return FundPagesController.run(redirect, "redirect:/funds/budgets?year=" + y, () -> {
			if (fundId == null) {
				throw org.bangfu.shared.BangfuException.badField("fundId", "funds.fund.required");
			}
			budgets.set(Actor.require().scope(), y, fundId, programCode, amount);
			return "redirect:/funds/budgets?year=" + y;
		}, "funds.page.budgetSaved", messages);
	}

	@GetMapping("/funds/donations")
	@PreAuthorize(FundRoles.READ)
	String donations(@RequestParam(defaultValue = "0") int offset, Model model) {
		var scope = Actor.require().scope();
		model.addAttribute("donations", donations.list(scope, null, offset, 100));
		model.addAttribute("funds", funds.list(scope));
		model.addAttribute("today", clock.today());
		model.addAttribute("offset", offset);
		return "funds/donations";
	}

	@PostMapping("/funds/donations")
	@PreAuthorize(FundRoles.WRITE)
	String donate(@RequestParam(required = false) Long fundId, @RequestParam(required = false) String donorKind,
			@RequestParam(required = false) String donorName, @RequestParam(defaultValue = "false") boolean anonymous,
			@RequestParam(required = false) String form, @RequestParam(required = false) String goods,
			@RequestParam(required = false) BigDecimal amount,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
			@RequestParam(required = false) String purpose, @RequestParam(required = false) String receiptNo,
			RedirectAttributes redirect) {
		return FundPagesController.run(redirect, "redirect:/funds/donations", () -> {
			donations.record(Actor.require().scope(), new NewDonation(fundId, donorKind, donorName, anonymous, form, goods, amount,
					receivedOn, purpose, receiptNo));
			return "redirect:/funds/donations";
		}, "funds.page.donationSaved", messages);
	}

	@GetMapping("/funds/transfers")
	@PreAuthorize(FundRoles.READ)
	String transfers(Model model) {
		var scope = Actor.require().scope();
		model.addAttribute("transfers", transfers.list(scope));
		model.addAttribute("funds", funds.list(scope));
		return "funds/transfers";
	}

	@PostMapping("/funds/transfers")
	@PreAuthorize(FundRoles.WRITE)
	String propose(@RequestParam(required = false) Long fromFundId, @RequestParam(required = false) Long toFundId,
			@RequestParam(required = false) BigDecimal amount, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return FundPagesController.run(redirect, "redirect:/funds/transfers", () -> {
			if (fromFundId == null || toFundId == null) {
				throw org.bangfu.shared.BangfuException.badField("fromFundId", "funds.fund.required");
			}
			transfers.propose(Actor.require().scope(), fromFundId, toFundId, amount, reason);
			return "redirect:/funds/transfers";
		}, "funds.page.transferProposed", messages);
	}

	@PostMapping("/funds/transfers/{id}/approve")
	@PreAuthorize(FundRoles.WRITE)
	String approve(@PathVariable long id, RedirectAttributes redirect) {
		return FundPagesController.run(redirect, "redirect:/funds/transfers", () -> {
			transfers.approve(Actor.require().scope(), id);
			return "redirect:/funds/transfers";
		}, "funds.page.transferApproved", messages);
	}

	@PostMapping("/funds/transfers/{id}/reject")
	@PreAuthorize(FundRoles.WRITE)
	String reject(@PathVariable long id, RedirectAttributes redirect) {
		return FundPagesController.run(redirect, "redirect:/funds/transfers", () -> {
			transfers.reject(Actor.require().scope(), id);
			return "redirect:/funds/transfers";
		}, "funds.page.transferRejected", messages);
	}

}
