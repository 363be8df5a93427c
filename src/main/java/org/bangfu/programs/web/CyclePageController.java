package org.bangfu.programs.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.programs.CycleView;
import org.bangfu.programs.LineEdit;
import org.bangfu.programs.LineRemoval;
import org.bangfu.programs.NewCycle;
import org.bangfu.programs.BankLayouts;
import org.bangfu.programs.Handovers;
import org.bangfu.programs.Payouts;
import org.bangfu.programs.ProgramForm;
import org.bangfu.programs.Programs;
import org.bangfu.programs.RosterLineView;
import org.bangfu.programs.RosterNotices;
import org.bangfu.programs.Rosters;
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

/** Cycles and their rosters: open a cycle, generate, review lines (edit, remove with a reason), submit, approve. */
@Controller
class CyclePageController {

	static final String PREPARE = "hasAnyRole('ADMIN','FINANCE_OFFICER','REVIEWER')";

	static final String APPROVE = "hasAnyRole('ADMIN','APPROVER')";

	static final int PAGE = 50;

	private final Rosters rosters;

	private final Programs programs;

	private final PageMessages messages;

	private final Payouts payouts;

	private final BankLayouts layouts;

	private final Handovers handovers;

	private final RosterNotices notices;

	private final BankJobPanel panels;

	CyclePageController(Rosters rosters, Programs programs, PageMessages messages, Payouts payouts, BankLayouts layouts,
			Handovers handovers, RosterNotices notices, BankJobPanel panels) {
		this.handovers = handovers;
		this.notices = notices;
		this.panels = panels;
		this.payouts = payouts;
		this.layouts = layouts;
		this.rosters = rosters;
		this.programs = programs;
		this.messages = messages;
	}

	@GetMapping("/programs/cycles")
	@PreAuthorize(ProgramPageController.READ)
	String list(@RequestParam(required = false) Long programId, Model model) {
		model.addAttribute("cycles", rosters.cycles(Actor.require().scope()));
		model.addAttribute("prefill", programId == null ? null : programs.nextCycle(Actor.require().scope(), programId).orElse(null));
		model.addAttribute("programs", programs.list(Actor.require().scope()).stream().filter(p -> p.active()).toList());
		return "programs/cycles";
	}

	@PostMapping("/programs/cycles")
	@PreAuthorize(PREPARE)
	String open(@RequestParam(required = false) Long programId, @RequestParam(required = false) String label,
			@RequestParam(required = false) String periodKey,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate payDate,
			RedirectAttributes redirect) {
		try {
			if (programId == null || label == null || label.isBlank() || periodKey == null || periodKey.isBlank() || from == null
					|| to == null || payDate == null) {
				throw BangfuException.badField("cycle", "programs.cycle.incomplete");
			}
			CycleView c = rosters.open(Actor.require().scope(), new NewCycle(programId, label, periodKey, from, to, payDate));
			redirect.addFlashAttribute("message", messages.get("programs.cycle.opened", c.label()));
			return "redirect:/programs/cycles/" + c.id();
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
			return "redirect:/programs/cycles";
		}
	}

	@GetMapping("/programs/cycles/{id}")
	@PreAuthorize(ProgramPageController.READ)
	String roster(@PathVariable long id, @RequestParam(defaultValue = "ALL") String filter,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Long job, Model model) {
		CycleView c = rosters.cycle(Actor.require().scope(), id);
		if (job != null) {
			model.addAttribute("bankJob", panels.of(Actor.require().scope(), job));
		}
		long total = rosters.count(Actor.require().scope(), id, filter);
		int p = Math.max(0, page);
		model.addAttribute("c", c);
		model.addAttribute("filter", filter);
		model.addAttribute("page", p);
		model.addAttribute("pages", Math.max(1, (total + PAGE - 1) / PAGE));
		model.addAttribute("total", total);
		model.addAttribute("checks", rosters.checks(Actor.require().scope(), id));
		model.addAttribute("lines", rosters.lines(Actor.require().scope(), id, filter, p * PAGE, PAGE));
		model.addAttribute("program", programs.require(Actor.require().scope(), c.programId()));
		model.addAttribute("payer", payouts.payer(Actor.require().scope()).orElse(null));
		model.addAttribute("layouts", layouts.usable(Actor.require().scope()));
		model.addAttribute("batchIds", payouts.batchIds(Actor.require().scope(), id));
		model.addAttribute("regions", rosters.regions(Actor.require().scope(), id));
		model.addAttribute("handover", c.form() == ProgramForm.CASH ? null : handovers.progress(Actor.require().scope(), id));
		model.addAttribute("noticeAsked", notices.asked(Actor.require().scope(), id));
		model.addAttribute("notice", notices.ofCycle(Actor.require().scope(), id).orElse(null));
		model.addAttribute("noticeObjections", notices.objections(Actor.require().scope(), id));
		return "programs/roster";
	}

