package org.bangfu.programs.web;

import java.math.BigDecimal;
import java.time.YearMonth;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.programs.CycleView;
import org.bangfu.programs.PostSubsidies;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The posts monthly cycles flagged and did not pay, the tiers' monthly amounts, and a month's roster to open. */
@Controller
class PostFlagPagesController {

	static final String[] KINDS = { "DUPLICATE", "NOT_IN_POST", "NOT_IN_REGISTER", "PAID_ELSEWHERE", "NO_AMOUNT" };

	private final PostSubsidies posts;

	private final PageMessages messages;

	PostFlagPagesController(PostSubsidies posts, PageMessages messages) {
		this.posts = posts;
		this.messages = messages;
	}

	@GetMapping("/posts/flags")
	@PreAuthorize(PostPagesController.READ)
	String flags(@RequestParam(required = false) Long cycle, @RequestParam(required = false) String kind,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size, Model model) {
		model.addAttribute("result", posts.flags(Actor.require().scope(), cycle, kind, page, size));
		model.addAttribute("cycle", cycle);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", KINDS);
		return "programs/post-flags";
	}

	@GetMapping("/posts/tiers")
	@PreAuthorize(PostPagesController.READ)
	String tiers(Model model) {
		model.addAttribute("tiers", posts.tiers(Actor.require().scope()));
		return "programs/post-tiers";
	}

	@PostMapping("/posts/tiers")
	@PreAuthorize(PostPagesController.WRITE)
	String saveTier(@RequestParam(required = false) Integer tier, @RequestParam(required = false) String amount, Model model,
			RedirectAttributes redirect) {
		try {
			BigDecimal yuan = org.bangfu.shared.Money.parse("amount", amount, true).amount();
			posts.saveTier(Actor.require().scope(), tier, yuan);
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN) {
				throw ex;
			}
			model.addAttribute("error", messages.of(ex));
			model.addAttribute("tiers", posts.tiers(Actor.require().scope()));
			return "programs/post-tiers";
		}
		redirect.addFlashAttribute("message", messages.get("posts.tier.saved"));
		return "redirect:/posts/tiers";
	}

	@PostMapping("/posts/months")
	@PreAuthorize(PostPagesController.WRITE)
	String openMonth(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			RedirectAttributes redirect) {
		try {
			CycleView c = posts.openMonth(Actor.require().scope(), month);
			return "redirect:/programs/cycles/" + c.id();
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
			return "redirect:/posts";
		}
	}

}
