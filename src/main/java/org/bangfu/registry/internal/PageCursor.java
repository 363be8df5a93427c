package org.bangfu.registry.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.bangfu.shared.BangfuException;

/**
 * Where a page of the register's list starts or ends: the sort key and id of a row, as an opaque
 * URL-safe token. A page after (or before) a cursor is read by walking the sort's index from that
 * row, so page 5,000 costs what page 1 costs. Times travel as epoch microseconds (PostgreSQL's
 * precision), so a cursor names its row exactly.
 */
record PageCursor(String sort, String key, long id) {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	static PageCursor of(String sort, Object key, long id) {
		String k = key instanceof Instant t ? Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, t))
				: String.valueOf(key);
		return new PageCursor(sort, k, id);
	}

	String encode() {
		return ENCODER.encodeToString((sort + '\n' + id + '\n' + key).getBytes(StandardCharsets.UTF_8));
	}

	/** The cursor in a request; one that was not made by {@link #encode()} for this sort fails on its field. */
	static PageCursor parse(String token, String sort, String field) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8)
				.split("\n", 3);
			if (parts.length != 3 || !parts[0].equals(sort)) {
				throw new IllegalArgumentException(token);
			}
			PageCursor cursor = new PageCursor(parts[0], parts[2], Long.parseLong(parts[1]));
			cursor.value(); // a time key must be a number
			return cursor;
		}
		catch (IllegalArgumentException ex) {
			throw BangfuException.badField(field, "registry.cursor.invalid");
		}
	}

	/** The key as the SQL parameter for its column. */
	Object value() {
		if ("updatedAt".equals(sort)) {
			long micros = Long.parseLong(key);
			return OffsetDateTime.ofInstant(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), ZoneOffset.UTC);
		}
		return key;
	}

}
