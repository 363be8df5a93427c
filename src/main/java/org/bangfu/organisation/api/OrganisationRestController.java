package org.bangfu.organisation.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.bangfu.organisation.OrganisationCommands.CreateOrganisation;
import org.bangfu.organisation.OrganisationCommands.MoveOrganisation;
import org.bangfu.organisation.OrganisationCommands.UpdateOrganisation;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.shared.Actor;
import org.bangfu.shared.Scope;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The organisation tree over HTTP, limited to the caller's subtree. */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "Organisations", description = "The organisation tree of the caller's subtree. Reads: every role; "
		+ "writes: ADMIN. An organisation outside the caller's subtree answers 404.")
class OrganisationRestController {

	private final Organisations organisations;

	OrganisationRestController(Organisations organisations) {
		this.organisations = organisations;
	}

	@GetMapping
	@Operation(summary = "List the caller's subtree in tree order (the caller's organisation first)")
	List<OrganisationView> list() {
		return organisations.tree(scope());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One organisation", responses = { @ApiResponse(responseCode = "200"),
			@ApiResponse(responseCode = "404", description = "No such organisation in the caller's subtree") })
	OrganisationView get(@Parameter(description = "Organisation id") @PathVariable long id) {
		return organisations.require(scope(), id);
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Create an organisation under a parent in the caller's subtree",
			responses = { @ApiResponse(responseCode = "201", description = "Created; Location names it"),
					@ApiResponse(responseCode = "400", description = "Invalid input; `errors` maps fields to messages"),
					@ApiResponse(responseCode = "403", description = "Caller is not an administrator") })
	ResponseEntity<OrganisationView> create(@Valid @RequestBody CreateOrganisation command) {
		OrganisationView created = organisations.create(scope(), command);
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{id}")
			.buildAndExpand(created.id())
			.toUri();
		return ResponseEntity.created(location).body(created);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Rename an organisation or change its type or region")
	OrganisationView update(@PathVariable long id, @Valid @RequestBody UpdateOrganisation command) {
		return organisations.update(scope(), id, command);
	}

	@PostMapping("/{id}/move")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Move an organisation with its subtree under a new parent; cycles are refused")
	OrganisationView move(@PathVariable long id, @Valid @RequestBody MoveOrganisation command) {
		return organisations.move(scope(), id, command.newParentId());
	}

	@PostMapping("/{id}/deactivate")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Deactivate an organisation (its children must be deactivated first)")
	OrganisationView deactivate(@PathVariable long id) {
		return organisations.setActive(scope(), id, false);
	}

	@PostMapping("/{id}/activate")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Activate an organisation again")
	OrganisationView activate(@PathVariable long id) {
		return organisations.setActive(scope(), id, true);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an organisation nothing refers to",
			responses = { @ApiResponse(responseCode = "204"),
					@ApiResponse(responseCode = "409", description = "Still referred to (children, users, data)") })
	void delete(@PathVariable long id) {
		organisations.delete(scope(), id);
	}

	private static Scope scope() {
		return Actor.require().scope();
	}

}
