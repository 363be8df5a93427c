package org.bangfu.identity.web;

import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Text in the page's language, and business errors put next to the form field they concern.
 * (The web shell has the same for its own pages; identity keeps its own copy so the two
 * modules do not depend on each other both ways.)
 */
@Component
class PageText {

	private final MessageSource messages;

	PageText(MessageSource messages) {
		this.messages = messages;
	}

	String get(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/**
	 * Puts a bad-input error on its field (or on the whole form); anything else (not found,
	 * forbidden) is rethrown so the error page answers with its status.
	 */
	void reject(BindingResult errors, BangfuException ex) {
		if (ex.problem() != Problem.BAD_INPUT && ex.problem() != Problem.CONFLICT) {
			throw ex;
		}
		String text = get(ex.messageKey(), ex.args());
		if (ex.field() != null && hasField(errors.getTarget(), ex.field())) {
			errors.rejectValue(ex.field(), ex.messageKey(), ex.args(), text);
		}
		else {
			errors.reject(ex.messageKey(), ex.args(), text);
		}
	}

	private static boolean hasField(Object target, String field) {
		if (target == null || !target.getClass().isRecord()) {
			return false;
		}
		for (var component : target.getClass().getRecordComponents()) {
			if (component.getName().equals(field)) {
				return true;
			}
		}
		return false;
	}

}
