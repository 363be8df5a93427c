package org.bangfu.identity;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.bangfu.shared.Role;

/** What an administrator can ask of user accounts. */
public final class UserCommands {

	private UserCommands() {
	}

	public record CreateUser(
			@NotBlank(message = "{user.login.required}") @Size(min = 2, max = 50, message = "{user.login.size}")
			@Pattern(regexp = "[A-Za-z0-9_.@-]*", message = "{user.login.pattern}") String login,
			@NotBlank(message = "{user.name.required}") @Size(max = 50, message = "{user.name.size}") String name,
			@Pattern(regexp = "|1\\d{10}|0\\d{2,3}-\\d{7,8}", message = "{user.phone.pattern}") String phone,
			@NotNull(message = "{user.organisation.required}") Long organisationId,
			@NotEmpty(message = "{user.roles.required}") Set<Role> roles,
			@NotBlank(message = "{user.password.required}") String password) {
	}

	public record UpdateUser(
			@NotBlank(message = "{user.name.required}") @Size(max = 50, message = "{user.name.size}") String name,
			@Pattern(regexp = "|1\\d{10}|0\\d{2,3}-\\d{7,8}", message = "{user.phone.pattern}") String phone,
			@NotNull(message = "{user.organisation.required}") Long organisationId,
			@NotEmpty(message = "{user.roles.required}") Set<Role> roles) {
	}

	public record ChangePassword(@NotBlank(message = "{user.password.required}") String currentPassword,
			@NotBlank(message = "{user.password.required}") String newPassword) {
	}

	/** An administrator sets a new password; the user must change it at the next login. */
	public record ResetPassword(@NotBlank(message = "{user.password.required}") String password) {
	}

}
