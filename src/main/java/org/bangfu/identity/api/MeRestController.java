package org.bangfu.identity.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.bangfu.identity.BangfuUser;
import org.bangfu.identity.UserCommands.ChangePassword;
import org.bangfu.identity.Users;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Me", description = "The caller, and changing the caller's own password. A user whose password "
		+ "was set by someone else must change it before anything else: with HTTP Basic every other call answers "
		+ "403 (code password.mustChange.api) until then.")
class MeRestController {

	private final Users users;

	MeRestController(Users users) {
		this.users = users;
	}

	@Schema(name = "Me")
	record Me(long id, String login, String name, long organisationId, String organisationName, List<Role> roles) {
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "Who is calling: login, name, organisation and roles")
	Me me(@AuthenticationPrincipal BangfuUser user) {
		return new Me(user.userId(), user.login(), user.displayName(), user.organisationId(), user.organisationName(),
				user.roles().stream().sorted().toList());
	}

	@PostMapping("/api/v1/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change the caller's own password (HTTP Basic only; audited)",
			description = "The new password must follow the password policy and differ from the current one. "
					+ "An API token cannot change a password.",
			responses = { @ApiResponse(responseCode = "204", description = "Changed; use the new password from now on"),
					@ApiResponse(responseCode = "400", description = "Current password wrong or new password refused; "
							+ "`errors` names the field"),
					@ApiResponse(responseCode = "403", description = "Called with an API token") })
	void changePassword(@AuthenticationPrincipal BangfuUser user, @Valid @RequestBody ChangePassword command,
			HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			throw new BangfuException(Problem.FORBIDDEN, "password.change.basicOnly");
		}
		users.changeOwnPassword(user.userId(), command.currentPassword(), command.newPassword());
	}

}
