package org.bangfu.registry.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.bangfu.platform.sheets.SheetRow;
import org.bangfu.platform.sheets.SheetSource;
import org.bangfu.registry.ImportIssue;
import org.bangfu.registry.TemplateColumn;
import org.bangfu.registry.importing.ImportRecords.Counts;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * One run of an import over its file: the survey pass, then the second pass that puts each
 * household together, checks it and hands it to a chunk; each chunk is written in its own
 * transaction together with the counts and first problems, so what the page shows is what is
 * committed. Rejected rows go to the error report once their chunk has committed.
 */
final class ImportRun implements SheetRow.Handler {

	static final int MAX_ATTEMPTS = 5;

	private final HouseholdImporter importer;

	private final ImportSettings settings;

	private final long importId;

	private final FileSurvey survey;

	private final Header header;

	private final TemplatePolicy policy;

	private final ImportWriter.Target target;

	private final ErrorReportHolder report;

	private final Progress progress;

	private final Map<String, List<SheetRow>> open = new LinkedHashMap<>();

	private final Set<String> oversized = new HashSet<>();

	/** Used by the writer thread only. */
	private final Map<String, org.bangfu.organisation.RegionView> regionCache = new HashMap<>();

	private List<Candidate> chunk = new ArrayList<>();

	private int chunkRows;

	/** Households rejected before the database stage, and single rejected rows, waiting for the next commit. */
	private List<Candidate> rejected = new ArrayList<>();

	private int rejectedRows;

	private List<ImportIssue> issues = new ArrayList<>();

	/**
	 * The chunk being written while the next one is read and checked: reading and checking use
	 * the application's CPU, writing mostly the database's, so on a small server the two overlap.
	 * One chunk at a time is written, in file order; {@link #counts}, {@link #seq} and
	 * {@link #listed} belong to the writer thread until {@link #run} has waited for it.
	 */
	private final ExecutorService writer;

	private Future<?> writing;

	private final Map<ImportIssue.Kind, Integer> listed = new EnumMap<>(ImportIssue.Kind.class);

	private volatile int seq;

	private long rowsRead;

	private volatile Counts counts = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

