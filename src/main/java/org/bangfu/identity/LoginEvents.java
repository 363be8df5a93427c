package org.bangfu.identity;

import java.util.Map;

import org.bangfu.audit.AuditEntry;
import org.bangfu.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed logins toward the lockout and audits logins, failures and logouts. */
@Component
class LoginEvents {

	private final LoginAccounts accounts;

	private final AuditLog audit;

	LoginEvents(LoginAccounts accounts, AuditLog audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof BangfuUser user) {
			accounts.loginSucceeded(user.userId());
		}
	}

	@EventListener
	void onInteractiveSuccess(InteractiveAuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof BangfuUser user) {
			audit.record(new AuditEntry("login", "user", String.valueOf(user.userId()), user.userId(), user.login(),
					user.organisationId(), Map.of()));
		}
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		String login = String.valueOf(event.getAuthentication().getName());
		if (event instanceof AuthenticationFailureBadCredentialsEvent) {
			accounts.loginFailed(login);
		}
		String reason = event.getException().getClass().getSimpleName();
		audit.record(new AuditEntry("login.failed", "user", null, null, truncate(login), null, Map.of("reason", reason)));
	}

	@EventListener
	void onLogout(LogoutSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof BangfuUser user) {
			audit.record(new AuditEntry("logout", "user", String.valueOf(user.userId()), user.userId(), user.login(),
					user.organisationId(), Map.of()));
		}
	}

	private static String truncate(String login) {
		return login.length() > 50 ? login.substring(0, 50) : login;
	}

}
