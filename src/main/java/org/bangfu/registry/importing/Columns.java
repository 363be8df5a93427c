package org.bangfu.registry.importing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Column-wise values for one set-based statement: each column is a text array bound as one
 * parameter and turned back into rows with {@code unnest(...) AS v(...)}, so a chunk of hundreds
 * of households is written in one round trip per table, not one per row.
 */
final class Columns {

	private final int size;

	private final Map<String, String[]> arrays = new LinkedHashMap<>();

	Columns(int size) {
		this.size = size;
	}

	int size() {
		return size;
	}

	Columns set(String column, int row, Object value) {
		arrays.computeIfAbsent(column, k -> new String[size])[row] = value == null ? null : value.toString();
		return this;
	}

	/** {@code unnest(CAST(:a AS text[]), …) AS v(a, …)}. */
	String from() {
		return "unnest(" + arrays.keySet().stream().map(c -> "CAST(:" + c + " AS text[])").collect(Collectors.joining(", "))
				+ ") AS v(" + String.join(", ", arrays.keySet()) + ")";
	}

	Map<String, Object> params() {
		Map<String, Object> p = new HashMap<>();
		arrays.forEach((k, v) -> p.put(k, v));
		return p;
	}

}
