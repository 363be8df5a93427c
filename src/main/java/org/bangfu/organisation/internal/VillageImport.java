package org.bangfu.organisation.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bangfu.audit.AuditLog;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Streams the statistical bureau's village file (CSV or gzip-compressed CSV with the header
 * {@code code,name,streetCode,...}) into the region table as level-5 rows, upserting in JDBC
 * batches. A row whose township ("street") is not loaded, or whose code or name is unusable,
 * is not imported but counted, and the first few are reported. Running it again is harmless.
 */
@Component
public class VillageImport {

	public static final List<String> REQUIRED_COLUMNS = List.of("code", "name", "streetCode");

	static final int BATCH_SIZE = 5000;

	static final int SAMPLES = 10;

	private static final String UPSERT = """
			INSERT INTO organisation_region (code, name, level, parent_code) VALUES (?, ?, 5, ?)
			ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name""";

	private final JdbcTemplate jdbc;

	private final AuditLog audit;

	VillageImport(JdbcTemplate jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A row that was not imported: its line number, values and the message key saying why. */
	public record Rejected(long line, String code, String streetCode, String reason) {
	}

	public record Result(long imported, long rejected, List<Rejected> samples) {
	}

	/** Receives progress: rows handled so far and an estimate of all rows (null when unknown). */
	@FunctionalInterface
	public interface Progress {

		void report(long done, Long total, long imported, long rejected);

	}

	/** Fails with a message for the user unless the file's first line names the required columns. */
	public static void checkHeader(Path file) {
		if (!Files.isRegularFile(file)) {
			throw BangfuException.badField("file", "region.villages.fileMissing", file);
		}
		try (VillageFile in = VillageFile.open(file)) {
			checkHeader(in.csv());
		}
		catch (IOException | IllegalArgumentException | java.io.UncheckedIOException ex) {
			throw BangfuException.badField("file", "region.villages.unreadable", ex.getMessage());
		}
	}

	public Result run(Path file, Progress progress) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new BangfuException(Problem.BAD_INPUT, "region.villages.fileMissing", file);
		}
		long size = Math.max(1, Files.size(file));
		Set<String> townships = new HashSet<>(
				jdbc.queryForList("SELECT code FROM organisation_region WHERE level = 4", String.class));
		List<Object[]> batch = new ArrayList<>(BATCH_SIZE);
		List<Rejected> samples = new ArrayList<>();
		long imported = 0;
		long rejected = 0;
		try (VillageFile in = VillageFile.open(file)) {
			checkHeader(in.csv());
			for (CSVRecord row : in.csv()) {
				String code = value(row, "code");
				String name = value(row, "name");
				String street = value(row, "streetCode");
				String reason = reject(code, name, street, townships);
				if (reason != null) {
					rejected++;
					if (samples.size() < SAMPLES) {
						samples.add(new Rejected(row.getRecordNumber() + 1, code, street, reason));
					}
					continue;
				}
				batch.add(new Object[] { code, name, township(street) });
				if (batch.size() == BATCH_SIZE) {
					imported += flush(batch);
					long done = imported + rejected;
					progress.report(done, Math.max(done, done * size / Math.max(1, in.bytesRead())), imported, rejected);
				}
			}
			imported += flush(batch);
		}
		progress.report(imported + rejected, imported + rejected, imported, rejected);
		audit.record("region.import-villages", "region", null,
				Map.of("file", file.getFileName().toString(), "imported", imported, "rejected", rejected));
		return new Result(imported, rejected, List.copyOf(samples));
	}

	private static String value(CSVRecord row, String column) {
		return row.isSet(column) ? row.get(column).trim() : "";
	}

	private static String reject(String code, String name, String street, Set<String> townships) {
		if (!code.matches("\\d{12}")) {
			return "region.villages.reject.code";
		}
		if (name.isEmpty() || name.length() > 100) {
			return "region.villages.reject.name";
		}
		if (!street.matches("\\d{9}|\\d{12}") || !townships.contains(township(street))) {
			return "region.villages.reject.street";
		}
		return null;
	}

	/** The township's stored code: the published 9 digits padded to 12. */
	static String township(String street) {
		return (street + "000").substring(0, 12);
	}

	private int flush(List<Object[]> batch) {
		if (batch.isEmpty()) {
			return 0;
		}
		jdbc.batchUpdate(UPSERT, batch);
		int n = batch.size();
		batch.clear();
		return n;
	}

	private static void checkHeader(CSVParser csv) {
		if (!csv.getHeaderNames().containsAll(REQUIRED_COLUMNS)) {
			throw BangfuException.badField("file", "region.villages.badHeader");
		}
	}

}
