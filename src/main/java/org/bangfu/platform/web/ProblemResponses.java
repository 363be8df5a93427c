package org.bangfu.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem details whose title and detail are in the caller's language. */
@Component
public class ProblemResponses {

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json = JsonMapper.builder().build();

	ProblemResponses(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	public ProblemDetail problem(HttpServletRequest request, int status, String key, Object... args) {
		Locale locale = locales.resolveLocale(request);
		ProblemDetail pd = ProblemDetail.forStatus(status);
		pd.setTitle(messages.getMessage("problem.title." + status, null, HttpStatus.valueOf(status).getReasonPhrase(),
				locale));
		pd.setDetail(messages.getMessage(key, args, key, locale));
		pd.setType(URI.create("https://bangfu.org/problems/" + key));
		pd.setInstance(URI.create(request.getRequestURI()));
		pd.setProperty("code", key);
		return pd;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, int status, String key)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json;charset=UTF-8");
		response.getWriter().write(json.writeValueAsString(flat(problem(request, status, key))));
	}

	public String message(HttpServletRequest request, String key, Object... args) {
		return messages.getMessage(key, args, key, locales.resolveLocale(request));
	}

	/** The problem as MVC writes it: extra properties at the top level, not under "properties". */
	private static Map<String, Object> flat(ProblemDetail pd) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", pd.getType().toString());
		body.put("title", pd.getTitle());
		body.put("status", pd.getStatus());
		body.put("detail", pd.getDetail());
		body.put("instance", pd.getInstance() == null ? null : pd.getInstance().toString());
		if (pd.getProperties() != null) {
			body.putAll(pd.getProperties());
		}
		return body;
	}

}
