package org.bangfu.cases.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Errors of a form on a page that holds several forms (a chain's step forms, a notice's objection
 * forms): the message in the page's language under the name of the field it concerns ("form" when
 * it concerns the whole form), for the form that was sent. Anything but bad input or a conflict is
 * rethrown so the error page answers with its status.
 */
final class FormErrors {

	static final String FORM = "global";

	private FormErrors() {
	}

	static Map<String, String> of(PageMessages messages, BangfuException ex, Class<? extends Record> form) {
		if (ex.problem() != Problem.BAD_INPUT && ex.problem() != Problem.CONFLICT) {
			throw ex;
		}
		Set<String> fields = Arrays.stream(form.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
		Map<String, String> m = new LinkedHashMap<>();
		m.put(ex.field() != null && fields.contains(ex.field()) ? ex.field() : FORM, messages.of(ex));
		return m;
	}

	/**
	 * A value that did not even bind (a choice not offered, a number that is no number) as the
	 * business error of its field; keys: field → message key.
	 */
	static void rejectUnbound(BindingResult binding, Map<String, String> keys) {
		for (FieldError e : binding.getFieldErrors()) {
			String key = keys.get(e.getField());
			throw BangfuException.badField(e.getField(), key == null ? "cases.form.invalid" : key);
		}
	}

}
