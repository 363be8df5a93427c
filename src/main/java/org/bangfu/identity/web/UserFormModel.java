package org.bangfu.identity.web;

import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.identity.PasswordPolicy;
import org.bangfu.identity.UserCommands.ResetPassword;
import org.bangfu.identity.UserCommands.UpdateUser;
import org.bangfu.identity.UserView;
import org.bangfu.organisation.Organisations;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the new-user and edit-user page needs besides the form itself. */
@Component
class UserFormModel {

	static final String VIEW = "users/form";

	private final Organisations organisations;

	private final AuditLog audit;

	UserFormModel(Organisations organisations, AuditLog audit) {
		this.organisations = organisations;
		this.audit = audit;
	}

	String newUser(Model model, Scope scope) {
		common(model, scope);
		return VIEW;
	}

	/**
	 * The edit page for a user. It shows the full phone number, so showing it is audited; when
	 * a form comes back with errors the view is not recorded again.
	 */
	String edit(Model model, Scope scope, UserView user, boolean firstView) {
		common(model, scope);
		model.addAttribute("user", user);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new UpdateUser(user.name(), user.phone(), user.organisationId(), user.roles()));
		}
		if (!model.containsAttribute("reset")) {
			model.addAttribute("reset", new ResetPassword(""));
		}
		if (firstView) {
			audit.record("user.view", "user", user.id(), Map.of("login", user.login()));
		}
		return VIEW;
	}

	private void common(Model model, Scope scope) {
		model.addAttribute("organisations", OrganisationChoice.of(organisations.tree(scope), true));
		model.addAttribute("roles", Role.values());
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
	}

}
