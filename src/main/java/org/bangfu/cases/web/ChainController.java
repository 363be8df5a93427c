package org.bangfu.cases.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.cases.CaseType;
import org.bangfu.cases.ChainCommands.AddStep;
import org.bangfu.cases.ChainCommands.CopyChain;
import org.bangfu.cases.ChainCommands.MoveStep;
import org.bangfu.cases.ChainCommands.UpdateChain;
import org.bangfu.cases.ChainCommands.UpdateStep;
import org.bangfu.cases.ChainStepView;
import org.bangfu.cases.ChainView;
import org.bangfu.cases.DocumentKind;
import org.bangfu.cases.Outcome;
import org.bangfu.cases.ReviewChains;
import org.bangfu.cases.StepForm;
import org.bangfu.cases.StepLevel;
import org.bangfu.organisation.OrganisationType;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Role;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Review chains: every case user reads them; an administrator of the root organisation creates
 * them (from scratch or as a copy) and edits them. A step form sent with bad input comes back with
 * the message next to its field and what was typed.
 */
@Controller
class ChainController {

	/** The key of the add-a-step form among the step forms (a step's own form has the step's id). */
	static final long ADD = 0L;

	private static final Map<String, String> UNBOUND = Map.of("role", "cases.step.role.required", "level",
			"cases.step.level.required", "form", "cases.step.form.required", "outcomes", "cases.step.outcomes.required",
			"position", "cases.step.position.invalid", "caseType", "cases.chain.caseType.required");

	private final ReviewChains chains;

	private final PageMessages messages;

	ChainController(ReviewChains chains, PageMessages messages) {
		this.chains = chains;
		this.messages = messages;
	}

	@GetMapping("/chains")
	@PreAuthorize(CasePages.READ)
	String list(Model model) {
		model.addAttribute("chains", chains.all());
		model.addAttribute("mayEdit", ReviewChains.mayEdit(Actor.require()));
		return "cases/chains";
	}

	@GetMapping("/chains/new")
	@PreAuthorize("hasRole('ADMIN')")
	String newForm(@RequestParam(required = false) Long copyOf, Model model) {
		requireEditor();
		model.addAttribute("chainForm", NewChainForm.empty());
		model.addAttribute("copyForm", CopyChainForm.empty(copyOf));
		return newChainPage(model);
	}

	@PostMapping("/chains")
	@PreAuthorize("hasRole('ADMIN')")
	String create(@ModelAttribute("chainForm") NewChainForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, WebRequest request) {
		try {
			FormErrors.rejectUnbound(errors, UNBOUND);
			ChainView c = chains.create(Actor.require(), form.command());
			redirect.addFlashAttribute("message", messages.get("cases.chain.created", c.label(
					LocaleContextHolder.getLocale())));
			return "redirect:/chains/" + c.id();
		}
		catch (BangfuException ex) {
			reject(errors, ex, model, request);
			model.addAttribute("copyForm", CopyChainForm.empty(null));
			return newChainPage(model);
		}
	}

	@PostMapping("/chains/copy")
	@PreAuthorize("hasRole('ADMIN')")
	String copy(@ModelAttribute("copyForm") CopyChainForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, WebRequest request) {
		try {
			FormErrors.rejectUnbound(errors, Map.of("sourceId", "cases.chain.source.required"));
			if (form.sourceId() == null) {
				throw BangfuException.badField("sourceId", "cases.chain.source.required");
			}
			ChainView source = chains.all().stream().filter(c -> c.id() == form.sourceId()).findFirst()
				.orElseThrow(() -> BangfuException.badField("sourceId", "cases.chain.source.required"));
			ChainView c = chains.copy(Actor.require(), source.id(), new CopyChain(form.code(), form.name(), form.nameEn(),
					form.organisationType(), Boolean.TRUE.equals(form.defaultChain())));
			redirect.addFlashAttribute("message", messages.get("cases.chain.created", c.label(
					LocaleContextHolder.getLocale())));
			return "redirect:/chains/" + c.id();
		}
		catch (BangfuException ex) {
			reject(errors, ex, model, request);
			model.addAttribute("chainForm", NewChainForm.empty());
			return newChainPage(model);
		}
	}

	private String newChainPage(Model model) {
		model.addAttribute("sources", chains.all());
		addChoices(model);
		return "cases/chain-new";
	}

	@GetMapping("/chains/{id}")
	@PreAuthorize(CasePages.READ)
	String detail(@PathVariable long id, Model model) {
		return page(chains.require(id), Map.of(), Map.of(), model);
	}

