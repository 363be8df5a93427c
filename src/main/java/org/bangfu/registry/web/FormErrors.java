package org.bangfu.registry.web;

import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.bangfu.shared.BangfuException;
import org.bangfu.platform.web.PageMessages;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/** Puts command validation and façade failures next to the page form's fields. */
@Component
class FormErrors {

	private final Validator validator;

	private final PageMessages messages;

	FormErrors(Validator validator, PageMessages messages) {
		this.validator = validator;
		this.messages = messages;
	}

	/** Validates the command; a violation on path p goes to form field mapper(p) (global when the form lacks it). */
	void validate(Object command, BindingResult errors, UnaryOperator<String> mapper) {
		Set<ConstraintViolation<Object>> violations = validator.validate(command);
		for (ConstraintViolation<Object> v : violations) {
			put(errors, mapper.apply(v.getPropertyPath().toString()), v.getMessage());
		}
	}

	/** The exception's message on prefix + its field, or on the whole form. */
	void reject(BindingResult errors, BangfuException ex, String prefix) {
		String text = messages.of(ex);
		put(errors, ex.field() == null ? null : prefix + ex.field(), text);
	}

	private static void put(BindingResult errors, String field, String text) {
		if (field != null && !errors.hasFieldErrors(field) && new BeanWrapperImpl(errors.getTarget()).isReadableProperty(field)) {
			errors.rejectValue(field, "invalid", text);
		}
		else if (field == null || !errors.hasFieldErrors(field)) {
			errors.reject("invalid", text);
		}
	}

}
