package org.bangfu.cases.web;

import java.util.List;

import org.bangfu.cases.CaseType;
import org.bangfu.cases.ChainCommands.AddStep;
import org.bangfu.cases.ChainCommands.MoveStep;
import org.bangfu.cases.ChainCommands.UpdateChain;
import org.bangfu.cases.ChainCommands.UpdateStep;
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
import org.bangfu.shared.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Review chains: every case user reads them; an administrator of the root organisation edits them. */
@Controller
class ChainController {

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

	@GetMapping("/chains/{id}")
	@PreAuthorize(CasePages.READ)
	String detail(@PathVariable long id, Model model) {
		var chain = chains.require(id);
		model.addAttribute("chain", chain);
		model.addAttribute("checklist", chains.checklist(chain.caseType()));
		model.addAttribute("mayEdit", ReviewChains.mayEdit(Actor.require()) && chain.current());
		model.addAttribute("roles", List.of(Role.CASEWORKER, Role.REVIEWER, Role.APPROVER));
		model.addAttribute("levels", StepLevel.values());
		model.addAttribute("orgTypes", OrganisationType.values());
		model.addAttribute("docKinds", DocumentKind.values());
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("caseTypes", CaseType.values());
		model.addAttribute("forms", StepForm.values());
		model.addAttribute("current", chain.current() ? chain : chains.require(latest(chain)));
		return "cases/chain";
	}

	@PostMapping("/chains/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String update(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) Integer noticeDays,
			@RequestParam(defaultValue = "false") boolean noticeWorkingDays,
			@RequestParam(defaultValue = "false") boolean active, RedirectAttributes redirect) {
		try {
			if (noticeDays == null || noticeDays < 1 || noticeDays > 60) {
				throw BangfuException.badField("noticeDays", "cases.chain.noticeDays.range");
			}
			chains.update(Actor.require(), id, new UpdateChain(version, noticeDays, noticeWorkingDays, active));
			redirect.addFlashAttribute("message", messages.get("cases.chain.saved"));
		}
		catch (BangfuException ex) {
			rethrowIfNotInput(ex);
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/chains/" + id;
	}

	@PostMapping("/chains/{id}/steps/{stepId}")
	@PreAuthorize("hasRole('ADMIN')")
	String updateStep(@PathVariable long id, @PathVariable long stepId, @RequestParam int version,
			@RequestParam Role role, @RequestParam StepLevel level,
			@RequestParam(required = false) OrganisationType organisationType,
			@RequestParam(required = false) Integer slaDays,
			@RequestParam(defaultValue = "false") boolean slaWorkingDays,
			@RequestParam(required = false) List<DocumentKind> requiredDocuments,
			@RequestParam(required = false) List<Outcome> outcomes, @RequestParam(required = false) String name,
			@RequestParam(required = false) String nameEn, @RequestParam(required = false) StepForm form,
			RedirectAttributes redirect) {
		try {
			if (slaDays == null || slaDays < 1 || slaDays > 365) {
				throw BangfuException.badField("slaDays", "cases.step.sla.range");
			}
			if (outcomes == null || outcomes.isEmpty()) {
				throw BangfuException.badField("outcomes", "cases.step.outcomes.required");
			}
			ChainView after = chains.updateStep(Actor.require(), id, stepId, new UpdateStep(version, role, level,
					organisationType, slaDays, slaWorkingDays, requiredDocuments == null ? List.of() : requiredDocuments,
					outcomes, name, nameEn, form));
			return saved(redirect, id, after, after.id() == id ? "#step-" + stepId : "#steps");
		}
		catch (BangfuException ex) {
			rethrowIfNotInput(ex);
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/chains/" + id + "#step-" + stepId;
	}

	@PostMapping("/chains/{id}/steps")
	@PreAuthorize("hasRole('ADMIN')")
	String addStep(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) Integer position,
			@RequestParam(required = false) String name, @RequestParam(required = false) String nameEn,
			@RequestParam(required = false) Role role, @RequestParam(required = false) StepLevel level,
			@RequestParam(required = false) OrganisationType organisationType,
			@RequestParam(required = false) Integer slaDays,
			@RequestParam(defaultValue = "false") boolean slaWorkingDays, @RequestParam(required = false) StepForm form,
			@RequestParam(required = false) List<DocumentKind> requiredDocuments,
			@RequestParam(required = false) List<Outcome> outcomes, RedirectAttributes redirect) {
		try {
			if (name == null || name.isBlank() || nameEn == null || nameEn.isBlank()) {
				throw BangfuException.badField("name", "cases.step.name.required");
			}
			if (role == null) {
				throw BangfuException.badField("role", "cases.step.role.required");
			}
			if (level == null) {
				throw BangfuException.badField("level", "cases.step.level.required");
			}
			if (form == null) {
				throw BangfuException.badField("form", "cases.step.form.required");
			}
			if (slaDays == null || slaDays < 1 || slaDays > 365) {
				throw BangfuException.badField("slaDays", "cases.step.sla.range");
			}
			if (outcomes == null || outcomes.isEmpty()) {
				throw BangfuException.badField("outcomes", "cases.step.outcomes.required");
			}
			ChainView after = chains.addStep(Actor.require(), id, new AddStep(version, position, name, nameEn, role, level,
					organisationType, slaDays, slaWorkingDays, form, requiredDocuments, outcomes));
			return saved(redirect, id, after, "#steps");
		}
		catch (BangfuException ex) {
			rethrowIfNotInput(ex);
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/chains/" + id + "#add-step";
	}

	@PostMapping("/chains/{id}/steps/{stepId}/remove")
	@PreAuthorize("hasRole('ADMIN')")
	String removeStep(@PathVariable long id, @PathVariable long stepId, @RequestParam int version,
			RedirectAttributes redirect) {
		try {
			return saved(redirect, id, chains.removeStep(Actor.require(), id, stepId, version), "#steps");
		}
		catch (BangfuException ex) {
			rethrowIfNotInput(ex);
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/chains/" + id + "#steps";
	}

	@PostMapping("/chains/{id}/steps/{stepId}/move")
	@PreAuthorize("hasRole('ADMIN')")
	String moveStep(@PathVariable long id, @PathVariable long stepId, @RequestParam int version,
			@RequestParam int position, RedirectAttributes redirect) {
		try {
			return saved(redirect, id, chains.moveStep(Actor.require(), id, stepId, new MoveStep(version, position)), "#steps");
		}
		catch (BangfuException ex) {
			rethrowIfNotInput(ex);
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/chains/" + id + "#steps";
	}

	/** After a change: a chain cases use got a new revision, which the page then shows. */
	private String saved(RedirectAttributes redirect, long id, ChainView after, String anchor) {
		redirect.addFlashAttribute("message", after.id() == id ? messages.get("cases.chain.saved")
				: messages.get("cases.chain.revised", after.revision()));
		return "redirect:/chains/" + after.id() + anchor;
	}

	/** The current revision that replaced a retired one (following the chain of revisions). */
	private long latest(ChainView chain) {
		ChainView c = chain;
		while (!c.current()) {
			c = chains.require(c.supersededBy());
		}
		return c.id();
	}

	private static void rethrowIfNotInput(BangfuException ex) {
		if (ex.problem() != org.bangfu.shared.Problem.BAD_INPUT && ex.problem() != org.bangfu.shared.Problem.CONFLICT) {
			throw ex;
		}
	}

}
