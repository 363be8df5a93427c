package org.bangfu.crosscheck.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.crosscheck.ExtractKind;
import org.bangfu.platform.db.CopyIn;
import org.bangfu.platform.sheets.SheetSource;
import org.bangfu.platform.sheets.Spreadsheets;
import org.bangfu.shared.BangfuException;
import org.springframework.stereotype.Component;

/**
 * Streams an extract file (CSV in UTF-8 or GBK/GB18030, or the first sheet of an .xlsx) into the
 * extract's rows: each ID number hashed as it is read, COPY in batches, never a clear number kept.
 */
@Component
public class ExtractReader {

	/** What the reading did: rows kept, rows refused and the first refused line numbers. */
	public record Read(long rows, int bad, List<Long> badLines) {
	}

	static final int BATCH = 20_000;

	static final int LISTED = 20;

	private final ExtractStore store;

	private final KeyedHash hash;

	ExtractReader(ExtractStore store, KeyedHash hash) {
		this.store = store;
		this.hash = hash;
	}

	public Read read(long extractId, ExtractKind kind, Path file, String fileName, long maxFileSize) throws IOException {
		long[] kept = { 0 };
		int[] bad = { 0 };
		List<Long> badLines = new ArrayList<>();
		int[][] at = { null };
		CopyIn[] batch = { store.rows() };
		try (SheetSource source = Spreadsheets.open(file, fileName, maxFileSize, 4 * maxFileSize)) {
			source.read(row -> {
				if (row.blank()) {
					return true;
				}
				if (at[0] == null) {
					at[0] = ExtractLayoutPolicy.indexes(kind, row.cells());
					return true;
				}
				ExtractLayoutPolicy.Parsed p = ExtractLayoutPolicy.parse(kind, at[0], row::cell);
				if (p == null) {
					bad[0]++;
					if (badLines.size() < LISTED) {
						badLines.add(row.number());
					}
					return true;
				}
				batch[0].row(extractId, row.number(), hash.hash(p.idNumber()), p.name(),
						p.headIdNumber() == null ? null : hash.hash(p.headIdNumber()), p.subKind(), p.amount(), p.item(),
						p.date());
				kept[0]++;
				if (batch[0].rows() >= BATCH) {
					store.copy(batch[0]);
					batch[0] = store.rows();
				}
				return true;
			});
		}
		if (at[0] == null) {
			throw BangfuException.badField("file", "imports.file.empty");
		}
		store.copy(batch[0]);
		return new Read(kept[0], bad[0], List.copyOf(badLines));
	}

}
