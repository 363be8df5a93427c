package org.bangfu.identity;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rights follow every change to an account at once, on every instance: each page request of a
 * logged-in session reads the account's {@link LoginAccounts.Standing} (one primary-key lookup,
 * which also answers the forced password change) and compares it with the principal kept in the
 * session. When they differ the principal is reloaded: a moved or re-roled user goes on with the
 * new organisation and roles, a deactivated user (or one of a deactivated organisation) or one
 * whose password changed since the session began is logged out and sent to the login page.
 */
final class SessionRightsFilter extends OncePerRequestFilter {

	/** Request attribute: whether the current user must change their password (a Boolean). */
	static final String MUST_CHANGE_PASSWORD = Users.MUST_CHANGE_PASSWORD_ATTRIBUTE;

	static final String ENDED = "/login?changed";

	private final LoginAccounts accounts;

	SessionRightsFilter(LoginAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
				|| path.startsWith("/webjars/") || path.equals("/favicon.ico") || path.startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof BangfuUser user)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<LoginAccounts.Standing> standing = accounts.standing(user.userId());
		if (standing.isEmpty() || !standing.get().matches(user)) {
			Optional<BangfuUser> fresh = accounts.loadById(user.userId())
				.filter(BangfuUser::isEnabled)
				.filter(u -> u.passwordChangedAt() != null && u.passwordChangedAt().equals(user.passwordChangedAt()));
			if (fresh.isEmpty()) {
				end(request, response);
				return;
			}
			replace(request, fresh.get());
		}
		request.setAttribute(MUST_CHANGE_PASSWORD, standing.get().mustChangePassword());
		chain.doFilter(request, response);
	}

	/** Puts the reloaded principal in this request and in the session (shared by all instances). */
	static void replace(HttpServletRequest request, BangfuUser fresh) {
		BangfuUser safe = fresh.withoutPassword();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(safe, null, safe.getAuthorities()));
		SecurityContextHolder.setContext(context);
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
		}
	}

	private static void end(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		String target = request.getContextPath() + ENDED;
		if ("true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Redirect", target);
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		}
		else {
			response.sendRedirect(target);
		}
	}

}