	/**
	 * The chain page; typed: what was typed into the form that was sent (by form key), errors: its
	 * errors by field.
	 */
	private String page(ChainView chain, Map<Long, StepInput> typed, Map<Long, Map<String, String>> errors, Model model) {
		model.addAttribute("chain", chain);
		model.addAttribute("checklist", chains.checklist(chain.caseType()));
		model.addAttribute("mayEdit", ReviewChains.mayEdit(Actor.require()) && chain.current());
		addChoices(model);
		model.addAttribute("current", chain.current() ? chain : chains.require(chains.latest(chain)));
		Map<Long, StepInput> inputs = new HashMap<>();
		for (ChainStepView s : chain.steps()) {
			inputs.put(s.id(), StepInput.of(s));
		}
		inputs.put(ADD, StepInput.blank(chain.steps().size() + 1));
		inputs.putAll(typed);
		model.addAttribute("inputs", inputs);
		if (!model.containsAttribute("settings")) {
			model.addAttribute("settings", ChainSettingsForm.of(chain));
		}
		model.addAttribute("stepErrors", errors);
		model.addAttribute("noErrors", Map.of());
		return "cases/chain";
	}

	private static void addChoices(Model model) {
		model.addAttribute("roles", List.of(Role.CASEWORKER, Role.REVIEWER, Role.APPROVER));
		model.addAttribute("levels", StepLevel.values());
		model.addAttribute("orgTypes", OrganisationType.values());
		model.addAttribute("docKinds", DocumentKind.values());
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("caseTypes", CaseType.values());
		model.addAttribute("forms", StepForm.values());
	}

