package org.bangfu.identity;

import org.bangfu.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The session of the request being served, if any: after users change their own account (a new
 * password moves the security stamp) their current session takes the new state, so that only
 * their other sessions end.
 */
@Component
class CurrentSession {

	private final LoginAccounts accounts;

	CurrentSession(LoginAccounts accounts) {
		this.accounts = accounts;
	}

	/** Reloads the principal of the current session when it is the given user's. */
	void refresh(long userId) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs)
				|| attrs.getRequest().getSession(false) == null
				|| Actor.current().map(a -> a.userId() != userId).orElse(true)) {
			return;
		}
		accounts.loadById(userId).ifPresent(user -> SessionRightsFilter.replace(attrs.getRequest(), user));
	}

}
