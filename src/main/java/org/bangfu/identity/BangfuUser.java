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

/** A logged-in user: Spring Security's principal and Bangfu's {@link Actor}. */
public record BangfuUser(long userId, String login, String displayName, long organisationId, String organisationPath,
		String organisationName, Set<Role> roles, String password, boolean active, Instant lockedUntil)
		implements UserDetails, Actor, java.io.Serializable {

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
				"", active, lockedUntil);
	}

}
