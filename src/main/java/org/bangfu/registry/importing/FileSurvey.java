package org.bangfu.registry.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.bangfu.platform.sheets.SheetRow;
import org.bangfu.platform.sheets.SheetSource;
import org.bangfu.registry.TemplateColumn;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.IdNumber;

/**
 * The first pass over a file, before anything is written: the header, how many data rows, how
 * many rows each 户编号 has (so a household can be handed on as soon as its last row is read,
 * even when its rows are not together), and the rows whose ID number appeared on an earlier row.
 * Memory stays small: 64-bit keys in primitive maps, not the rows.
 */
final class FileSurvey {

	/** At most this many repeated ID numbers are remembered; more are caught by the database claim. */
	static final int MAX_REMEMBERED_DUPLICATES = 100_000;

	final Header header;

	final long dataRows;

	final LongIntMap rowsPerRef;

	/** Row number of a repeated ID number → row number of its first appearance. */
	final Map<Long, Long> repeatedIds;

	final long scatteredRows;

	private FileSurvey(Header header, long dataRows, LongIntMap rowsPerRef, Map<Long, Long> repeatedIds,
			long scatteredRows) {
		this.header = header;
		this.dataRows = dataRows;
		this.rowsPerRef = rowsPerRef;
		this.repeatedIds = repeatedIds;
		this.scatteredRows = scatteredRows;
	}

	static FileSurvey of(SheetSource source, ImportSettings settings) throws IOException {
		Pass pass = new Pass();
		source.read(pass);
		if (pass.header == null) {
			throw BangfuException.badField("file", "imports.file.empty");
		}
		if (pass.rows == 0) {
			throw BangfuException.badField("file", "imports.header.only");
		}
		long[] scattered = { 0 };
		pass.scattered.forEach((key, ignored) -> {
			int n = pass.counts.get(key);
			scattered[0] += n == LongIntMap.MISSING ? 0 : n;
		});
		if (scattered[0] > settings.maxScatteredRows()) {
			throw BangfuException.badField("file", "imports.file.scattered", scattered[0], settings.maxScatteredRows());
		}
		return new FileSurvey(pass.header, pass.rows, pass.counts, pass.repeated, scattered[0]);
	}

	/** A 64-bit key for a 户编号 (two independent 32-bit hashes); a collision only delays a household. */
	static long refKey(String ref) {
		int h2 = 0x811C9DC5;
		for (byte b : ref.getBytes(StandardCharsets.UTF_8)) {
			h2 = (h2 ^ (b & 0xFF)) * 0x01000193;
		}
		return ((long) ref.hashCode() << 32) | (h2 & 0xFFFFFFFFL);
	}

	/** The first 17 digits of a well-formed ID number with a correct check character, else -1. */
	static long idKey(String text) {
		String v = text.strip();
		if (v.length() != 18) {
			return -1;
		}
		long key = 0;
		for (int i = 0; i < 17; i++) {
			char c = v.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			key = key * 10 + (c - '0');
		}
		char check = Character.toUpperCase(v.charAt(17));
		return check == IdNumber.checkChar(v) ? key : -1;
	}

	private static final class Pass implements SheetRow.Handler {

		Header header;

		long rows;

		final LongIntMap counts = new LongIntMap(1 << 12);

		final LongIntMap scattered = new LongIntMap(16);

		final LongIntMap firstRowOfId = new LongIntMap(1 << 12);

		final Map<Long, Long> repeated = new HashMap<>();

		long previousKey;

		@Override
		public boolean row(SheetRow row) {
			if (row.blank()) {
				return true;
			}
			if (header == null) {
				header = Header.of(row);
				return true;
			}
			rows++;
			String ref = header.value(row, TemplateColumn.HOUSEHOLD_REF);
			if (!ref.isEmpty()) {
				long key = refKey(ref);
				int before = counts.add(key, 1) - 1;
				if (before > 0 && key != previousKey) {
					scattered.putIfAbsent(key, 1);
				}
				previousKey = key;
			}
			long id = idKey(header.value(row, TemplateColumn.ID_NUMBER));
			if (id >= 0 && row.number() <= Integer.MAX_VALUE) {
				int first = firstRowOfId.putIfAbsent(id, (int) row.number());
				if (first != LongIntMap.MISSING && repeated.size() < MAX_REMEMBERED_DUPLICATES) {
					repeated.put(row.number(), (long) first);
				}
			}
			return true;
		}

	}

}
