package org.bangfu.organisation.web;

import org.bangfu.platform.web.PageMessages;
import jakarta.validation.Valid;

import org.bangfu.organisation.OrganisationCommands.MoveOrganisation;
import org.bangfu.organisation.OrganisationCommands.UpdateOrganisation;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changing one organisation: details, parent, status, deletion. The organisation is looked
 * up in the caller's scope before the role is checked, so one outside it is "not found" (404)
 * for everybody, never "forbidden".
 */
@Controller
@RequestMapping("/organisations/{id}")
class OrganisationEditController {

	private final Organisations organisations;

	private final OrganisationChoices choices;

	private final PageMessages texts;

	OrganisationEditController(Organisations organisations, OrganisationChoices choices, PageMessages texts) {
		this.organisations = organisations;
		this.choices = choices;
		this.texts = texts;
	}

	@GetMapping("/edit")
	String edit(@PathVariable long id, Model model) {
		OrganisationView org = load(id);
		model.addAttribute("form", new UpdateOrganisation(org.name(), org.type(), org.regionCode()));
		model.addAttribute("moveForm", new MoveOrganisation(org.parentId()));
		return page(org, model);
	}

	@PostMapping
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UpdateOrganisation form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		OrganisationView org = load(id);
		model.addAttribute("moveForm", new MoveOrganisation(org.parentId()));
		if (errors.hasErrors()) {
			return page(org, model);
		}
		try {
			OrganisationView saved = organisations.update(scope(), id, form);
			redirect.addFlashAttribute("message", texts.get("organisation.updated", saved.name()));
		}
		catch (BangfuException ex) {
			texts.reject(errors, ex);
			return page(org, model);
		}
		return "redirect:/organisations";
	}

	@PostMapping("/move")
	String move(@PathVariable long id, @Valid @ModelAttribute("moveForm") MoveOrganisation moveForm,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		OrganisationView org = load(id);
		model.addAttribute("form", new UpdateOrganisation(org.name(), org.type(), org.regionCode()));
		if (errors.hasErrors()) {
			return page(org, model);
		}
		try {
			organisations.move(scope(), id, moveForm.newParentId());
		}
		catch (BangfuException ex) {
			texts.reject(errors, ex);
			return page(org, model);
		}
		redirect.addFlashAttribute("message", texts.get("organisation.moved", org.name()));
		return "redirect:/organisations";
	}

	@PostMapping("/deactivate")
	String deactivate(@PathVariable long id, RedirectAttributes redirect) {
		return setActive(id, false, redirect);
	}

	@PostMapping("/activate")
	String activate(@PathVariable long id, RedirectAttributes redirect) {
		return setActive(id, true, redirect);
	}

	@PostMapping("/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		OrganisationView org = load(id);
		return attempt(redirect, () -> {
			organisations.delete(scope(), id);
			return texts.get("organisation.deleted", org.name());
		});
	}

	private String setActive(long id, boolean active, RedirectAttributes redirect) {
		load(id);
		return attempt(redirect, () -> texts.get(active ? "organisation.activated" : "organisation.deactivated",
				organisations.setActive(scope(), id, active).name()));
	}

	/** Runs a one-click action and reports its outcome (or why it was refused) on the list. */
	private String attempt(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
		try {
			redirect.addFlashAttribute("message", action.get());
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", texts.of(ex));
		}
		return "redirect:/organisations";
	}

	/** The organisation in scope (else 404), then the role (else 403). */
	private OrganisationView load(long id) {
		OrganisationView org = organisations.require(scope(), id);
		AdminOnly.require();
		return org;
	}

	private String page(OrganisationView org, Model model) {
		model.addAttribute("org", org);
		model.addAttribute("movable", org.parentId() != null && !org.path().equals(scope().path()));
		model.addAttribute("types", OrganisationChoices.types(org));
		model.addAttribute("parents", choices.parents(scope(), org));
		return "organisation/edit";
	}

	private static Scope scope() {
		return Actor.require().scope();
	}

}