	@PostMapping("/programs/cycles/{id}/generate")
	@PreAuthorize(PREPARE)
	String generate(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			long job = rosters.generate(Actor.require().scope(), id);
			return messages.get("programs.cycle.generating", job);
		});
	}

	@PostMapping("/programs/cycles/{id}/submit")
	@PreAuthorize(PREPARE)
	String submit(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			rosters.submit(Actor.require().scope(), id, version);
			return messages.get("programs.cycle.submitted");
		});
	}

	@PostMapping("/programs/cycles/{id}/approve")
	@PreAuthorize(APPROVE)
	String approve(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			CycleView c = rosters.approve(Actor.require().scope(), id, version);
			return messages.get("programs.cycle.approved", c.lineCount(), c.totalText());
		});
	}

	@PostMapping("/programs/cycles/{id}/send-back")
	@PreAuthorize(APPROVE)
	String sendBack(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			rosters.sendBack(Actor.require().scope(), id, version);
			return messages.get("programs.cycle.sentBack");
		});
	}

	@GetMapping("/programs/cycles/{id}/lines/{lineId}")
	@PreAuthorize(PREPARE)
	String line(@PathVariable long id, @PathVariable long lineId, Model model) {
		model.addAttribute("c", rosters.cycle(Actor.require().scope(), id));
		model.addAttribute("line", rosters.line(Actor.require().scope(), id, lineId));
		return "programs/line";
	}

	@PostMapping("/programs/cycles/{id}/lines/{lineId}")
	@PreAuthorize(PREPARE)
	String editLine(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String reason, @RequestParam int version, Model model, RedirectAttributes redirect) {
		try {
			BigDecimal yuan = parse(amount);
			rosters.edit(Actor.require().scope(), id, lineId, new LineEdit(yuan, reason, version));
			redirect.addFlashAttribute("message", messages.get("programs.line.saved"));
			return "redirect:/programs/cycles/" + id;
		}
		catch (BangfuException ex) {
			return lineError(id, lineId, ex, model);
		}
	}

	@PostMapping("/programs/cycles/{id}/lines/{lineId}/remove")
	@PreAuthorize(PREPARE)
	String removeLine(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) String reason,
			@RequestParam int version, Model model, RedirectAttributes redirect) {
		try {
			rosters.remove(Actor.require().scope(), id, lineId, new LineRemoval(reason, version));
			redirect.addFlashAttribute("message", messages.get("programs.line.removed"));
			return "redirect:/programs/cycles/" + id;
		}
		catch (BangfuException ex) {
			return lineError(id, lineId, ex, model);
		}
	}

	private String lineError(long id, long lineId, BangfuException ex, Model model) {
		if (ex.problem() == Problem.NOT_FOUND || ex.problem() == Problem.FORBIDDEN) {
			throw ex;
		}
		model.addAttribute("error", messages.of(ex));
		model.addAttribute("c", rosters.cycle(Actor.require().scope(), id));
		RosterLineView line = rosters.line(Actor.require().scope(), id, lineId);
		model.addAttribute("line", line);
		return "programs/line";
	}

	private static BigDecimal parse(String amount) {
		String t = amount == null ? "" : amount.strip().replace(",", "").replace("¥", "");
		if (!t.matches("\\d+(\\.\\d{1,2})?")) {
			throw BangfuException.badField("amount", "programs.line.amount.format", amount);
		}
		return new BigDecimal(t);
	}

	private String act(long id, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("message", action.get());
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/programs/cycles/" + id;
	}

}
