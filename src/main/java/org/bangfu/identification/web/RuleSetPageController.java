package org.bangfu.identification.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.bangfu.identification.RuleSetContent;
import org.bangfu.identification.RuleSetView;
import org.bangfu.identification.RuleSets;
import org.bangfu.identification.TestResult;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Rule sets: list, view and edit a version, run its test cases before saving, activate, retire, copy. */
@Controller
class RuleSetPageController {

	private final RuleSets ruleSets;

	private final PageMessages messages;

	private final Validator validator;

	RuleSetPageController(RuleSets ruleSets, PageMessages messages, Validator validator) {
		this.ruleSets = ruleSets;
		this.messages = messages;
		this.validator = validator;
	}

	@GetMapping("/identification/rule-sets")
	@PreAuthorize(DecisionPageController.READ)
	String list(Model model) {
		model.addAttribute("ruleSets", ruleSets.list(Actor.require().scope()));
		return "identification/rule-sets";
	}

	@GetMapping("/identification/rule-sets/{id}")
	@PreAuthorize(DecisionPageController.READ)
	String view(@PathVariable long id, Model model) {
		RuleSetView rs = ruleSets.require(Actor.require().scope(), id);
		return show(rs, RuleSetForm.of(rs.content()), model);
	}

	private String show(RuleSetView rs, RuleSetForm form, Model model) {
		model.addAttribute("rs", rs);
		model.addAttribute("form", form);
		model.addAttribute("versions", ruleSets.versions(Actor.require().scope(), rs.id()));
		model.addAttribute("writable", ruleSets.writable(Actor.require().scope(), rs));
		model.addAttribute("today", LocalDate.now(org.bangfu.shared.BusinessClock.zone()));
		return "identification/rule-set";
	}

	@PostMapping("/identification/rule-sets/{id}")
	@PreAuthorize(StandardPageController.EDIT)
	String save(@PathVariable long id, @ModelAttribute("form") RuleSetForm form, Model model, RedirectAttributes redirect) {
		RuleSetView rs = ruleSets.require(Actor.require().scope(), id);
		List<String> errors = new ArrayList<>();
		try {
			RuleSetContent content = form.toContent();
			errors.addAll(problems(content));
			if (errors.isEmpty()) {
				RuleSetView saved = ruleSets.update(Actor.require().scope(), id, content);
				redirect.addFlashAttribute("message", messages.get(saved.id() == id ? "identification.ruleSet.saved"
						: "identification.ruleSet.newVersion", saved.version()));
				return "redirect:/identification/rule-sets/" + saved.id();
			}
		}
		catch (BangfuException ex) {
			if (ex.problem() == org.bangfu.shared.Problem.NOT_FOUND) {
				throw ex;
			}
			errors.add(messages.of(ex));
		}
		model.addAttribute("errors", errors);
		return show(rs, form.withSpareRows(), model);
	}

	/** Runs the test cases of what is in the editor now, without saving (htmx fragment). */
	@PostMapping("/identification/rule-sets/{id}/tests")
	@PreAuthorize(DecisionPageController.READ)
	String tests(@PathVariable long id, @ModelAttribute("form") RuleSetForm form, Model model) {
		ruleSets.require(Actor.require().scope(), id);
		Locale locale = LocaleContextHolder.getLocale();
		List<String> errors = new ArrayList<>();
		try {
			RuleSetContent content = form.toContent();
			errors.addAll(problems(content));
			if (errors.isEmpty()) {
				List<TestResult> results = ruleSets.runTests(content, locale);
				model.addAttribute("results", results);
				model.addAttribute("failed", results.stream().filter(r -> !r.passed()).count());
			}
		}
		catch (BangfuException ex) {
			errors.add(messages.of(ex));
		}
		model.addAttribute("testErrors", errors);
		return "identification/rule-set :: tests";
	}

	private List<String> problems(RuleSetContent content) {
		List<String> out = new ArrayList<>();
		Set<ConstraintViolation<RuleSetContent>> violations = validator.validate(content);
		for (ConstraintViolation<RuleSetContent> v : violations) {
			out.add(v.getPropertyPath() + ": " + v.getMessage());
		}
		if (content.rows() != null) {
			ruleSets.check(content).forEach(e -> out.add(messages.get("identification.ruleSet.rowError", e.row(),
					messages.get(e.messageKey(), e.args()))));
		}
		return out;
	}

	@PostMapping("/identification/rule-sets/{id}/activate")
	@PreAuthorize(StandardPageController.EDIT)
	String activate(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
			RedirectAttributes redirect) {
		try {
			RuleSetView rs = ruleSets.activate(Actor.require().scope(), id, effectiveFrom);
			redirect.addFlashAttribute("message", messages.get("identification.ruleSet.activated", rs.version(), rs.effectiveFrom()));
		}
		catch (org.bangfu.identification.ActivationRefused ex) {
			redirect.addFlashAttribute("error", messages.of(ex));
			redirect.addFlashAttribute("failedCases", ex.failures());
		}
		catch (BangfuException ex) {
			if (ex.problem() == org.bangfu.shared.Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/identification/rule-sets/" + id;
	}

	@PostMapping("/identification/rule-sets/{id}/retire")
	@PreAuthorize(StandardPageController.EDIT)
	String retire(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastDay,
			RedirectAttributes redirect) {
		try {
			RuleSetView rs = ruleSets.retire(Actor.require().scope(), id, lastDay);
			redirect.addFlashAttribute("message", messages.get("identification.ruleSet.retired", rs.version(), rs.effectiveTo()));
		}
		catch (BangfuException ex) {
			if (ex.problem() == org.bangfu.shared.Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/identification/rule-sets/" + id;
	}

	@PostMapping("/identification/rule-sets/{id}/copy")
	@PreAuthorize(StandardPageController.EDIT)
	String copy(@PathVariable long id, @RequestParam String code, RedirectAttributes redirect) {
		try {
			RuleSetView rs = ruleSets.copy(Actor.require().scope(), id, code);
			redirect.addFlashAttribute("message", messages.get("identification.ruleSet.copied", rs.code()));
			return "redirect:/identification/rule-sets/" + rs.id();
		}
		catch (BangfuException ex) {
			if (ex.problem() == org.bangfu.shared.Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
			return "redirect:/identification/rule-sets/" + id;
		}
	}

}
