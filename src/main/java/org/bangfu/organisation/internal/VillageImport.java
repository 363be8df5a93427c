package org.bangfu.organisation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import javax.sql.DataSource;

import org.bangfu.audit.AuditLog;
import org.bangfu.platform.db.CopyIn;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Streams the statistical bureau's village file (CSV or gzip-compressed CSV with the header
 * {@code code,name,streetCode,...}) into the region table as level-5 rows: checked rows are
 * copied (COPY, in chunks) into a temporary table, then inserted or renamed in one statement,
 * all in one transaction. A row whose township ("street") is not loaded, or whose code or name
 * is unusable, is not imported but counted, and the first few are reported. Running it again
 * is harmless. The same code loads the shipped village codes on first start ({@link ShippedVillages}).
 */
@Component
public class VillageImport {

	public static final List<String> REQUIRED_COLUMNS = List.of("code", "name", "streetCode");

	static final int BATCH_SIZE = 50_000;

	static final int SAMPLES = 10;

	private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

	private static final Pattern STREET = Pattern.compile("\\d{9}|\\d{12}");

	private static final String UPSERT = """
			INSERT INTO organisation_region (code, name, level, parent_code)
			SELECT code, name, 5, parent_code FROM organisation_village_load
			ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name
			WHERE organisation_region.level = 5 AND organisation_region.name <> EXCLUDED.name""";

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate tx;

	private final AuditLog audit;

	VillageImport(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate tx, AuditLog audit) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.tx = tx;
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
		Result result = run(Files.newInputStream(file), Files.size(file), progress);
		audit.record("region.import-villages", "region", null,
				Map.of("file", file.getFileName().toString(), "imported", result.imported(), "rejected", result.rejected()));
		return result;
	}

	/** Imports a village file read from the stream ({@code size}: its length in bytes, for progress). */
	public Result run(InputStream stream, long size, Progress progress) throws IOException {
		try (VillageFile in = VillageFile.open(stream)) {
			checkHeader(in.csv());
			return tx.execute(status -> {
				try {
					return load(in, Math.max(1, size), progress);
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
			});
		}
		catch (java.io.UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private Result load(VillageFile in, long size, Progress progress) throws IOException {
		Set<String> townships = new HashSet<>(
				jdbc.queryForList("SELECT code FROM organisation_region WHERE level = 4", String.class));
		// No village yet (a fresh installation): straight into the table; otherwise through a
		// temporary table and one statement that inserts new villages and renames changed ones.
		boolean direct = !Boolean.TRUE.equals(
				jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM organisation_region WHERE level = 5)", Boolean.class));
		if (!direct) {
			jdbc.execute("""
					CREATE TEMPORARY TABLE organisation_village_load (code varchar(12) PRIMARY KEY, name varchar(100) NOT NULL,
					parent_code varchar(12) NOT NULL) ON COMMIT DROP""");
		}
		CopyIn chunk = newChunk(direct);
		List<Rejected> samples = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		long accepted = 0;
		long rejected = 0;
		for (CSVRecord row : in.csv()) {
			String code = value(row, "code");
			String name = value(row, "name");
			String street = value(row, "streetCode");
			String reason = reject(code, name, street, townships);
			if (reason == null && !seen.add(code)) {
				reason = "region.villages.reject.duplicate";
			}
			if (reason != null) {
				rejected++;
				if (samples.size() < SAMPLES) {
					samples.add(new Rejected(row.getRecordNumber() + 1, code, street, reason));
				}
				continue;
			}
			if (direct) {
				chunk.row(code, name, 5, township(street));
			}
			else {
				chunk.row(code, name, township(street));
			}
			accepted++;
			if (chunk.rows() == BATCH_SIZE) {
				chunk.into(dataSource);
				chunk = newChunk(direct);
				long done = accepted + rejected;
				progress.report(done, Math.max(done, done * size / Math.max(1, in.bytesRead())), accepted, rejected);
			}
		}
		chunk.into(dataSource);
		if (!direct) {
			jdbc.update(UPSERT);
		}
		progress.report(accepted + rejected, accepted + rejected, accepted, rejected);
		return new Result(accepted, rejected, List.copyOf(samples));
	}

	private static CopyIn newChunk(boolean direct) {
		return direct ? new CopyIn("organisation_region", "code", "name", "level", "parent_code")
				: new CopyIn("organisation_village_load", "code", "name", "parent_code");
	}

	private static String value(CSVRecord row, String column) {
		return row.isSet(column) ? row.get(column).trim() : "";
	}

	private static String reject(String code, String name, String street, Set<String> townships) {
		if (!TWELVE_DIGITS.matcher(code).matches()) {
			return "region.villages.reject.code";
		}
		if (name.isEmpty() || name.length() > 100) {
			return "region.villages.reject.name";
		}
		if (!STREET.matcher(street).matches() || !townships.contains(township(street))) {
			return "region.villages.reject.street";
		}
		return null;
	}

	/** The township's stored code: the published 9 digits padded to 12. */
	static String township(String street) {
		return (street + "000").substring(0, 12);
	}

	private static void checkHeader(CSVParser csv) {
		if (!csv.getHeaderNames().containsAll(REQUIRED_COLUMNS)) {
			throw BangfuException.badField("file", "region.villages.badHeader");
		}
	}

}
