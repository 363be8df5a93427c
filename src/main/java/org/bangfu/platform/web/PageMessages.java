package org.bangfu.platform.web;

import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Text in the page's language, and business errors put next to the form field they concern.
 * Shared by every module's page controllers.
 */
@Component
public class PageMessages {

	private final MessageSource messages;

	PageMessages(MessageSource messages) {
		this.messages = messages;
	}

	public String get(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	/**
	 * Puts a bad-input error on its field (or on the whole form); anything else (not found,
	 * forbidden) is rethrown so the error page answers with its status.
	 */
	public void reject(BindingResult errors, BangfuException ex) {
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

	/** The exception's message in the page's language. */
	public String of(BangfuException ex) {
		return get(ex.messageKey(), ex.args());
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
