package org.bangfu.cases.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.context.request.WebRequest;

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
	 * The form as typed when a value did not bind (Spring then gives no form object): each field
	 * from the request, a value that cannot be read left empty.
	 */
	static <R extends Record> R typed(Class<R> form, WebRequest request) {
		RecordComponent[] components = form.getRecordComponents();
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			RecordComponent c = components[i];
			types[i] = c.getType();
			String[] raw = request.getParameterValues(c.getName());
			if (List.class.equals(c.getType())) {
				Class<?> item = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
				List<Object> list = new ArrayList<>();
				for (String r : raw == null ? new String[0] : raw) {
					Object v = value(item, r);
					if (v != null) {
						list.add(v);
					}
				}
				values[i] = list;
			}
			else {
				values[i] = raw == null || raw.length == 0 ? null : value(c.getType(), raw[0]);
			}
		}
		try {
			return form.getDeclaredConstructor(types).newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object value(Class<?> type, String raw) {
		if (raw == null || raw.isBlank()) {
			return String.class.equals(type) ? raw : null;
		}
		try {
			if (String.class.equals(type)) {
				return raw;
			}
			if (Boolean.class.equals(type)) {
				return Boolean.valueOf(raw.strip());
			}
			if (Integer.class.equals(type)) {
				return Integer.valueOf(raw.strip());
			}
			if (Long.class.equals(type)) {
				return Long.valueOf(raw.strip());
			}
			if (type.isEnum()) {
				return Enum.valueOf((Class<? extends Enum>) type, raw.strip());
			}
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return null;
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
