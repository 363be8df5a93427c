package org.bangfu.web;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.identity.BangfuUser;
import org.bangfu.identity.UserCommands.ChangePassword;
import org.bangfu.identity.Users;
import org.bangfu.shared.BangfuException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.Valid;

@Controller
class AccountController {

	private final Users users;

	private final PageMessages messages;

	AccountController(Users users, PageMessages messages) {
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/account/password")
	String form(Model model) {
		model.addAttribute("form", new ChangePassword("", ""));
		return "account/password";
	}

	@PostMapping("/account/password")
	String change(@AuthenticationPrincipal BangfuUser actor, @Valid @ModelAttribute("form") ChangePassword form,
			BindingResult errors, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return "account/password";
		}
		try {
			users.changeOwnPassword(actor.userId(), form.currentPassword(), form.newPassword());
		}
		catch (BangfuException ex) {
			messages.reject(errors, ex);
			return "account/password";
		}
		redirect.addFlashAttribute("message", messages.get("password.changed"));
		return "redirect:/";
	}

}
