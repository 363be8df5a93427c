package org.bangfu.cases.web;

import java.util.List;
import java.util.Map;

import org.bangfu.cases.CaseCommands.Act;
import org.bangfu.cases.CaseCommands.OpenCase;
import org.bangfu.cases.CaseCommands.Submit;
import org.bangfu.cases.CaseCommands.Withdraw;
import org.bangfu.cases.CaseDocuments;
import org.bangfu.cases.CaseQuery;
import org.bangfu.cases.CaseStatus;
import org.bangfu.cases.CaseType;
import org.bangfu.cases.CaseView;
import org.bangfu.cases.Cases;
import org.bangfu.cases.ChainView;
import org.bangfu.cases.DocumentKind;
import org.bangfu.cases.Notices;
import org.bangfu.cases.Outcome;
import org.bangfu.cases.ReviewChains;
import org.bangfu.organisation.OrganisationType;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdQuery;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Case pages: lists (my work, overdue, by state), a new case, the case page and its decisions. */
@Controller
class CaseController {

	private final Cases cases;

	private final CaseDocuments documents;

	private final Notices notices;

	private final ReviewChains chains;

	private final HouseholdRegistry registry;

	private final PageMessages messages;

	CaseController(Cases cases, CaseDocuments documents, Notices notices, ReviewChains chains,
			HouseholdRegistry registry, PageMessages messages) {
		this.cases = cases;
		this.documents = documents;
		this.notices = notices;
		this.chains = chains;
		this.registry = registry;
		this.messages = messages;
	}

	@GetMapping("/cases")
	@PreAuthorize(CasePages.READ)
	String list(@ModelAttribute("q") CaseQuery q, Model model) {
		model.addAttribute("page", cases.search(Actor.require(), q));
		model.addAttribute("view", q.viewOrDefault());
		model.addAttribute("views", CaseQuery.VIEWS);
		model.addAttribute("statuses", CaseStatus.values());
		model.addAttribute("types", CaseType.values());
		model.addAttribute("sizes", CaseQuery.SIZES);
		return "cases/list";
	}

	@GetMapping("/cases/new")
	@PreAuthorize(CasePages.WORK)
	String newForm(@RequestParam(required = false) String q, @RequestParam(required = false) Long householdId,
			@RequestParam(required = false) CaseType type, Model model) {
		Actor actor = Actor.require();
		model.addAttribute("types", CaseType.values());
		model.addAttribute("q", q);
		if (householdId == null) {
			if (q != null && !q.isBlank()) {
				String text = q.strip();
				HouseholdQuery query = text.length() == 18
						? new HouseholdQuery(text, null, null, null, null, null, null, null, null, 1, 20)
						: new HouseholdQuery(null, text, null, null, null, null, null, null, null, 1, 20);
				try {
					model.addAttribute("found", registry.search(actor.scope(), query).rows());
				}
				catch (BangfuException ex) {
					model.addAttribute("error", messages.of(ex));
				}
			}
			return "cases/new";
		}
		HouseholdView h = registry.find(actor.scope(), householdId)
			.orElseThrow(() -> BangfuException.notFound("registry.household.notFound", householdId));
		CaseType chosen = type == null ? CaseController.defaultType(h) : type;
		OrganisationType kind = cases.organisationKind(h);
		Long preselected = chains.markedDefault(chosen, kind).map(ChainView::id).orElse(null);
		model.addAttribute("form", CaseForm.empty(h.id(), chosen, preselected));
		return caseForm(h, chosen, kind, model);
	}

	/**
	 * The form for a household and type: the chains of the type (those for the household's kind of
	 * organisation first) with the one marked default for it (null when none is marked).
	 */
	private String caseForm(HouseholdView h, CaseType chosen, OrganisationType kind, Model model) {
		model.addAttribute("types", CaseType.values());
		model.addAttribute("h", h);
		model.addAttribute("type", chosen);
		model.addAttribute("chains", chains.forType(chosen, kind));
		model.addAttribute("defaultChainId", chains.markedDefault(chosen, kind).map(ChainView::id).orElse(null));
		model.addAttribute("checklist", chains.checklist(chosen));
		model.addAttribute("housingTypes", HousingType.values());
		return "cases/new";
	}

	/** The type of case a household most likely needs: a filing for a draft, assistance for a filed one, a reopening otherwise. */
	static CaseType defaultType(HouseholdView h) {
		return switch (h.status()) {
			case DRAFT -> CaseType.NEW_FILING;
			case FILED -> CaseType.ASSISTANCE;
			default -> CaseType.REOPEN;
		};
	}

