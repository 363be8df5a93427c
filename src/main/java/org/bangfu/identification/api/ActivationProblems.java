package org.bangfu.identification.api;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.bangfu.identification.ActivationRefused;
import org.bangfu.identification.TestResult;
import org.bangfu.platform.web.ProblemResponses;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused activation as problem details: 409 with each failing test case (its number, name,
 * expected and actual outcome) in {@code failedCases} and listed in the detail, in the caller's language.
 */
@RestControllerAdvice(assignableTypes = RuleSetRestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ActivationProblems {

	private final ProblemResponses problems;

	private final MessageSource messages;

	ActivationProblems(ProblemResponses problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	record FailedCase(int index, String name, String expected, String actual, String reason) {
	}

	@ExceptionHandler(ActivationRefused.class)
	ProblemDetail refused(ActivationRefused ex, HttpServletRequest request) {
		ProblemDetail pd = problems.problem(request, ex.problem().status(), ex.messageKey(), ex.args());
		Locale locale = LocaleContextHolder.getLocale();
		List<String> lines = ex.failures().stream().map(f -> line(f, locale)).toList();
		pd.setDetail(pd.getDetail() + " " + String.join("; ", lines));
		pd.setProperty("failedCases", ex.failures().stream()
			.map(f -> new FailedCase(f.index(), f.name(), f.expected(), f.actual(), f.reason()))
			.toList());
		return pd;
	}

	private String line(TestResult f, Locale locale) {
		return f.actual() == null
				? messages.getMessage("identification.ruleSet.testError", new Object[] { f.index(), f.name(), f.expected(), f.reason() }, locale)
				: messages.getMessage("identification.ruleSet.testFailed", new Object[] { f.index(), f.name(), f.expected(), f.actual() }, locale);
	}

}
