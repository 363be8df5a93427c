package org.bangfu.identity.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.bangfu.identity.UserView;
import org.bangfu.shared.Role;

/** A user as the API shows it. Lists carry the masked phone; a single user the full one. */
@Schema(name = "User")
record UserResource(long id, String login, String name, String phone, long organisationId, String organisationName,
		List<Role> roles, boolean active, boolean locked, Instant lockedUntil, Instant createdAt) {

	static UserResource of(UserView u, boolean fullPhone) {
		return new UserResource(u.id(), u.login(), u.name(), fullPhone ? u.phone() : u.maskedPhone(),
				u.organisationId(), u.organisationName(), u.roles().stream().sorted().toList(), u.active(), u.locked(),
				u.locked() ? u.lockedUntil() : null, u.createdAt());
	}

}
