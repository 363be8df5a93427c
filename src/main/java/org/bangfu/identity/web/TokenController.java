package org.bangfu.identity.web;

import org.bangfu.platform.web.PageMessages;
import jakarta.validation.Valid;

import org.bangfu.identity.ApiTokens;
import org.bangfu.identity.ApiTokens.TokenView;
import org.bangfu.identity.Users;
import org.bangfu.identity.Users.UserSearch;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
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

/**
 * API tokens of the users in the administrator's subtree. A new token's secret is rendered
 * straight into the answer to the POST (not redirected through a flash attribute) so that it
 * is never written to the session store; it is shown this once.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class TokenController {

	static final int MAX_USER_CHOICES = 500;

	private final ApiTokens tokens;

	private final Users users;

	private final PageMessages text;

	TokenController(ApiTokens tokens, Users users, PageMessages text) {
		this.tokens = tokens;
		this.users = users;
		this.text = text;
	}

	@GetMapping("/tokens")
	String list(Model model) {
		model.addAttribute("form", new IssueTokenForm(null, "", null));
		return page(model, Actor.require().scope());
	}

	@PostMapping("/tokens")
	String issue(@Valid @ModelAttribute("form") IssueTokenForm form, BindingResult errors, Model model) {
		Scope scope = Actor.require().scope();
		if (!errors.hasErrors()) {
			try {
				model.addAttribute("issued", tokens.issue(scope, form.userId(), form.name(), form.expiryInstant()));
				model.addAttribute("form", new IssueTokenForm(null, "", null));
			}
			catch (BangfuException ex) {
				text.reject(errors, ex);
			}
		}
		return page(model, scope);
	}

	@PostMapping("/tokens/{id}/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		Scope scope = Actor.require().scope();
		TokenView token = tokens.find(scope, id).orElseThrow(() -> BangfuException.notFound("token.notFound", id));
		tokens.revoke(scope, id);
		redirect.addFlashAttribute("message", text.get("token.revokedMessage", token.name(), token.userLogin()));
		return "redirect:/tokens";
	}

	private String page(Model model, Scope scope) {
		model.addAttribute("tokens", tokens.list(scope));
		model.addAttribute("users", users.search(scope, new UserSearch(null, null, null, true), MAX_USER_CHOICES, 0));
		return "tokens/list";
	}

}
