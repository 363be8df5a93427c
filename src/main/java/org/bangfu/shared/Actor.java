package org.bangfu.shared;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user on whose behalf the current request or job runs. */
public interface Actor {

	long userId();

	String login();

	String displayName();

	long organisationId();

	String organisationPath();

	Set<Role> roles();

	default Scope scope() {
		return new Scope(organisationId(), organisationPath());
	}

	default boolean has(Role role) {
		return roles().contains(role);
	}

	/** The actor of the current thread, if a user is logged in. */
	static Optional<Actor> current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof Actor actor) {
			return Optional.of(actor);
		}
		return Optional.empty();
	}

	/** The actor of the current thread; fails when nobody is logged in. */
	static Actor require() {
		return current().orElseThrow(() -> new BangfuException(Problem.UNAUTHENTICATED, "error.unauthenticated"));
	}

}
