package org.bangfu.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bangfu.audit.AuditLog;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.platform.files.FileStore;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.registry.importing.HouseholdImporter;
import org.bangfu.registry.importing.ImportRecords;
import org.bangfu.registry.importing.ImportSettings;
import org.bangfu.registry.internal.RegistryPolicy;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports of household files (.xlsx or .csv in the standard template) into an organisation of
 * the caller's subtree, by whoever may file households. An upload is stored under
 * {@code bangfu.files.dir}, checked at once (type, size, header) and imported by a persistent
 * job; the command line imports a local file in the foreground through the same code. The page,
 * the API and the command line see the same import: progress, counts, first problems and the
 * downloadable error report (an export of personal data, so audited).
 */
@Service
public class HouseholdImports {

	/** The job kind of an import. */
	public static final String JOB_KIND = "registry.import-households";

	private final HouseholdImporter importer;

	private final ImportRecords records;

	private final ImportSettings settings;

	private final FileStore files;

	private final Organisations organisations;

	private final Jobs jobs;

	private final AuditLog audit;

	private final TransactionTemplate tx;

	HouseholdImports(HouseholdImporter importer, ImportRecords records, ImportSettings settings, FileStore files,
			Organisations organisations, Jobs jobs, AuditLog audit, PlatformTransactionManager transactions) {
		this.importer = importer;
		this.records = records;
		this.settings = settings;
		this.files = files;
		this.organisations = organisations;
		this.jobs = jobs;
		this.audit = audit;
		this.tx = new TransactionTemplate(transactions);
	}

	/** What a user uploads: the target organisation, what to do with households already filed, the file. */
	public record Upload(long organisationId, OnExisting existing, String fileName, InputStream content,
			Locale language) {
	}

	/**
	 * Stores and checks an upload and queues its import; returns the queued import. A file that
	 * is too large, of the wrong type, empty, or whose header is unusable is refused at once.
	 */
	public ImportView submit(Actor actor, Upload upload) throws IOException {
		RegistryPolicy.mayWrite(actor.roles());
		Scope scope = actor.scope();
		OrganisationView org = organisations.require(scope, upload.organisationId());
		String name = cleanName(upload.fileName());
		Path stored;
		try {
			stored = files.path(files.store("imports", upload.content(), settings.maxFileSize()).key());
		}
		catch (BangfuException ex) {
			if ("file.tooLarge".equals(ex.messageKey())) { // a whole upload too large: 413, in the import's words
				throw new BangfuException(Problem.TOO_LARGE, "imports.file.tooLarge", ex.args());
			}
			throw ex;
		}
		try {
			importer.precheck(stored, name);
			long size = Files.size(stored);
			long id = tx.execute(status -> {
				long importId = records.create(new ImportRecords.New(org.id(), name, stored.toString(), size,
						upload.existing() == null ? OnExisting.SKIP : upload.existing(),
						(upload.language() == null ? Locale.SIMPLIFIED_CHINESE : upload.language()).toLanguageTag(),
						actor.userId(), actor.login()));
				long job = jobs.submit(JOB_KIND, "{\"importId\":" + importId + "}", org.id(), actor.userId());
				records.setJob(importId, job);
				audit.record("household.import.upload", "import", importId,
						Map.of("file", name, "organisationId", org.id(), "size", size));
				return importId;
			});
			return require(scope, id);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(stored);
			throw ex;
		}
	}

	/**
	 * Imports a local file in the foreground (command line, no user): into the organisation with
	 * the code; the import is recorded and audited like any other. Returns the finished import;
	 * a problem with the whole file is thrown after it has been recorded.
	 */
	public ImportView importLocal(String organisationCode, Path file, OnExisting existing, Locale language,
			HouseholdImporter.Progress progress) throws IOException {
		OrganisationView org = organisations.findByCode(new Scope(0, "/"), organisationCode)
			.orElseThrow(() -> BangfuException.notFound("imports.organisation.unknown", organisationCode));
		if (!Files.isRegularFile(file)) {
			throw BangfuException.badField("file", "imports.file.missing", file);
		}
		long id = records.create(new ImportRecords.New(org.id(), file.getFileName().toString(), null, Files.size(file),
				existing, language.toLanguageTag(), null, Actor.current().map(Actor::login).orElse("system")));
		return importer.run(id, file, progress, new Scope(0, "/"));
	}

	public ImportView require(Scope scope, long id) {
		ImportView imp = records.find(scope, id).orElseThrow(() -> BangfuException.notFound("imports.notFound", id));
		if (!imp.finished() && imp.jobId() != null) {
			var job = jobs.find(imp.jobId());
			if (job.isPresent() && "FAILED".equals(job.get().status())) {
				return imp.failedBecause(job.get().error());
			}
		}
		return imp;
	}

	/** The import a job runs, if the job is an import in the scope. */
	public java.util.Optional<ImportView> forJob(Scope scope, long jobId) {
		return records.findByJob(scope, jobId);
	}

	public List<ImportView> recent(Scope scope, int limit) {
		return records.recent(scope, limit);
	}

	/** The first problems (errors first, then warnings and households already filed). */
	public List<ImportIssue> issues(Scope scope, long id, int limit) {
		require(scope, id);
		return records.issues(id, limit);
	}

	/**
	 * The error report of an import in the scope, for roles that may see full ID numbers; every
	 * download is audited (it holds the rejected rows' personal data).
	 */
	public Path report(Scope scope, Set<Role> roles, long id) {
		RegistryPolicy.mayReveal(roles);
		ImportView imp = require(scope, id);
		Path file = records.reportFile(id).map(Path::of).filter(Files::isRegularFile)
			.orElseThrow(() -> BangfuException.notFound("imports.report.none", id));
		audit.record("household.import.report", "import", id,
				Map.of("file", imp.fileName(), "rowsRejected", imp.rowsRejected()));
		return file;
	}

	/** How many problems the page and API list at most. */
	public int listedIssues() {
		return settings.listedIssues();
	}

	private static String cleanName(String name) {
		String n = name == null || name.isBlank() ? "upload" : Path.of(name.replace('\\', '/')).getFileName().toString();
		return n.length() > 200 ? n.substring(n.length() - 200) : n;
	}

}
