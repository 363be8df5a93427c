package org.bangfu.registry.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.bangfu.audit.AuditLog;
import org.bangfu.platform.files.FileStore;
import org.bangfu.platform.sheets.SheetSource;
import org.bangfu.registry.ImportView;
import org.bangfu.registry.internal.HouseholdJournal;
import org.bangfu.registry.importing.ImportRecords.Counts;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a household file (the page, the API and the command line all come here): checks it,
 * reads it twice (a survey, then the households), writes chunk by chunk, keeps the counts and the
 * first problems on the import, writes the error report and audits the import with its counts.
 * A problem with the whole file (type, size, encoding, header) fails the import with its message.
 */
@Component
public class HouseholdImporter {

	private final ImportSettings settings;

	private final ImportWriter writer;

	private final ImportRecords records;

	private final TransactionTemplate tx;

	private final FileStore files;

	private final MessageSource messages;

	private final BusinessClock clock;

	private final AuditLog audit;

	HouseholdImporter(ImportSettings settings, ImportWriter writer, ImportRecords records,
			PlatformTransactionManager transactions, FileStore files, MessageSource messages, BusinessClock clock,
			AuditLog audit) {
		this.settings = settings;
		this.writer = writer;
		this.records = records;
		this.tx = new TransactionTemplate(transactions);
		this.files = files;
		this.messages = messages;
		this.clock = clock;
		this.audit = audit;
	}

	/** Receives progress after every chunk: rows read of all data rows, and what became of them. */
	@FunctionalInterface
	public interface Progress {

		void report(long rowsRead, long rowsTotal, long accepted, long rejected, long skipped);

	}

	/**
	 * Checks a file before it is queued, quickly: size, type (zip bomb included), encoding,
	 * header, and that a data row follows. Fails with the problem's message.
	 */
	public void precheck(Path file, String originalName) throws IOException {
		try (SheetSource source = Spreadsheets.open(file, originalName, settings)) {
			Header[] header = { null };
			boolean[] data = { false };
			source.read(row -> {
				if (row.blank()) {
					return true;
				}
				if (header[0] == null) {
					header[0] = Header.of(row);
					return true;
				}
				data[0] = true;
				return false;
			});
			if (header[0] == null) {
				throw BangfuException.badField("file", "imports.file.empty");
			}
			if (!data[0]) {
				throw BangfuException.badField("file", "imports.header.only");
			}
		}
	}

	/**
	 * Runs the import over the file for the current user (a job runs as the user who started it;
	 * without one, no other household is ever named); a problem with the whole file is recorded on
	 * the import and thrown.
	 */
	public ImportView run(long importId, Path file, Progress progress) {
		return run(importId, file, progress, Actor.current().map(Actor::scope).orElse(NOWHERE));
	}

	/** A scope that covers no organisation. */
	private static final Scope NOWHERE = new Scope(-1, "/-/");

	/**
	 * Runs the import over the file; the scope decides whether a person held by another household
	 * may be told where (the command line runs with the whole tree).
	 */
	public ImportView run(long importId, Path file, Progress progress, Scope scope) {
		ImportView imp = records.find(importId).orElseThrow(() -> BangfuException.notFound("imports.notFound", importId));
		Locale locale = Locale.forLanguageTag(records.language(importId).orElse("zh-CN"));
		records.start(importId, clock.now());
		Path[] reportFile = { null };
		ErrorReport[] report = { null };
		try (SheetSource source = Spreadsheets.open(file, imp.fileName(), settings)) {
			FileSurvey survey = FileSurvey.of(source, settings);
			records.total(importId, survey.dataRows);
			progress.report(0, survey.dataRows, 0, 0, 0);
			TemplatePolicy policy = new TemplatePolicy(survey.header, clock.today(), survey.repeatedIds);
			ImportWriter.Target target = new ImportWriter.Target(importId, imp.organisationId(), imp.existing(),
					HouseholdJournal.login(), scope,
					ImportRun.present(survey.header));
			ImportRun run = new ImportRun(this, settings, importId, survey, policy, target, () -> {
				if (report[0] == null) {
					reportFile[0] = files.path(files.create("import-reports", ".xlsx"));
					report[0] = new ErrorReport(reportFile[0], survey.header, messages, locale);
				}
				return report[0];
			}, (read, total, counts) -> progress.report(read, total, counts.rowsAccepted(), counts.rowsRejected(),
					counts.rowsSkipped()));
			Counts counts = run.run(source);
			if (report[0] != null) {
				report[0].close();
				report[0] = null;
			}
			records.finish(importId, "DONE", reportFile[0] == null ? null : reportFile[0].toString(), null, null,
					clock.now());
			audit.record("household.import", "import", importId, detail(imp, counts, null));
			return records.find(importId).orElseThrow();
		}
		catch (BangfuException ex) {
			fail(imp, report[0], reportFile[0], ex.messageKey(), Arrays.stream(ex.args()).map(String::valueOf).toList());
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			fail(imp, report[0], reportFile[0], "imports.failed", List.of(String.valueOf(ex.getMessage())));
			throw new BangfuException(org.bangfu.shared.Problem.BAD_INPUT, "imports.failed", String.valueOf(ex.getMessage()));
		}
	}

	private void fail(ImportView imp, ErrorReport report, Path reportFile, String key, List<String> args) {
		try {
			if (report != null) {
				report.discard();
			}
			if (reportFile != null) {
				Files.deleteIfExists(reportFile);
			}
		}
		catch (IOException ex) {
			// the import failed anyway; a stray temp file is harmless
		}
		records.finish(imp.id(), "FAILED", null, key, args, clock.now());
		ImportView now = records.find(imp.id()).orElse(imp);
		audit.record("household.import", "import", imp.id(), detail(now, null, key));
	}

	private static Map<String, Object> detail(ImportView imp, Counts counts, String error) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("file", imp.fileName());
		d.put("organisationId", imp.organisationId());
		d.put("existing", imp.existing().name());
		if (counts != null) {
			d.put("rowsRead", counts.rowsRead());
			d.put("rowsAccepted", counts.rowsAccepted());
			d.put("rowsRejected", counts.rowsRejected());
			d.put("rowsSkipped", counts.rowsSkipped());
			d.put("householdsFiled", counts.filed());
			d.put("householdsUpdated", counts.updated());
			d.put("householdsUnchanged", counts.unchanged());
			d.put("householdsSkipped", counts.skipped());
			d.put("householdsRejected", counts.rejected());
		}
		else {
			d.put("householdsFiled", imp.householdsFiled());
			d.put("householdsUpdated", imp.householdsUpdated());
		}
		if (error != null) {
			d.put("error", error);
		}
		return d;
	}

	<T> T inTransaction(Supplier<T> work) {
		return tx.execute(status -> work.get());
	}

	ImportWriter writer() {
		return writer;
	}

	ImportRecords records() {
		return records;
	}

	Instant now() {
		return clock.now();
	}

	/** The import's progress in words, for the jobs page. */
	public String note(Locale locale, long read, long total, long accepted, long rejected, long skipped) {
		return messages.getMessage("imports.progress", new Object[] { read, total, accepted, rejected, skipped },
				locale);
	}

}
