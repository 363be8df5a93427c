package org.bangfu.funds.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;

import org.bangfu.funds.FundSource;
import org.bangfu.funds.FundView;
import org.bangfu.funds.Funds;
import org.bangfu.funds.Ledger;
import org.bangfu.funds.NewFund;
import org.bangfu.platform.web.PageMessages;
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

/** The funds list with balances at a date, a fund's page with its entries page by page, opening a fund, money received. */
@Controller
class FundPagesController {

	static final int PAGE = 50;

	private final Funds funds;

	private final Ledger ledger;

	private final PageMessages messages;

	private final org.bangfu.shared.BusinessClock clock;

	FundPagesController(Funds funds, Ledger ledger, PageMessages messages, org.bangfu.shared.BusinessClock clock) {
		this.clock = clock;
		this.funds = funds;
		this.ledger = ledger;
		this.messages = messages;
	}

	@GetMapping("/funds")
	@PreAuthorize(FundRoles.READ)
	String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
			@RequestParam(required = false) String by, Model model) {
		var scope = Actor.require().scope();
		model.addAttribute("funds", at == null ? funds.list(scope) : funds.list(scope, at));
		model.addAttribute("at", at);
		model.addAttribute("by", by == null ? "program" : by);
		model.addAttribute("balances", ledger.balances(scope, by == null ? "program" : by, at));
		model.addAttribute("sources", FundSource.values());
		model.addAttribute("reportYear", (at == null ? clock.today() : at).getYear());
		return "funds/list";
	}

	@PostMapping("/funds")
	@PreAuthorize(FundRoles.WRITE)
	String open(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) FundSource source, @RequestParam(defaultValue = "false") boolean transferable,
			@RequestParam(required = false) Long topUpFrom, RedirectAttributes redirect) {
		return run(redirect, "redirect:/funds", () -> {
			FundView f = funds.open(Actor.require().scope(), new NewFund(code, name, source, transferable, topUpFrom));
			return "redirect:/funds/" + f.id();
		}, "funds.page.opened");
	}

	@GetMapping("/funds/{id}")
	@PreAuthorize(FundRoles.READ)
	String fund(@PathVariable long id, @RequestParam(defaultValue = "0") int offset, Model model) {
		var scope = Actor.require().scope();
		model.addAttribute("fund", funds.fund(scope, id));
		model.addAttribute("entries", ledger.entries(scope, id, offset, PAGE));
		long count = ledger.countEntries(scope, id);
		model.addAttribute("count", count);
		model.addAttribute("offset", Math.max(0, offset));
		model.addAttribute("previous", offset > 0 ? Math.max(0, offset - PAGE) : null);
		model.addAttribute("next", offset + PAGE < count ? offset + PAGE : null);
		return "funds/fund";
	}

	@PostMapping("/funds/{id}/receipts")
	@PreAuthorize(FundRoles.WRITE)
	String receive(@PathVariable long id, @RequestParam(required = false) BigDecimal amount,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) String memo, RedirectAttributes redirect) {
		return run(redirect, "redirect:/funds/" + id, () -> {
			funds.receive(Actor.require().scope(), id, amount, on, memo);
			return "redirect:/funds/" + id;
		}, "funds.page.received");
	}

	@PostMapping("/funds/postings/{postingId}/reverse")
	@PreAuthorize(FundRoles.WRITE)
	String reverse(@PathVariable long postingId, @RequestParam long fundId, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return run(redirect, "redirect:/funds/" + fundId, () -> {
			ledger.reverse(Actor.require().scope(), postingId, reason);
			return "redirect:/funds/" + fundId;
		}, "funds.page.reversed");
	}

	/** Runs a change; a refusal comes back as the flash error in the user's language, nothing changed. */
	static String run(RedirectAttributes redirect, String onError, Supplier<String> work, String doneKey, PageMessages messages) {
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

	private String run(RedirectAttributes redirect, String onError, Supplier<String> work, String doneKey) {
		return run(redirect, onError, work, doneKey, messages);
	}

}
