package org.bangfu.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.bangfu.shared.BangfuException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every API error as a problem detail with a message in the caller's language. Ordered first so
 * that it, not Boot's generic problem-details handler, answers for REST controllers.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler {

	private final ProblemResponses problems;

	private final MessageSource messages;

	private final LocaleResolver locales;

	ApiExceptionHandler(ProblemResponses problems, MessageSource messages, LocaleResolver locales) {
		this.problems = problems;
		this.messages = messages;
		this.locales = locales;
	}

	@ExceptionHandler(BangfuException.class)
	ProblemDetail bangfu(BangfuException ex, HttpServletRequest request) {
		ProblemDetail pd = problems.problem(request, ex.problem().status(), ex.messageKey(), ex.args());
		if (ex.field() != null) {
			pd.setProperty("errors", Map.of(ex.field(), pd.getDetail()));
		}
		return pd;
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex, HttpServletRequest request) {
		ProblemDetail pd = problems.problem(request, 400, "error.validation");
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
			errors.putIfAbsent(fe.getField(), messages.getMessage(fe, locales.resolveLocale(request)));
		}
		pd.setProperty("errors", errors);
		pd.setDetail(pd.getDetail() + " " + String.join("; ", errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList()));
		return pd;
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
			MissingServletRequestParameterException.class })
	ProblemDetail malformed(Exception ex, HttpServletRequest request) {
		return problems.problem(request, 400, "error.malformed");
	}

	/**
	 * Text PostgreSQL cannot store (a NUL character inside a JSON string) or a figure out of a
	 * column's range: the input is wrong (SQL state class 22, data exception), not the server.
	 */
	@ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
	ProblemDetail badData(org.springframework.dao.DataIntegrityViolationException ex, HttpServletRequest request) {
		String state = null;
		for (Throwable t = ex; t != null && state == null; t = t.getCause()) {
			if (t instanceof java.sql.SQLException sql) {
				state = sql.getSQLState();
			}
		}
		if (state == null || !state.startsWith("22")) {
			throw ex;
		}
		return problems.problem(request, 400, "22021".equals(state) ? "error.controlCharacter" : "error.malformed");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(HttpServletRequest request) {
		return problems.problem(request, 415, "error.mediaType");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail method(HttpServletRequest request) {
		return problems.problem(request, 405, "error.method");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail denied(HttpServletRequest request) {
		return problems.problem(request, 403, "error.forbidden");
	}

}
