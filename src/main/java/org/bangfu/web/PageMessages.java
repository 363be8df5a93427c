package org.bangfu.web;

import org.bangfu.shared.BangfuException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/** Turns message keys and {@link BangfuException}s into text and form errors in the page's language. */
@Component
public class PageMessages {

	private final MessageSource messages;

	PageMessages(MessageSource messages) {
		this.messages = messages;
	}

	public String get(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

	public String of(BangfuException ex) {
		return get(ex.messageKey(), ex.args());
	}

	/** Puts the exception's message on its field, or on the whole form when it names none. */
	public void reject(BindingResult errors, BangfuException ex) {
		String text = of(ex);
		if (ex.field() != null && errors.getTarget() != null
				&& org.springframework.beans.BeanUtils.getPropertyDescriptor(errors.getTarget().getClass(), ex.field()) != null) {
			errors.rejectValue(ex.field(), ex.messageKey(), ex.args(), text);
		}
		else if (ex.field() != null && errors.getTarget() != null && hasRecordComponent(errors.getTarget(), ex.field())) {
			errors.rejectValue(ex.field(), ex.messageKey(), ex.args(), text);
		}
		else {
			errors.reject(ex.messageKey(), ex.args(), text);
		}
	}

	private static boolean hasRecordComponent(Object target, String field) {
		if (!target.getClass().isRecord()) {
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
