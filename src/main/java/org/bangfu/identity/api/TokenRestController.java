package org.bangfu.identity.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.bangfu.identity.ApiTokens;
import org.bangfu.identity.ApiTokens.IssuedToken;
import org.bangfu.identity.ApiTokens.TokenView;
import org.bangfu.shared.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "API tokens", description = "Bearer tokens for machine access, for users in the caller's subtree (ADMIN)")
class TokenRestController {

	private final ApiTokens tokens;

	TokenRestController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Schema(name = "IssueToken")
	record IssueToken(@NotNull(message = "{token.user.required}") Long userId,
			@NotBlank(message = "{token.name.required}") @Size(max = 100, message = "{token.name.required}") String name,
			@Schema(description = "optional; the token stops working at this instant") Instant expiresAt) {
	}

	@Schema(name = "IssuedToken", description = "The token itself is in `token`, shown this once and never again")
	record Issued(String token, TokenView details) {
	}

	@PostMapping
	@Operation(summary = "Issue a token", description = "Answers 201 with the secret token; only its hash is kept.")
	ResponseEntity<Issued> issue(@Valid @RequestBody IssueToken command) {
		IssuedToken issued = tokens.issue(Actor.require().scope(), command.userId(), command.name(),
				command.expiresAt());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.view().id()))
			.body(new Issued(issued.token(), issued.view()));
	}

	@GetMapping
	@Operation(summary = "Tokens of the users in scope, newest first (never the secrets)")
	List<TokenView> list() {
		return tokens.list(Actor.require().scope());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke a token; it stops working at once")
	ResponseEntity<Void> revoke(@PathVariable long id) {
		tokens.revoke(Actor.require().scope(), id);
		return ResponseEntity.noContent().build();
	}

}
