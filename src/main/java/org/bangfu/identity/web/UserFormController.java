package org.bangfu.identity.web;

import org.bangfu.platform.web.PageMessages;
import java.util.EnumSet;

import jakarta.validation.Valid;

import org.bangfu.identity.UserCommands.CreateUser;
import org.bangfu.identity.UserCommands.UpdateUser;
import org.bangfu.identity.UserView;
import org.bangfu.identity.Users;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Creating and editing users (administrators only, within their subtree). */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserFormController {

	private final Users users;

	private final UserFormModel page;

	private final PageMessages text;

	UserFormController(Users users, UserFormModel page, PageMessages text) {
		this.users = users;
		this.page = page;
		this.text = text;
	}

	@GetMapping("/users/new")
	String newUser(Model model) {
		Actor actor = Actor.require();
		model.addAttribute("form",
				new CreateUser("", "", "", actor.organisationId(), EnumSet.noneOf(Role.class), ""));
		return page.newUser(model, actor.scope());
	}

	@PostMapping("/users")
	String create(@Valid @ModelAttribute("form") CreateUser form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		Scope scope = Actor.require().scope();
		if (!errors.hasErrors()) {
			try {
				UserView created = users.create(scope, form);
				redirect.addFlashAttribute("message", text.get("user.created", created.login()));
				return "redirect:/users?q=" + created.login();
			}
			catch (BangfuException ex) {
				text.reject(errors, ex);
			}
		}
		return page.newUser(model, scope);
	}

	@GetMapping("/users/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Scope scope = Actor.require().scope();
		return page.edit(model, scope, users.require(scope, id), true);
	}

	@PostMapping("/users/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UpdateUser form, BindingResult errors,
			Model model, RedirectAttributes redirect) {
		Scope scope = Actor.require().scope();
		UserView user = users.require(scope, id);
		if (!errors.hasErrors()) {
			try {
				UserView saved = users.update(scope, id, form);
				redirect.addFlashAttribute("message", text.get("user.updated", saved.login()));
				return "redirect:/users/" + id + "/edit";
			}
			catch (BangfuException ex) {
				text.reject(errors, ex);
			}
		}
		return page.edit(model, scope, user, false);
	}

}
