package org.bangfu.cases.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.cases.CaseType;
import org.bangfu.cases.ChainCommands.MoveChecklistItem;
import org.bangfu.cases.ChainCommands.PutChecklistItem;
import org.bangfu.cases.ChecklistItem;
import org.bangfu.cases.DocumentKind;
import org.bangfu.cases.DocumentRule;
import org.bangfu.cases.ReviewChains;
import org.bangfu.platform.web.PageMessages;
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

/** The document checklists per case type (plan 18): every case user reads them, a root administrator edits them. */
@Controller
class ChecklistController {

	private final ReviewChains chains;

	private final PageMessages messages;

	ChecklistController(ReviewChains chains, PageMessages messages) {
		this.chains = chains;
		this.messages = messages;
	}

	@GetMapping("/checklists")
	@PreAuthorize(CasePages.READ)
	String list(Model model) {
		Map<CaseType, List<ChecklistItem>> lists = new LinkedHashMap<>();
		for (CaseType type : CaseType.values()) {
			lists.put(type, chains.checklist(type));
		}
		model.addAttribute("lists", lists);
		model.addAttribute("mayEdit", ReviewChains.mayEdit(Actor.require()));
		model.addAttribute("kinds", DocumentKind.values());
		model.addAttribute("rules", DocumentRule.values());
		return "cases/checklists";
	}

	@PostMapping("/checklists/{type}")
	@PreAuthorize("hasRole('ADMIN')")
	String put(@PathVariable CaseType type, @RequestParam(required = false) DocumentKind kind,
			@RequestParam(required = false) DocumentRule rule, @RequestParam(defaultValue = "false") boolean required,
			RedirectAttributes redirect) {
		try {
			if (kind == null) {
				throw BangfuException.badField("kind", "cases.checklist.kind.required");
			}
			if (rule == null) {
				throw BangfuException.badField("rule", "cases.checklist.rule.required");
			}
			chains.putChecklistItem(Actor.require(), type, kind, new PutChecklistItem(rule, required));
			redirect.addFlashAttribute("message", messages.get("cases.checklist.saved"));
		}
		catch (BangfuException ex) {
			rethrow(ex);
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/checklists#checklist-" + type;
	}

	@PostMapping("/checklists/{type}/{kind}/move")
	@PreAuthorize("hasRole('ADMIN')")
	String move(@PathVariable CaseType type, @PathVariable DocumentKind kind, @RequestParam(required = false) Integer position,
			RedirectAttributes redirect) {
		try {
			chains.moveChecklistItem(Actor.require(), type, kind, new MoveChecklistItem(position));
			redirect.addFlashAttribute("message", messages.get("cases.checklist.moved"));
		}
		catch (BangfuException ex) {
			rethrow(ex);
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/checklists#item-" + type + "-" + kind;
	}

	@PostMapping("/checklists/{type}/{kind}/remove")
	@PreAuthorize("hasRole('ADMIN')")
	String remove(@PathVariable CaseType type, @PathVariable DocumentKind kind, RedirectAttributes redirect) {
		chains.removeChecklistItem(Actor.require(), type, kind);
		redirect.addFlashAttribute("message", messages.get("cases.checklist.removed"));
		return "redirect:/checklists#checklist-" + type;
	}

	private static void rethrow(BangfuException ex) {
		if (ex.problem() != Problem.BAD_INPUT && ex.problem() != Problem.CONFLICT) {
			throw ex;
		}
	}

}
