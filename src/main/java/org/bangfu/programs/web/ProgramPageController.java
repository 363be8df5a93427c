package org.bangfu.programs.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.programs.ProgramActivationRefused;
import org.bangfu.programs.ProgramContent;
import org.bangfu.programs.ProgramView;
import org.bangfu.programs.Programs;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Programs: the list, one version with its rule rows, limits and test cases, the editor, activation. */
@Controller
class ProgramPageController {

	static final String READ = "hasAnyRole('ADMIN','FINANCE_OFFICER','REVIEWER','APPROVER','AUDITOR')";

	static final String ADMINISTER = "hasAnyRole('ADMIN','FINANCE_OFFICER')";

	private final Programs programs;

	private final PageMessages messages;

	private final Validator validator;

	private final org.bangfu.programs.Schedules schedules;

	private final org.bangfu.shared.BusinessClock clock;

	ProgramPageController(Programs programs, PageMessages messages, Validator validator, org.bangfu.programs.Schedules schedules,
			org.bangfu.shared.BusinessClock clock) {
		this.schedules = schedules;
		this.clock = clock;
		this.programs = programs;
		this.messages = messages;
		this.validator = validator;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("forms", org.bangfu.programs.ProgramForm.values());
		model.addAttribute("units", org.bangfu.programs.BeneficiaryUnit.values());
		model.addAttribute("roundings", org.bangfu.programs.Rounding.values());
		model.addAttribute("secondGrants", org.bangfu.programs.SecondGrant.values());
		model.addAttribute("schoolings", org.bangfu.registry.Vocabulary.Schooling.values());
		model.addAttribute("healths", org.bangfu.registry.Vocabulary.Health.values());
		model.addAttribute("categories", org.bangfu.registry.Vocabulary.Category.values());
		model.addAttribute("factNames", FACT_NAMES);
	}

	private static final List<String> FACT_NAMES = java.util.Arrays.stream(org.bangfu.identification.rules.Fact.values())
		.map(org.bangfu.identification.rules.Fact::column)
		.sorted()
		.toList();

	/** The editor's structured part after adding or removing a row (htmx); nothing is saved. */
	@PostMapping("/programs/editor")
	@PreAuthorize(ADMINISTER)
	String editor(@ModelAttribute("form") ProgramEditForm form, Model model) {
		model.addAttribute("form", form.applied());
		return "programs/program-form :: editor";
	}

	@GetMapping("/programs")
	@PreAuthorize(READ)
	String list(Model model) {
		model.addAttribute("programs", programs.list(Actor.require().scope()));
		return "programs/programs";
	}

	@GetMapping("/programs/{id}")
	@PreAuthorize(READ)
	String view(@PathVariable long id, Model model) {
		ProgramView p = programs.require(Actor.require().scope(), id);
		model.addAttribute("p", p);
		model.addAttribute("versions", programs.versions(Actor.require().scope(), id));
		model.addAttribute("writable", programs.writable(Actor.require().scope(), p));
		model.addAttribute("results", programs.runTests(p.content(), LocaleContextHolder.getLocale()));
		model.addAttribute("upcoming", upcoming(p));
		model.addAttribute("definition",
				org.bangfu.programs.internal.Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(p.content()));
		return "programs/program";
	}

	@GetMapping("/programs/new")
	@PreAuthorize(ADMINISTER)
	String create(Model model) {
		model.addAttribute("form", ProgramEditForm.blank());
		return "programs/program-form";
	}

	@GetMapping("/programs/{id}/edit")
	@PreAuthorize(ADMINISTER)
	String edit(@PathVariable long id, Model model) {
		ProgramView p = programs.require(Actor.require().scope(), id);
		model.addAttribute("p", p);
		model.addAttribute("form", ProgramEditForm.of(p.code(), p.content()));
		return "programs/program-form";
	}

	@PostMapping("/programs")
	@PreAuthorize(ADMINISTER)
	String save(@ModelAttribute("form") ProgramEditForm form, Model model, RedirectAttributes redirect) {
		return save(null, form, model, redirect);
	}

	@PostMapping("/programs/{id}")
	@PreAuthorize(ADMINISTER)
	String update(@PathVariable long id, @ModelAttribute("form") ProgramEditForm form, Model model, RedirectAttributes redirect) {
		model.addAttribute("p", programs.require(Actor.require().scope(), id));
		return save(id, form, model, redirect);
	}

	private String save(Long id, ProgramEditForm form, Model model, RedirectAttributes redirect) {
		if (form.op() != null && !form.op().isBlank()) {
			// a row added or removed without script: the form again, nothing saved
			model.addAttribute("form", form.applied());
			return "programs/program-form";
		}
		List<String> errors = new ArrayList<>();
		try {
			ProgramContent content = form.toContent();
			for (ConstraintViolation<ProgramContent> v : validator.validate(content)) {
				errors.add(v.getPropertyPath() + ": " + v.getMessage());
			}
			if (errors.isEmpty()) {
				ProgramView saved = id == null ? programs.create(Actor.require().scope(), form.code(), content)
						: programs.update(Actor.require().scope(), id, content);
				redirect.addFlashAttribute("message", messages.get("programs.program.saved", saved.code(), saved.version()));
				return "redirect:/programs/" + saved.id();
			}
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND || ex.problem() == Problem.FORBIDDEN) {
				throw ex;
			}
			errors.add((ex.field() == null ? "" : ex.field() + ": ") + messages.of(ex));
		}
		model.addAttribute("errors", errors);
		return "programs/program-form";
	}

	@PostMapping("/programs/{id}/activate")
	@PreAuthorize(ADMINISTER)
	String activate(@PathVariable long id, RedirectAttributes redirect) {
		try {
			ProgramView p = programs.activate(Actor.require().scope(), id);
			redirect.addFlashAttribute("message", messages.get("programs.program.activated", p.code(), p.version()));
		}
		catch (ProgramActivationRefused ex) {
			redirect.addFlashAttribute("error", messages.of(ex));
			redirect.addFlashAttribute("failedCases", ex.failures());
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/programs/" + id;
	}

	@PostMapping("/programs/{id}/end")
	@PreAuthorize(ADMINISTER)
	String end(@PathVariable long id, RedirectAttributes redirect) {
		try {
			ProgramView p = programs.end(Actor.require().scope(), id);
			redirect.addFlashAttribute("message", messages.get("programs.program.ended", p.code(), p.version()));
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/programs/" + id;
	}

	/** The program's next five dates (none for an event schedule or one that does not parse). */
	private java.util.List<org.bangfu.programs.ScheduleOccurrence> upcoming(ProgramView p) {
		try {
			if (org.bangfu.programs.Schedules.parse(p.content().schedule()) instanceof org.bangfu.programs.ScheduleSpec.OnEvent) {
				return java.util.List.of();
			}
			return schedules.upcoming(p.content().schedule(), clock.today(), 5);
		}
		catch (org.bangfu.shared.BangfuException ex) {
			return java.util.List.of();
		}
	}

}
