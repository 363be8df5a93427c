package org.bangfu.organisation.web;

import org.bangfu.platform.web.PageMessages;
import jakarta.validation.Valid;

import org.bangfu.organisation.OrganisationCommands.CreateOrganisation;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The organisation tree of the caller's subtree, and creating organisations in it. */
@Controller
@RequestMapping("/organisations")
class OrganisationController {

	private final Organisations organisations;

	private final OrganisationChoices choices;

	private final PageMessages texts;

	OrganisationController(Organisations organisations, OrganisationChoices choices, PageMessages texts) {
		this.organisations = organisations;
		this.choices = choices;
		this.texts = texts;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
	String list(Model model) {
		Actor actor = Actor.require();
		model.addAttribute("rows", choices.tree(actor.scope()));
		model.addAttribute("canWrite", actor.has(Role.ADMIN));
		return "organisation/list";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('ADMIN')")
	String newForm(@RequestParam(required = false) Long parent, Model model) {
		Scope scope = Actor.require().scope();
		Long parentId = parent == null ? null : organisations.require(scope, parent).id();
		String region = parent == null ? "" : organisations.require(scope, parent).regionCode();
		model.addAttribute("form", new CreateOrganisation("", "", null, region == null ? "" : region, parentId));
		return form(scope, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	String create(@Valid @ModelAttribute("form") CreateOrganisation form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Scope scope = Actor.require().scope();
		if (errors.hasErrors()) {
			return form(scope, model);
		}
		OrganisationView created;
		try {
			created = organisations.create(scope, form);
		}
		catch (BangfuException ex) {
			texts.reject(errors, ex);
			return form(scope, model);
		}
		redirect.addFlashAttribute("message", texts.get("organisation.created", created.name()));
		return "redirect:/organisations";
	}

	private String form(Scope scope, Model model) {
		model.addAttribute("types", OrganisationChoices.types(null));
		model.addAttribute("parents", choices.parents(scope, null));
		return "organisation/new";
	}

}
