package org.bangfu.identity;

import java.time.Instant;
import java.util.Set;

import org.bangfu.shared.Role;

/** A user as pages and the API show it (never the password hash). */
public record UserView(long id, String login, String name, String phone, long organisationId,
		String organisationName, Set<Role> roles, boolean active, Instant lockedUntil, Instant createdAt) {

	public boolean locked() {
		return lockedUntil != null && lockedUntil.isAfter(Instant.now());
	}

	/** The phone with the middle four digits hidden, as lists show it. */
	public String maskedPhone() {
		if (phone == null || phone.length() < 7) {
			return phone;
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

}
