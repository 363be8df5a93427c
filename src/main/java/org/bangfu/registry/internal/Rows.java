package org.bangfu.registry.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** Small conversions between SQL values and the register's Java types. */
final class Rows {

	private Rows() {
	}

	static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name.trim());
	}

	static <E extends Enum<E>> List<E> enums(Class<E> type, ResultSet rs, String column) throws SQLException {
		List<E> out = new ArrayList<>();
		for (String s : strings(rs, column)) {
			out.add(Enum.valueOf(type, s));
		}
		return out;
	}

	static List<String> strings(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		if (array == null) {
			return List.of();
		}
		return List.of((String[]) array.getArray());
	}

	static String[] names(Collection<? extends Enum<?>> values) {
		return values == null ? new String[0]
				: values.stream().filter(java.util.Objects::nonNull).map(Enum::name).distinct().toArray(String[]::new);
	}

	static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	static Integer integer(ResultSet rs, String column) throws SQLException {
		int v = rs.getInt(column);
		return rs.wasNull() ? null : v;
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static <T, R> List<R> map(List<T> list, Function<T, R> f) {
		return list.stream().map(f).toList();
	}

}
