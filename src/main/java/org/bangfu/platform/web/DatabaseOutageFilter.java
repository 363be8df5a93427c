package org.bangfu.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.bangfu.platform.db.DatabaseAvailability;
import org.bangfu.platform.db.DatabaseOutage;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * Fails fast while the database is away: before the session is loaded (sessions live in the
 * database), every request but the health checks gets a 503 at once, a page in the caller's
 * language or a problem for the API, with Retry-After. A request that runs into the outage
 * marks the database down for the next ones.
 */
final class DatabaseOutageFilter extends OncePerRequestFilter {

	static final String KEY = "db.unavailable";

	private final DatabaseAvailability database;

	private final ProblemResponses problems;

	DatabaseOutageFilter(DatabaseAvailability database, ProblemResponses problems) {
		this.database = database;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!database.up()) {
			unavailable(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!DatabaseOutage.causedBy(ex)) {
				throw ex;
			}
			database.failed();
			if (response.isCommitted()) {
				throw ex;
			}
			response.reset();
			unavailable(request, response);
		}
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", "5");
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			problems.write(request, response, 503, KEY);
			return;
		}
		response.setStatus(503);
		response.setContentType("text/html;charset=UTF-8");
		String text = HtmlUtils.htmlEscape(problems.message(request, KEY));
		response.getWriter()
			.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>503</title></head><body><p id=\"db-unavailable\">"
					+ text + "</p></body></html>");
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		/** Ahead of the session filter (Spring Session's order is Integer.MIN_VALUE + 50). */
		@Bean
		FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(DatabaseAvailability database,
				ProblemResponses problems) {
			FilterRegistrationBean<DatabaseOutageFilter> bean = new FilterRegistrationBean<>(
					new DatabaseOutageFilter(database, problems));
			bean.setOrder(Integer.MIN_VALUE + 40);
			bean.addUrlPatterns("/*");
			return bean;
		}

	}

}
