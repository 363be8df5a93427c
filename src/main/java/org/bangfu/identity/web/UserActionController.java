package org.bangfu.identity.web;

import org.bangfu.platform.web.PageMessages;
import jakarta.validation.Valid;

import org.bangfu.identity.UserCommands.ResetPassword;
import org.bangfu.identity.UserView;
import org.bangfu.identity.Users;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Deactivate, activate, unlock and reset the password of a user; each goes back to the edit page. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserActionController {

	private final Users users;

	private final UserFormModel page;

	private final PageMessages text;

	UserActionController(Users users, UserFormModel page, PageMessages text) {
		this.users = users;
		this.page = page;
		this.text = text;
	}

	@PostMapping("/users/{id}/deactivate")
	String deactivate(@PathVariable long id, RedirectAttributes redirect) {
		return setActive(id, false, redirect);
	}

	@PostMapping("/users/{id}/activate")
	String activate(@PathVariable long id, RedirectAttributes redirect) {
		return setActive(id, true, redirect);
	}

	@PostMapping("/users/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		Scope scope = Actor.require().scope();
		UserView user = users.require(scope, id);
		users.unlock(scope, id);
		redirect.addFlashAttribute("message", text.get("user.unlocked", user.login()));
		return back(id);
	}

	@PostMapping("/users/{id}/reset-password")
	String resetPassword(@PathVariable long id, @Valid @ModelAttribute("reset") ResetPassword reset,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		Scope scope = Actor.require().scope();
		UserView user = users.require(scope, id);
		if (!errors.hasErrors()) {
			try {
				users.resetPassword(scope, id, reset.password());
				redirect.addFlashAttribute("message", text.get("user.passwordReset", user.login()));
				return back(id);
			}
			catch (BangfuException ex) {
				text.reject(errors, ex);
			}
		}
		return page.edit(model, scope, user, false);
	}

	private String setActive(long id, boolean active, RedirectAttributes redirect) {
		Scope scope = Actor.require().scope();
		users.require(scope, id);
		try {
			UserView user = users.setActive(scope, id, active);
			redirect.addFlashAttribute("message",
					text.get(active ? "user.activated" : "user.deactivated", user.login()));
		}
		catch (BangfuException ex) {
			if (ex.field() != null || ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", text.get(ex.messageKey(), ex.args()));
		}
		return back(id);
	}

	private static String back(long id) {
		return "redirect:/users/" + id + "/edit";
	}

}