	@PostMapping("/chains/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String update(@PathVariable long id, @ModelAttribute("settings") ChainSettingsForm bound, BindingResult binding,
			Model model, RedirectAttributes redirect, WebRequest request) {
		ChainSettingsForm form = binding.hasErrors() ? FormErrors.typed(ChainSettingsForm.class, request) : bound;
		ChainView chain = chains.require(id);
		try {
			chains.update(Actor.require(), id, form.command(chain.name()));
			redirect.addFlashAttribute("message", messages.get("cases.chain.saved"));
			return "redirect:/chains/" + id;
		}
		catch (BangfuException ex) {
			if (ex.problem() != Problem.BAD_INPUT && ex.problem() != Problem.CONFLICT) {
				throw ex; // not found or not allowed: the error page with its status, not a form message
			}
			BindingResult errors = new DirectFieldBindingResult(form, "settings");
			messages.reject(errors, ex);
			model.addAttribute("settings", form);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "settings", errors);
			model.addAttribute("error", messages.get("cases.form.notSaved"));
			return page(chain, Map.of(), Map.of(), model);
		}
	}

	@PostMapping("/chains/{id}/steps/{stepId}")
	@PreAuthorize("hasRole('ADMIN')")
	String updateStep(@PathVariable long id, @PathVariable long stepId, @ModelAttribute("input") StepInput bound,
			BindingResult binding, Model model, RedirectAttributes redirect, WebRequest request) {
		StepInput input = binding.hasErrors() ? FormErrors.typed(StepInput.class, request) : bound;
		try {
			FormErrors.rejectUnbound(binding, UNBOUND);
			if (input.version() == null) {
				throw new BangfuException(Problem.CONFLICT, "cases.chain.stale", chains.require(id).name());
			}
			if (input.role() == null) {
				throw BangfuException.badField("role", "cases.step.role.required");
			}
			if (input.level() == null) {
				throw BangfuException.badField("level", "cases.step.level.required");
			}
			Integer sla = input.sla();
			if (input.chosenOutcomes().isEmpty()) {
				throw BangfuException.badField("outcomes", "cases.step.outcomes.required");
			}
			ChainView after = chains.updateStep(Actor.require(), id, stepId, new UpdateStep(input.version(), input.role(),
					input.level(), input.organisationType(), sla, input.working(), input.documents(), input.chosenOutcomes(),
					input.name(), input.nameEn(), input.form()));
			return saved(redirect, id, after, after.id() == id ? "#step-" + stepId : "#steps");
		}
		catch (BangfuException ex) {
			return failed(id, stepId, input, ex, model);
		}
	}

	@PostMapping("/chains/{id}/steps")
	@PreAuthorize("hasRole('ADMIN')")
	String addStep(@PathVariable long id, @ModelAttribute("input") StepInput bound, BindingResult binding, Model model,
			RedirectAttributes redirect, WebRequest request) {
		StepInput input = binding.hasErrors() ? FormErrors.typed(StepInput.class, request) : bound;
		try {
			FormErrors.rejectUnbound(binding, UNBOUND);
			if (input.version() == null) {
				throw new BangfuException(Problem.CONFLICT, "cases.chain.stale", chains.require(id).name());
			}
			if (input.name() == null || input.name().isBlank()) {
				throw BangfuException.badField("name", "cases.step.name.required");
			}
			if (input.nameEn() == null || input.nameEn().isBlank()) {
				throw BangfuException.badField("nameEn", "cases.step.name.required");
			}
			if (input.role() == null) {
				throw BangfuException.badField("role", "cases.step.role.required");
			}
			if (input.level() == null) {
				throw BangfuException.badField("level", "cases.step.level.required");
			}
			if (input.form() == null) {
				throw BangfuException.badField("form", "cases.step.form.required");
			}
			Integer sla = input.sla();
			if (input.chosenOutcomes().isEmpty()) {
				throw BangfuException.badField("outcomes", "cases.step.outcomes.required");
			}
			ChainView after = chains.addStep(Actor.require(), id, new AddStep(input.version(), input.position(),
					input.name(), input.nameEn(), input.role(), input.level(), input.organisationType(), sla, input.working(),
					input.form(), input.documents(), input.chosenOutcomes()));
			return saved(redirect, id, after, "#steps");
		}
		catch (BangfuException ex) {
			return failed(id, ADD, input, ex, model);
		}
	}

	@PostMapping("/chains/{id}/steps/{stepId}/remove")
	@PreAuthorize("hasRole('ADMIN')")
	String removeStep(@PathVariable long id, @PathVariable long stepId, @RequestParam int version, Model model,
			RedirectAttributes redirect) {
		try {
			return saved(redirect, id, chains.removeStep(Actor.require(), id, stepId, version), "#steps");
		}
		catch (BangfuException ex) {
			return failed(id, stepId, null, ex, model);
		}
	}

	@PostMapping("/chains/{id}/steps/{stepId}/move")
	@PreAuthorize("hasRole('ADMIN')")
	String moveStep(@PathVariable long id, @PathVariable long stepId, @RequestParam int version,
			@RequestParam int position, Model model, RedirectAttributes redirect) {
		try {
			return saved(redirect, id, chains.moveStep(Actor.require(), id, stepId, new MoveStep(version, position)), "#steps");
		}
		catch (BangfuException ex) {
			return failed(id, stepId, null, ex, model);
		}
	}

	/** The chain page again, with the error next to its field of the form that was sent and what was typed. */
	private String failed(long chainId, long formKey, StepInput typed, BangfuException ex, Model model) {
		Map<String, String> errors = FormErrors.of(messages, ex, StepInput.class);
		ChainView chain = chains.require(chainId);
		Map<Long, StepInput> inputs = new LinkedHashMap<>();
		if (typed != null) {
			inputs.put(formKey, typed);
		}
		model.addAttribute("error", messages.get("cases.form.notSaved"));
		return page(chain, inputs, Map.of(formKey, errors), model);
	}

	/** After a change: a chain cases use got a new revision, which the page then shows. */
	private String saved(RedirectAttributes redirect, long id, ChainView after, String anchor) {
		redirect.addFlashAttribute("message", after.id() == id ? messages.get("cases.chain.saved")
				: messages.get("cases.chain.revised", after.revision()));
		return "redirect:/chains/" + after.id() + anchor;
	}

	/**
	 * The error next to its field of the new-chain or copy form. When a value did not bind (a choice
	 * not offered), the form is rebuilt from the request and gets our message instead of a technical one.
	 */
	private void reject(BindingResult errors, BangfuException ex, Model model, WebRequest request) {
		BindingResult target = errors;
		if (errors.hasErrors()) {
			String name = errors.getObjectName();
			Record typed = "chainForm".equals(name) ? FormErrors.typed(NewChainForm.class, request)
					: FormErrors.typed(CopyChainForm.class, request);
			model.addAttribute(name, typed);
			target = new DirectFieldBindingResult(typed, name);
			model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, target);
		}
		messages.reject(target, ex);
	}

	private static void requireEditor() {
		if (!ReviewChains.mayEdit(Actor.require())) {
			throw BangfuException.forbidden();
		}
	}

}
