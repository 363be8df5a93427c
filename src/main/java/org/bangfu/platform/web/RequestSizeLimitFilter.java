package org.bangfu.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses JSON and form bodies larger than {@code bangfu.web.max-body-size} (1 MB) with a 413
 * problem before anything reads them. File uploads (multipart) have their own, larger limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final ProblemResponses problems;

	private final long maxBytes;

	RequestSizeLimitFilter(ProblemResponses problems, @Value("${bangfu.web.max-body-size:1MB}") DataSize max) {
		this.problems = problems;
		this.maxBytes = max.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		boolean limited = type != null && !type.startsWith("multipart/");
		if (limited && request.getContentLengthLong() > maxBytes) {
			problems.write(request, response, 413, "error.tooLarge");
			return;
		}
		chain.doFilter(request, response);
	}

}
