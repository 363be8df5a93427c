package org.bangfu.identification.web;

import java.time.LocalDate;
import java.util.Locale;

import org.bangfu.identification.Decisions;
import org.bangfu.identification.RuleSetView;
import org.bangfu.identification.RuleSets;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The decision panel on the household page (htmx), decision history and detail, the decision list and batches. */
@Controller
class DecisionPageController {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','PAIRING_CADRE','AUDITOR')";

	static final String EVALUATE = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER')";

	private final Decisions decisions;

	private final RuleSets ruleSets;

	private final PageMessages messages;

	DecisionPageController(Decisions decisions, RuleSets ruleSets, PageMessages messages) {
		this.decisions = decisions;
		this.ruleSets = ruleSets;
		this.messages = messages;
	}

	@GetMapping("/identification/households/{id}/panel")
	@PreAuthorize(READ)
	String panel(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		LocalDate date = asOf == null ? decisions.today() : asOf;
		model.addAttribute("householdId", id);
		model.addAttribute("asOf", date);
		model.addAttribute("open", asOf != null);
		model.addAttribute("today", decisions.today());
		model.addAttribute("evaluations", decisions.evaluate(Actor.require().scope(), id, date, LocaleContextHolder.getLocale()));
		return "identification/panel :: panel";
	}

	@PostMapping("/identification/households/{id}/decisions")
	@PreAuthorize(EVALUATE)
	String record(@PathVariable long id, @RequestParam String ruleSet,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
		Locale locale = LocaleContextHolder.getLocale();
		String message;
		try {
			var d = decisions.record(Actor.require().scope(), id, ruleSet, asOf, locale);
			message = messages.get("identification.decision.recorded", d.label());
		}
		catch (BangfuException ex) {
			if (ex.problem() == org.bangfu.shared.Problem.NOT_FOUND && htmx == null) {
				throw ex;
			}
			message = messages.of(ex);
		}
		if (htmx != null) {
			model.addAttribute("panelMessage", message);
			return panel(id, asOf, model);
		}
		redirect.addFlashAttribute("message", message);
		return "redirect:/households/" + id;
	}

	@GetMapping("/identification/households/{id}/decisions")
	@PreAuthorize(READ)
	String history(@PathVariable long id, Model model) {
		model.addAttribute("householdId", id);
		Locale locale = LocaleContextHolder.getLocale();
		var list = decisions.history(Actor.require().scope(), id, locale);
		// rule sets by their name in the user's language, never by code
		java.util.Map<String, String> byCode = new java.util.HashMap<>();
		ruleSets.list(Actor.require().scope()).forEach(r -> byCode.putIfAbsent(r.code(), r.name(locale)));
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		list.forEach(d -> names.put(d.ruleSetId(), byCode.getOrDefault(d.ruleSetCode(), d.ruleSetCode())));
		model.addAttribute("decisions", list);
		model.addAttribute("ruleSetNames", names);
		return "identification/history";
	}

	@GetMapping("/identification/decisions/{id}")
	@PreAuthorize(READ)
	String decision(@PathVariable long id, Model model) {
		Decisions.StoredDecision d = decisions.find(Actor.require().scope(), id, LocaleContextHolder.getLocale());
		model.addAttribute("d", d.decision());
		model.addAttribute("x", d.explanation());
		return "identification/decision";
	}

	@GetMapping("/identification/decisions")
	@PreAuthorize(READ)
	String list(@RequestParam(required = false) String ruleSet, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) Boolean stale, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, Model model) {
		Actor actor = Actor.require();
		model.addAttribute("page", decisions.list(actor.scope(), ruleSet, outcome, stale, page, size, LocaleContextHolder.getLocale()));
		model.addAttribute("ruleSet", ruleSet);
		model.addAttribute("outcome", outcome);
		model.addAttribute("stale", stale);
		java.util.Locale locale = LocaleContextHolder.getLocale();
		java.util.Map<String, String> ruleSetNames = new java.util.LinkedHashMap<>();
		java.util.Map<String, String> outcomeNames = new java.util.LinkedHashMap<>();
		for (RuleSetView r : ruleSets.list(actor.scope())) {
			if (r.draft()) {
				continue;
			}
			ruleSetNames.putIfAbsent(r.code(), r.name(locale));
			if (ruleSet == null || ruleSet.isBlank() || ruleSet.equals(r.code())) {
				r.content().outcomes().forEach(o -> outcomeNames.putIfAbsent(o, r.content().labelOf(o, locale)));
			}
		}
		// names, never codes: rule sets and outcomes are picked by what they are called
		model.addAttribute("ruleSets", ruleSetNames);
		model.addAttribute("outcomes", outcomeNames);
		model.addAttribute("today", decisions.today());
		return "identification/decisions";
	}

	@PostMapping("/identification/evaluations")
	@PreAuthorize(EVALUATE)
	String batch(@RequestParam String ruleSet, @RequestParam(required = false) String regionCode,
			@RequestParam(defaultValue = "false") boolean onlyStale,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			RedirectAttributes redirect) {
		try {
			long job = decisions.startBatch(Actor.require().scope(), ruleSet, regionCode, onlyStale, asOf);
			redirect.addFlashAttribute("message", messages.get("identification.batch.started"));
			return "redirect:/jobs/" + job;
		}
		catch (BangfuException ex) {
			redirect.addFlashAttribute("error", messages.of(ex));
			return "redirect:/identification/decisions";
		}
	}

}
