package org.bangfu.identity.api;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.bangfu.audit.AuditLog;
import org.bangfu.identity.UserCommands.CreateUser;
import org.bangfu.identity.UserCommands.ResetPassword;
import org.bangfu.identity.UserCommands.UpdateUser;
import org.bangfu.identity.UserView;
import org.bangfu.identity.Users;
import org.bangfu.identity.Users.UserSearch;
import org.bangfu.shared.Actor;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "User accounts in the caller's organisation subtree. Reading needs ADMIN or "
		+ "AUDITOR, changing needs ADMIN; a user outside the subtree answers 404.")
class UserRestController {

	private final Users users;

	private final AuditLog audit;

	UserRestController(Users users, AuditLog audit) {
		this.users = users;
		this.audit = audit;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
	@Operation(summary = "Search users", description = "Text matches login or name; phones are masked.")
	PageResource<UserResource> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) Long organisationId, @RequestParam(required = false) Role role,
			@RequestParam(required = false) Boolean active,
			@Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
			@Parameter(description = "page size, at most 100") @RequestParam(defaultValue = "20") int size) {
		Scope scope = Actor.require().scope();
		UserSearch search = new UserSearch(q, organisationId, role, active);
		int pageSize = PageResource.size(size);
		int pageNumber = Math.max(0, page);
		var items = users.search(scope, search, pageSize, pageNumber * pageSize)
			.stream()
			.map(u -> UserResource.of(u, false))
			.toList();
		return new PageResource<>(items, pageNumber, pageSize, users.count(scope, search));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
	@Operation(summary = "One user, with the full phone number (the view is audited)")
	UserResource get(@PathVariable long id) {
		UserView user = users.require(Actor.require().scope(), id);
		audit.record("user.view", "user", id, Map.of("login", user.login()));
		return UserResource.of(user, true);
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Create a user", description = "The user must change the initial password at first login.")
	ResponseEntity<UserResource> create(@Valid @RequestBody CreateUser command) {
		UserView created = users.create(Actor.require().scope(), command);
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(UserResource.of(created, true));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Change a user's name, phone, organisation and roles")
	UserResource update(@PathVariable long id, @Valid @RequestBody UpdateUser command) {
		return UserResource.of(users.update(Actor.require().scope(), id, command), true);
	}

	@PostMapping("/{id}/deactivate")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Deactivate a user", description = "Ends all of the user's sessions.")
	UserResource deactivate(@PathVariable long id) {
		return UserResource.of(users.setActive(Actor.require().scope(), id, false), true);
	}

	@PostMapping("/{id}/activate")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Activate a user again")
	UserResource activate(@PathVariable long id) {
		return UserResource.of(users.setActive(Actor.require().scope(), id, true), true);
	}

	@PostMapping("/{id}/unlock")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Unlock a user locked after failed logins")
	UserResource unlock(@PathVariable long id) {
		Scope scope = Actor.require().scope();
		users.unlock(scope, id);
		return UserResource.of(users.require(scope, id), true);
	}

	@PostMapping("/{id}/reset-password")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Set a new password", description = "The user must change it at the next login.")
	ResponseEntity<Void> resetPassword(@PathVariable long id, @Valid @RequestBody ResetPassword command) {
		users.resetPassword(Actor.require().scope(), id, command.password());
		return ResponseEntity.noContent().build();
	}

}
