package org.bangfu.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.bangfu.platform.web.ProblemResponses;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** Answers unauthenticated or forbidden API calls with an RFC 9457 problem in the caller's language. */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ProblemResponses problems;

	ProblemAuthenticationEntryPoint(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"bangfu\", Bearer");
		String key = ex instanceof org.springframework.security.authentication.LockedException ? "error.locked"
				: "error.unauthenticated";
		problems.write(request, response, 401, key);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		problems.write(request, response, 403, "error.forbidden");
	}

}
