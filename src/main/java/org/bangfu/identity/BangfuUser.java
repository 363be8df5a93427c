package org.bangfu.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.bangfu.shared.Actor;
import org.bangfu.shared.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A logged-in user: Spring Security's principal and Bangfu's {@link Actor}. {@code securityStamp}
 * and {@code passwordChangedAt} are the account's state when the principal was loaded: a session
 * whose stamp is behind the database takes the new rights, or ends when the password changed
 * (see {@link SessionRightsFilter}).
 */
public record BangfuUser(long userId, String login, String displayName, long organisationId, String organisationPath,
		String organisationName, Set<Role> roles, String password, boolean active, Instant lockedUntil,
		long securityStamp, Instant passwordChangedAt) implements UserDetails, Actor, java.io.Serializable {

	/** A principal built outside a login (tests, system work): no stamp, so never kept in a session. */
	public BangfuUser(long userId, String login, String displayName, long organisationId, String organisationPath,
			String organisationName, Set<Role> roles, String password, boolean active, Instant lockedUntil) {
		this(userId, login, displayName, organisationId, organisationPath, organisationName, roles, password, active,
				lockedUntil, 0, null);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).collect(Collectors.toSet());
	}

	@Override
	public String getPassword() {
		return password;
	}

	@Override
	public String getUsername() {
		return login;
	}

	@Override
	public boolean isAccountNonLocked() {
		return lockedUntil == null || lockedUntil.isBefore(Instant.now());
	}

	@Override
	public boolean isEnabled() {
		return active;
	}

	/** The same user without the password hash, as kept in the session. */
	public BangfuUser withoutPassword() {
		return new BangfuUser(userId, login, displayName, organisationId, organisationPath, organisationName, roles,
				"", active, lockedUntil, securityStamp, passwordChangedAt);
	}

}
