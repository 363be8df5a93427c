package org.bangfu.organisation.web;

import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Texts in the page's language and form errors from {@link BangfuException}s: the
 * organisation module's own small copy, since it may not depend on the web shell module.
 */
@Component
class PageTexts {

	private final MessageSource messages;

	PageTexts(MessageSource messages) {
		this.messages = messages;
	}

	String get(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	String of(BangfuException ex) {
		return get(ex.messageKey(), ex.args());
	}

	/** Puts the exception's message next to its field, or on the whole form when the form has no such field. */
	void reject(BindingResult errors, BangfuException ex) {
		if (ex.field() != null && hasField(errors.getTarget(), ex.field())) {
			errors.rejectValue(ex.field(), ex.messageKey(), ex.args(), of(ex));
		}
		else {
			errors.reject(ex.messageKey(), ex.args(), of(ex));
		}
	}

	/** Fails with "forbidden" unless the current user is an administrator. */
	static void requireAdmin() {
		if (!Actor.require().has(Role.ADMIN)) {
			throw BangfuException.forbidden();
		}
	}

	private static boolean hasField(Object target, String field) {
		if (target == null || !target.getClass().isRecord()) {
			return false;
		}
		for (var c : target.getClass().getRecordComponents()) {
			if (c.getName().equals(field)) {
				return true;
			}
		}
		return false;
	}

}
