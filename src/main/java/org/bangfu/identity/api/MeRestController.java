package org.bangfu.identity.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.identity.BangfuUser;
import org.bangfu.shared.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Me", description = "The caller")
class MeRestController {

	@Schema(name = "Me")
	record Me(long id, String login, String name, long organisationId, String organisationName, List<Role> roles) {
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "Who is calling: login, name, organisation and roles")
	Me me(@AuthenticationPrincipal BangfuUser user) {
		return new Me(user.userId(), user.login(), user.displayName(), user.organisationId(), user.organisationName(),
				user.roles().stream().sorted().toList());
	}

}
