package org.bangfu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.bangfu.identity.Users;
import org.bangfu.shared.Actor;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A user whose password was set by someone else (or generated) must choose their own before
 * anything else: every page sends them to /account/password until they have.
 */
class MustChangePasswordInterceptor implements HandlerInterceptor {

	static final String TARGET = "/account/password";

	private final Users users;

	MustChangePasswordInterceptor(Users users) {
		this.users = users;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		// read with the session's rights check when there was one; otherwise asked here
		boolean mustChange = request.getAttribute(Users.MUST_CHANGE_PASSWORD_ATTRIBUTE) instanceof Boolean known ? known
				: Actor.current().map(a -> users.mustChangePassword(a.userId())).orElse(false);
		if (!mustChange) {
			return true;
		}
		String target = request.getContextPath() + TARGET;
		if ("true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Redirect", target);
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		}
		else {
			response.sendRedirect(target);
		}
		return false;
	}

}