	@PostMapping("/cases")
	@PreAuthorize(CasePages.WORK)
	String create(@ModelAttribute("form") CaseForm form, BindingResult errors, @RequestParam Map<String, String> params,
			Model model, RedirectAttributes redirect) {
		Actor actor = Actor.require();
		if (form.householdId() == null || form.type() == null) {
			throw BangfuException.notFound("registry.household.notFound", form.householdId());
		}
		HouseholdView h = registry.find(actor.scope(), form.householdId())
			.orElseThrow(() -> BangfuException.notFound("registry.household.notFound", form.householdId()));
		try {
			if (form.summary() == null || form.summary().isBlank()) {
				throw BangfuException.badField("summary", "cases.summary.required");
			}
			HouseholdData change = form.type() == CaseType.CHANGE ? ChangeForm.from(h, params) : null;
			CaseView c = cases.open(actor, new OpenCase(form.type(), h.id(), form.chainId(), form.summary(), form.amount(),
					form.exit(), change));
			redirect.addFlashAttribute("message", messages.get("cases.opened", c.caseNo()));
			return "redirect:/cases/" + c.id();
		}
		catch (BangfuException ex) {
			messages.reject(errors, ex);
			return caseForm(h, form.type(), cases.organisationKind(h), model);
		}
	}

	@GetMapping("/cases/{id}")
	@PreAuthorize(CasePages.READ)
	String detail(@PathVariable long id, Model model) {
		Actor actor = Actor.require();
		CaseView c = cases.view(actor, id);
		model.addAttribute("c", c);
		model.addAttribute("chain", cases.chain(c));
		model.addAttribute("next", cases.next(actor, c).orElse(null));
		model.addAttribute("steps", cases.steps(actor, id));
		model.addAttribute("timeline", cases.timeline(actor, id));
		model.addAttribute("changes", cases.changesSinceSubmission(actor, c));
		model.addAttribute("docs", documents.list(actor, id));
		model.addAttribute("missing", c.status().editable() ? cases.missingForSubmission(actor, c) : cases.missingForStep(actor, c));
		model.addAttribute("household", registry.find(actor.scope(), c.householdId()).orElse(null));
		model.addAttribute("docKinds", DocumentKind.values());
		model.addAttribute("maxMb", documents.maxBytes() / (1024 * 1024));
		model.addAttribute("objections", notices.objectionsOf(actor, id));
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("today", cases.today());
		return "cases/detail";
	}

	@PostMapping("/cases/{id}/submit")
	@PreAuthorize(CasePages.WORK)
	String submit(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		return run(id, redirect, "cases.submitted", () -> cases.submit(Actor.require(), id, new Submit(version, comment)));
	}

	@PostMapping("/cases/{id}/act")
	@PreAuthorize(CasePages.WORK)
	String act(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) Outcome outcome,
			@RequestParam(required = false) String comment, @RequestParam Map<String, String> params,
			RedirectAttributes redirect) {
		return run(id, redirect, "cases.decided", () -> {
			if (outcome == null) {
				throw BangfuException.badField("outcome", "cases.outcome.required");
			}
			return cases.act(Actor.require(), id, new Act(version, outcome, comment, StepFields.of(params)));
		});
	}

	@PostMapping("/cases/{id}/withdraw")
	@PreAuthorize(CasePages.WORK)
	String withdraw(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		return run(id, redirect, "cases.withdrawn", () -> cases.withdraw(Actor.require(), id, new Withdraw(version, comment)));
	}

	private String run(long id, RedirectAttributes redirect, String okKey, java.util.function.Supplier<CaseView> action) {
		try {
			CaseView c = action.get();
			redirect.addFlashAttribute("message", messages.get(okKey, c.caseNo()));
		}
		catch (BangfuException ex) {
			if (ex.problem() == org.bangfu.shared.Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/cases/" + id;
	}

	/** The step form's own fields from a request (everything but the control fields). */
	static final class StepFields {

		private static final List<String> CONTROL = List.of("_csrf", "version", "outcome", "comment");

		private StepFields() {
		}

		static Map<String, String> of(Map<String, String> params) {
			Map<String, String> out = new java.util.LinkedHashMap<>(params);
			CONTROL.forEach(out::remove);
			return out;
		}

	}

}
