package org.bangfu.registry;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.platform.files.FileStore;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.registry.internal.ExportJobStore;
import org.bangfu.registry.internal.ExportJobStore.ExportFile;
import org.bangfu.registry.internal.PersonalDataCipher;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Exports of the register as background jobs: asked for on the list page or with
 * {@code POST /api/v1/households/exports}, written by a job with its progress on the jobs page
 * (streaming, one database cursor, no request held open), and downloaded afterwards by the
 * user who asked, for {@code bangfu.files.retention.export-days} days. The filters travel in the
 * job's payload encrypted (they may hold an ID number or a phone). The job audits the export
 * ({@code household.export}); every download is audited again ({@code household.export.download}).
 * <p>
 * A direct download in the request ({@code GET …/export}) stays for small selections, up to
 * {@code bangfu.export.direct-max-households} (10,000) households; a larger one is refused with a
 * message pointing to the job.
 */
@Service
public class HouseholdExportJobs {

	public static final String JOB_KIND = "household.export";

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** A finished export ready to be sent: its file name, content type and contents. */
	public record Download(String fileName, String contentType, long households, InputStreamSource contents) {
	}

	/** Opens the file's contents. */
	@FunctionalInterface
	public interface InputStreamSource {

		InputStream open() throws IOException;

	}

	private final HouseholdExport export;

	private final Jobs jobs;

	private final PersonalDataCipher cipher;

	private final ExportJobStore store;

	private final FileStore files;

	private final AuditLog audit;

	private volatile long directMax;

	HouseholdExportJobs(HouseholdExport export, Jobs jobs, PersonalDataCipher cipher, ExportJobStore store,
			FileStore files, AuditLog audit, @Value("${bangfu.export.direct-max-households:10000}") long directMax) {
		this.export = export;
		this.jobs = jobs;
		this.cipher = cipher;
		this.store = store;
		this.files = files;
		this.audit = audit;
		this.directMax = directMax;
	}

	/** Checks the request as a direct export would (filters, format, purpose) and queues the job; returns its id. */
	@Transactional
	public long submit(Actor actor, HouseholdQuery query, HouseholdExport.Format format, String purpose) {
		export.prepare(actor.scope(), actor.roles(), query, format, purpose);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("query", cipher.encrypt(JSON.writeValueAsString(query)));
		payload.put("format", format.extension());
		if (purpose != null && !purpose.isBlank()) {
			payload.put("purpose", purpose.strip());
		}
		return jobs.submit(JOB_KIND, JSON.writeValueAsString(payload));
	}

	/** The filters of a job's payload (for the job itself). */
	public HouseholdQuery queryOf(String encrypted) {
		return JSON.readValue(cipher.decrypt(encrypted), HouseholdQuery.class);
	}

	/**
	 * A direct (in-request) export, checked as {@link HouseholdExport#prepare} checks it, and refused
	 * when it holds more than the direct limit, with a message pointing to the job.
	 */
	public HouseholdExport.Prepared prepareDirect(Actor actor, HouseholdQuery query, HouseholdExport.Format format,
			String purpose) {
		HouseholdExport.Prepared prepared = export.prepare(actor.scope(), actor.roles(), query, format, purpose);
		long limit = directMax;
		if (prepared.countUpTo(limit + 1) > limit) {
			throw new BangfuException(Problem.CONFLICT, "registry.export.useJob", limit);
		}
		return prepared;
	}

	/** The most households a direct download may hold (a setting; tests lower it). */
	public void setDirectMaxHouseholds(long max) {
		this.directMax = max;
	}

	/** The file of a finished export job, for the user who asked for it (audited); else not found. */
	@Transactional
	public Download download(Actor actor, long jobId) {
		ExportFile f = store.find(jobId, actor.userId(), actor.scope().likePattern())
			.orElseThrow(() -> BangfuException.notFound("registry.export.notFound", jobId));
		if (!files.exists(f.fileKey())) {
			throw BangfuException.notFound("registry.export.expired", jobId);
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("job", jobId);
		detail.put("format", f.format());
		detail.put("households", f.households());
		detail.put("rows", f.rows());
		detail.put("fullNumbers", f.fullNumbers());
		audit.record("household.export.download", "household", null, detail);
		HouseholdExport.Format format = HouseholdExport.Format.of(f.format());
		return new Download(HouseholdExport.fileName(f.finishedAt(), format), format.contentType(), f.households(),
				() -> files.open(f.fileKey()));
	}

}