	ImportRun(HouseholdImporter importer, ImportSettings settings, long importId, FileSurvey survey,
			TemplatePolicy policy, ImportWriter.Target target, ErrorReportHolder report,
			Progress progress) {
		this.importer = importer;
		this.settings = settings;
		this.importId = importId;
		this.survey = survey;
		this.header = survey.header;
		this.policy = policy;
		this.target = target;
		this.report = report;
		this.progress = progress;
		this.writer = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "import-writer-" + importId);
			t.setDaemon(true);
			return t;
		});
	}

	/** The columns present in the file (a missing optional column keeps stored values on update). */
	static Set<TemplateColumn> present(Header header) {
		Set<TemplateColumn> present = EnumSet.noneOf(TemplateColumn.class);
		for (TemplateColumn c : TemplateColumn.values()) {
			if (header.has(c)) {
				present.add(c);
			}
		}
		return present;
	}

	Counts run(SheetSource source) throws IOException {
		try {
			for (Header.Unknown u : header.unknown()) {
				issue(new ImportIssue(ImportIssue.Kind.WARNING, header.row().number(), u.text(), null,
						"imports.header.unknown", List.of(Header.letters(u.position()), u.text())));
				counts = add(counts, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
			}
			source.read(this);
			for (var e : List.copyOf(open.entrySet())) {
				open.remove(e.getKey());
				take(policy.check(e.getKey(), e.getValue()));
			}
			flush();
			awaitWriting();
			return counts;
		}
		finally {
			writer.shutdownNow();
		}
	}

	@Override
	public boolean row(SheetRow row) throws IOException {
		if (row.number() <= header.row().number() || row.blank()) {
			return true;
		}
		rowsRead++;
		String ref = header.value(row, TemplateColumn.HOUSEHOLD_REF);
		if (ref.isEmpty()) {
			take(policy.check(ref, List.of(row)));
		}
		else if (oversized.contains(ref)) {
			reject(ref, List.of(row), false);
		}
		else {
			List<SheetRow> rows = open.computeIfAbsent(ref, k -> new ArrayList<>());
			rows.add(row);
			if (rows.size() > settings.maxMembers()) {
				oversized.add(ref);
				open.remove(ref);
				reject(ref, rows, true);
			}
			else if (survey.rowsPerRef.add(FileSurvey.refKey(ref), -1) <= 0) {
				open.remove(ref);
				take(policy.check(ref, rows));
			}
		}
		if (chunk.size() >= settings.chunkHouseholds() || chunkRows >= settings.chunkHouseholds() * 4
				|| rejectedRows >= 1000) {
			flush();
		}
		return true;
	}

	/** Rejects rows of a household with too many members, without keeping them. */
	private void reject(String ref, List<SheetRow> rows, boolean newHousehold) {
		Candidate c = new Candidate(ref, List.copyOf(rows));
		for (SheetRow r : rows) {
			c.reject(policy.tooMany(r, ref, settings.maxMembers()));
		}
		c.countsAsHousehold = newHousehold;
		rejected.add(c);
		rejectedRows += rows.size();
	}

	private void take(Candidate c) {
		if (c.valid()) {
			chunk.add(c);
			chunkRows += c.rows.size();
		}
		else {
			rejected.add(c);
			rejectedRows += c.rows.size();
		}
	}

	/**
	 * Hands the chunk (and the rejections so far) to the writer once it has finished the previous
	 * one, and goes on reading.
	 */
	private void flush() throws IOException {
		if (chunk.isEmpty() && rejected.isEmpty() && issues.isEmpty()) {
			return;
		}
		awaitWriting();
		Batch batch = new Batch(chunk, rejected, issues, rowsRead);
		chunk = new ArrayList<>();
		chunkRows = 0;
		rejected = new ArrayList<>();
		rejectedRows = 0;
		issues = new ArrayList<>();
		writing = writer.submit(() -> {
			write(batch);
			return null;
		});
	}

	/** Waits for the chunk being written; its failure is this run's failure. */
	private void awaitWriting() throws IOException {
		if (writing == null) {
			return;
		}
		try {
			writing.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while writing", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof IOException io) {
				throw io;
			}
			if (cause instanceof RuntimeException re) {
				throw re;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause);
		}
		finally {
			writing = null;
		}
	}

	/** What one transaction writes: checked households, rejections and issues, and the rows read so far. */
	private record Batch(List<Candidate> chunk, List<Candidate> rejected, List<ImportIssue> issues, long rowsRead) {
	}

	/** Writes a batch in one transaction, retrying after a conflict with a concurrent import (writer thread). */
	private void write(Batch b) throws IOException {
		List<Candidate> chunk = b.chunk();
		List<Candidate> rejected = b.rejected();
		if (!chunk.isEmpty()) {
			importer.writer().checkRegions(chunk, regionCache);
			for (Candidate c : List.copyOf(chunk)) {
				if (!c.valid()) {
					chunk.remove(c);
					rejected.add(c);
				}
			}
		}
		Attempt done = null;
		for (int tries = 1; done == null; tries++) {
			try {
				done = importer.inTransaction(() -> attempt(b));
			}
			catch (ImportWriter.Retry | ConcurrencyFailureException ex) {
				if (tries >= MAX_ATTEMPTS) {
					throw ex;
				}
			}
		}
		counts = done.counts;
		seq = done.seq;
		listed.clear();
		listed.putAll(done.listed);
		for (Candidate c : rejected) {
			report(c);
		}
		for (var e : done.outcome.rejected.entrySet()) {
			e.getKey().errors.addAll(e.getValue());
			report(e.getKey());
		}
		progress.report(b.rowsRead(), survey.dataRows, counts);
	}

	/** The result of a committed chunk. */
	private record Attempt(ImportWriter.Outcome outcome, Counts counts, int seq, Map<ImportIssue.Kind, Integer> listed) {
	}

	private Attempt attempt(Batch b) {
		List<Candidate> chunk = b.chunk();
		List<Candidate> rejected = b.rejected();
		ImportWriter.Outcome out = chunk.isEmpty() ? new ImportWriter.Outcome()
				: importer.writer().write(target, chunk, importer.now());
		List<ImportIssue> all = new ArrayList<>(b.issues());
		long rejectedHouseholds = 0;
		long rejectedRowCount = 0;
		long warnings = 0;
		for (Candidate c : rejected) {
			rejectedHouseholds += c.countsAsHousehold ? 1 : 0;
			rejectedRowCount += c.rows.size();
			c.errors.forEach(p -> all.add(issue(ImportIssue.Kind.ERROR, c.ref, p)));
		}
		for (var e : out.rejected.entrySet()) {
			rejectedHouseholds++;
			rejectedRowCount += e.getKey().rows.size();
			e.getValue().forEach(p -> all.add(issue(ImportIssue.Kind.ERROR, e.getKey().ref, p)));
		}
		for (Candidate c : out.skipped) {
			all.add(new ImportIssue(ImportIssue.Kind.SKIPPED, c.firstRow(), null, c.ref, "imports.household.alreadyFiled",
					List.of(c.ref)));
		}
		List<Candidate> accepted = new ArrayList<>(out.filed);
		accepted.addAll(out.updated);
		accepted.addAll(out.unchanged);
		for (Candidate c : accepted) {
			for (RowProblem w : c.warnings) {
				all.add(issue(ImportIssue.Kind.WARNING, c.ref, w));
				warnings++;
			}
		}
		Counts next = add(counts, b.rowsRead() - counts.rowsRead(), rows(accepted), rejectedRowCount, rows(out.skipped),
				out.filed.size(), out.updated.size(), out.unchanged.size(), out.skipped.size(), rejectedHouseholds,
				warnings);
		int nextSeq = seq;
		Map<ImportIssue.Kind, Integer> nextListed = new EnumMap<>(listed);
		List<ImportRecords.Numbered> numbered = new ArrayList<>();
		for (ImportIssue i : all) {
			int n = nextListed.getOrDefault(i.kind(), 0);
			if (n < settings.listedIssues()) {
				nextListed.put(i.kind(), n + 1);
				numbered.add(new ImportRecords.Numbered(++nextSeq, i));
			}
		}
		importer.records().progress(importId, next);
		importer.records().issues(importId, numbered);
		return new Attempt(out, next, nextSeq, nextListed);
	}

	private void issue(ImportIssue issue) {
		issues.add(issue);
	}

	private ImportIssue issue(ImportIssue.Kind kind, String ref, RowProblem p) {
		return new ImportIssue(kind, p.row(), p.column() == null ? null : header.label(p.column()),
				ref == null || ref.isEmpty() ? null : ref, p.key(), p.args());
	}

	/** Writes a rejected household's rows to the error report; rows without a problem of their own say why. */
	private void report(Candidate c) throws IOException {
		Set<Long> bad = c.errors.stream().map(RowProblem::row).collect(Collectors.toCollection(TreeSet::new));
		RowProblem note = RowProblem.of(0, null, "imports.household.rejectedBecause", c.ref,
				bad.stream().map(String::valueOf).collect(Collectors.joining("、")));
		for (SheetRow row : c.rows) {
			List<RowProblem> own = c.errors.stream().filter(p -> p.row() == row.number()).toList();
			report.get().add(row, own, note);
		}
	}

	private static long rows(List<Candidate> households) {
		return households.stream().mapToLong(c -> c.rows.size()).sum();
	}

	private static Counts add(Counts c, long read, long accepted, long rejected, long skipped, long filed, long updated,
			long unchanged, long skippedHouseholds, long rejectedHouseholds, long warnings) {
		return new Counts(c.rowsRead() + read, c.rowsAccepted() + accepted, c.rowsRejected() + rejected,
				c.rowsSkipped() + skipped, c.filed() + filed, c.updated() + updated, c.unchanged() + unchanged,
				c.skipped() + skippedHouseholds, c.rejected() + rejectedHouseholds, c.warnings() + warnings);
	}

	/** Receives the counts after every committed chunk. */
	@FunctionalInterface
	interface Progress {

		void report(long rowsRead, long rowsTotal, Counts counts);

	}

	/** The error report, created when the first row is rejected. */
	interface ErrorReportHolder {

		ErrorReport get() throws IOException;

	}

}
