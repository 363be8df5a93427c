package org.bangfu.platform.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a NUL character in any query or form field with a 400 before it reaches a search or a
 * store (PostgreSQL cannot keep it in text and answered with a server error): a problem detail
 * under /api, the error page elsewhere. Multipart uploads are checked by their own readers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class ControlCharacterFilter extends OncePerRequestFilter {

	private final ProblemResponses problems;

	ControlCharacterFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase().startsWith("multipart/") && request.getQueryString() == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (containsNul(request)) {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				problems.write(request, response, 400, "error.controlCharacter");
			}
			else {
				response.sendError(400);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean containsNul(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query != null && (query.contains("%00") || query.indexOf('\0') >= 0)) {
			return true;
		}
		String type = request.getContentType();
		if (type != null && type.toLowerCase().startsWith("multipart/")) {
			return false;
		}
		for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
			if (e.getKey().indexOf('\0') >= 0) {
				return true;
			}
			for (String v : e.getValue()) {
				if (v != null && v.indexOf('\0') >= 0) {
					return true;
				}
			}
		}
		return false;
	}

}
