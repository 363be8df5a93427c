package org.bangfu.platform.db;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows for PostgreSQL {@code COPY … FROM STDIN} in text format, written on the connection of
 * the current transaction: the fastest way to put many rows into a table, with the table's
 * indexes, constraints and defaults applied as for INSERT. Values are escaped for the text
 * format; collections become array literals. A unique-key conflict surfaces as
 * {@link DuplicateKeyException} (the transaction is then aborted and must be rolled back).
 */
public final class CopyIn {

	private final String table;

	private final List<String> columns;

	private final StringBuilder data = new StringBuilder(8192);

	private int rows;

	public CopyIn(String table, String... columns) {
		this.table = table;
		this.columns = List.of(columns);
	}

	/** Appends one row; the values follow the columns given to the constructor. */
	public CopyIn row(Object... values) {
		if (values.length != columns.size()) {
			throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns of " + table);
		}
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				data.append('\t');
			}
			append(values[i]);
		}
		data.append('\n');
		rows++;
		return this;
	}

	public int rows() {
		return rows;
	}

	/** Copies the rows into the table on the transaction's connection; returns how many. */
	public long into(DataSource dataSource) {
		if (rows == 0) {
			return 0;
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN", new StringReader(data.toString()));
		}
		catch (SQLException ex) {
			if ("23505".equals(ex.getSQLState())) {
				throw new DuplicateKeyException("COPY into " + table + ": " + ex.getMessage(), ex);
			}
			if (ex.getSQLState() != null && ex.getSQLState().startsWith("23")) {
				throw new DataIntegrityViolationException("COPY into " + table + ": " + ex.getMessage(), ex);
			}
			throw new UncategorizedDataAccessException("COPY into " + table, ex) {
			};
		}
		catch (IOException ex) {
			throw new UncategorizedDataAccessException("COPY into " + table, ex) {
			};
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** {@code n} new values of a sequence, in one round trip (for ids known before a COPY). */
	public static long[] nextValues(JdbcClient jdbc, String sequence, int n) {
		if (n == 0) {
			return new long[0];
		}
		return jdbc.sql("SELECT nextval(CAST(:seq AS regclass)) FROM generate_series(1, :n)")
			.param("seq", sequence)
			.param("n", n)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
	}

	private void append(Object value) {
		if (value == null) {
			data.append("\\N");
		}
		else if (value instanceof Collection<?> list) {
			StringBuilder array = new StringBuilder("{");
			boolean first = true;
			for (Object element : list) {
				if (!first) {
					array.append(',');
				}
				first = false;
				array.append('"');
				String s = String.valueOf(element instanceof Enum<?> e ? e.name() : element);
				for (int i = 0; i < s.length(); i++) {
					char c = s.charAt(i);
					if (c == '"' || c == '\\') {
						array.append('\\');
					}
					array.append(c);
				}
				array.append('"');
			}
			escape(array.append('}'));
		}
		else if (value instanceof Boolean b) {
			data.append(b ? 't' : 'f');
		}
		else if (value instanceof Enum<?> e) {
			data.append(e.name());
		}
		else if (value instanceof java.sql.Timestamp t) {
			data.append(t.toInstant());
		}
		else if (value instanceof Instant || value instanceof Number || value instanceof java.time.LocalDate) {
			data.append(value);
		}
		else {
			escape(value.toString());
		}
	}

	private void escape(CharSequence s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '\\' -> data.append("\\\\");
				case '\t' -> data.append("\\t");
				case '\n' -> data.append("\\n");
				case '\r' -> data.append("\\r");
				default -> data.append(c);
			}
		}
	}

}
