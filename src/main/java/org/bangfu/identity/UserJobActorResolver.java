package org.bangfu.identity;

import java.util.Optional;

import org.bangfu.platform.jobs.JobActorResolver;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Jobs run as the user who submitted them, so their writes are scoped and audited to that user. */
@Component
class UserJobActorResolver implements JobActorResolver {

	private final LoginAccounts accounts;

	UserJobActorResolver(LoginAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Optional<Authentication> authenticationFor(long userId) {
		return accounts.loadById(userId)
			.map(u -> {
				BangfuUser safe = u.withoutPassword();
				return UsernamePasswordAuthenticationToken.authenticated(safe, null, safe.getAuthorities());
			});
	}

}
