package org.bangfu.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bangfu.shared.BusinessTime;
import org.bangfu.audit.AuditLog;
import org.bangfu.registry.internal.CsvTemplateWriter;
import org.bangfu.registry.internal.HouseholdExportRows;
import org.bangfu.registry.internal.TemplateCells;
import org.bangfu.registry.internal.TemplateWriter;
import org.bangfu.registry.internal.XlsxTemplateWriter;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.Masking;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports what a search finds (same filters, same order) in the import template: one row per
 * person, household-level columns on the head's row, the template's Chinese words, amounts as
 * numbers, so an export imports again. As .xlsx (streamed through SXSSF) or CSV (UTF-8 with BOM).
 * Rows are read through a database cursor and written as they come: an export of a million
 * households never holds them in memory.
 * <p>
 * Whole ID numbers, bank accounts and phones only for roles that may reveal ID numbers
 * ({@link HouseholdRegistry#mayReveal}); for every other role they are masked (such a file is
 * for reading, it does not import again). Every export is audited ({@code household.export})
 * with its filter, format, whether numbers were whole, and the households and rows written,
 * also when it breaks off.
 */
@Service
public class HouseholdExport {

	/** The file formats of an export. */
	public enum Format {

		XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
		CSV("csv", "text/csv;charset=UTF-8");

		private final String extension;

		private final String contentType;

		Format(String extension, String contentType) {
			this.extension = extension;
			this.contentType = contentType;
		}

		public String extension() {
			return extension;
		}

		public String contentType() {
			return contentType;
		}

		/** xlsx or csv (any case); null or blank = xlsx; anything else fails on the field "format". */
		public static Format of(String text) {
			if (text == null || text.isBlank()) {
				return XLSX;
			}
			for (Format f : values()) {
				if (f.extension.equalsIgnoreCase(text.strip())) {
					return f;
				}
			}
			throw BangfuException.badField("format", "registry.export.format", text);
		}

	}

	/** What an export wrote: households, rows (people), and whether numbers were whole. */
	public record Result(long households, long rows, boolean fullNumbers) {
	}

	private final HouseholdExportRows rows;

	private final AuditLog audit;

	private final TransactionTemplate readOnly;

	HouseholdExport(HouseholdExportRows rows, AuditLog audit, PlatformTransactionManager transactions) {
		this.rows = rows;
		this.audit = audit;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** A file name such as households-20261128-140509.xlsx. */
	public static String fileName(Instant now, Format format) {
		return "households-" + BusinessTime.format(now, "yyyyMMdd-HHmmss")
				+ "." + format.extension();
	}

	/**
	 * Checks the filters (a malformed one fails naming its field) before anything is written, so
	 * a caller can still answer with an error; {@link Prepared#writeTo} then writes the file.
	 */
	public Prepared prepare(Scope scope, Set<Role> roles, HouseholdQuery query, Format format) {
		return new Prepared(rows.select(scope, query), query, format, HouseholdRegistry.mayReveal(roles), null);
	}

	/**
	 * The same for a person asking on a page or the API: whole numbers need the purpose of the
	 * export (recorded in the audit row with the count), asked before anything is written.
	 */
	public Prepared prepare(Scope scope, Set<Role> roles, HouseholdQuery query, Format format, String purpose) {
		boolean full = HouseholdRegistry.mayReveal(roles);
		String p = purpose == null ? "" : purpose.strip();
		if (full && p.isEmpty()) {
			throw BangfuException.badField("purpose", "registry.export.purposeRequired");
		}
		if (p.length() > MAX_PURPOSE) {
			throw BangfuException.badField("purpose", "registry.export.purposeTooLong", MAX_PURPOSE);
		}
		return new Prepared(rows.select(scope, query), query, format, full, p.isEmpty() ? null : p);
	}

	/** The longest purpose of an export. */
	static final int MAX_PURPOSE = 200;

	/** Prepares and writes in one go. */
	public Result export(Scope scope, Set<Role> roles, HouseholdQuery query, Format format, OutputStream out)
			throws IOException {
		return prepare(scope, roles, query, format).writeTo(out);
	}

	/** An export whose filters are valid, ready to be written once. */
	public final class Prepared {

		private final HouseholdExportRows.Selection selection;

		private final HouseholdQuery query;

		private final Format format;

		private final boolean full;

		private final String purpose;

		private Prepared(HouseholdExportRows.Selection selection, HouseholdQuery query, Format format, boolean full,
				String purpose) {
			this.purpose = purpose;
			this.selection = selection;
			this.query = query;
			this.format = format;
			this.full = full;
		}

		public Format format() {
			return format;
		}

		/** Whether ID numbers, bank accounts and phones are written whole. */
		public boolean fullNumbers() {
			return full;
		}

		/** How many households it holds, counted up to {@code cap}. */
		public long countUpTo(long cap) {
			return selection.countUpTo(cap);
		}

		/** Writes the file to the stream (which stays open) and audits the export. */
		public Result writeTo(OutputStream out) throws IOException {
			return writeTo(out, done -> {
			});
		}

		/** The same, telling {@code progress} the number of households written as it goes. */
		public Result writeTo(OutputStream out, java.util.function.LongConsumer progress) throws IOException {
			long[] counts = { 0, 0 };
			boolean complete = false;
			Throwable failure = null;
			try (TemplateWriter writer = format == Format.XLSX ? new XlsxTemplateWriter(out) : new CsvTemplateWriter(out)) {
				readOnly.executeWithoutResult(tx -> selection.forEach(full, row -> {
					try {
						writer.row(TemplateCells.of(row), row.first());
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
					counts[1]++;
					if (row.first()) {
						counts[0]++;
						progress.accept(counts[0]);
					}
				}));
				writer.finish();
				complete = true;
				return new Result(counts[0], counts[1], full);
			}
			catch (UncheckedIOException ex) {
				failure = ex.getCause();
				throw ex.getCause();
			}
			catch (IOException | RuntimeException ex) {
				failure = ex;
				throw ex;
			}
			finally {
				try {
					audit.record("household.export", "household", null, detail(counts, complete));
				}
				catch (RuntimeException ex) {
					if (failure == null) {
						throw ex;
					}
					failure.addSuppressed(ex);
				}
			}
		}

		private Map<String, Object> detail(long[] counts, boolean complete) {
			Map<String, Object> d = new LinkedHashMap<>();
			d.put("format", format.extension());
			d.put("filter", filter(query));
			d.put("households", counts[0]);
			d.put("rows", counts[1]);
			d.put("fullNumbers", full);
			if (purpose != null) {
				d.put("purpose", purpose);
			}
			d.put("complete", complete);
			return d;
		}

	}

	/** The filters that were set (an ID number only masked: the audit log holds no whole numbers). */
	static Map<String, Object> filter(HouseholdQuery q) {
		Map<String, Object> f = new LinkedHashMap<>();
		if (q.idNumber() != null && !q.idNumber().isBlank()) {
			f.put("idNumber", IdNumber.mask(q.idNumber().strip().toUpperCase(Locale.ROOT)));
		}
		put(f, "name", q.name());
		put(f, "phone", Masking.phone(q.phone()));
		put(f, "region", q.region());
		put(f, "status", q.status());
		put(f, "category", q.category());
		put(f, "cause", q.cause());
		f.put("sort", q.sortOrDefault() + (q.descending() ? " desc" : " asc"));
		return f;
	}

	private static void put(Map<String, Object> f, String key, Object value) {
		if (value != null && !(value instanceof String s && s.isBlank())) {
			f.put(key, value instanceof Enum<?> e ? e.name() : value.toString().strip());
		}
	}

}
