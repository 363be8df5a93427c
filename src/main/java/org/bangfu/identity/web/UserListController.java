package org.bangfu.identity.web;

import java.util.List;

import org.bangfu.identity.UserView;
import org.bangfu.identity.Users;
import org.bangfu.organisation.Organisations;
import org.bangfu.shared.Actor;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The user list: filters, server-side paging, masked phones. Administrators and auditors read it. */
@Controller
class UserListController {

	private final Users users;

	private final Organisations organisations;

	UserListController(Users users, Organisations organisations) {
		this.users = users;
		this.organisations = organisations;
	}

	@GetMapping("/users")
	@PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String org,
			@RequestParam(required = false) String role, @RequestParam(required = false) String active,
			@RequestParam(required = false) String page, @RequestParam(required = false) String size, Model model) {
		Scope scope = Actor.require().scope();
		UserListFilter filter = UserListFilter.of(q, org, role, active, page, size);
		long total = users.count(scope, filter.search());
		List<UserView> rows = users.search(scope, filter.search(), filter.size(), filter.offset());
		model.addAttribute("filter", filter);
		model.addAttribute("users", rows);
		model.addAttribute("total", total);
		model.addAttribute("pages", filter.pages(total));
		model.addAttribute("organisations", OrganisationChoice.of(organisations.tree(scope), false));
		model.addAttribute("roles", Role.values());
		model.addAttribute("pageSizes", UserListFilter.PAGE_SIZES);
		return "users/list";
	}

}
