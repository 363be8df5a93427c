package org.bangfu.registry.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The files written by export jobs ({@code registry_export}). */
@Repository
public class ExportJobStore {

	/** One export job's file: who asked, where it is, what it holds. */
	public record ExportFile(long jobId, long organisationId, long createdBy, String format, boolean fullNumbers,
			String purpose, String fileKey, long households, long rows, Instant finishedAt) {
	}

	private final JdbcClient jdbc;

	ExportJobStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records (or, for a job run again after a crash, replaces) the file of a job; returns the key it replaced. */
	public Optional<String> save(ExportFile f) {
		Optional<String> previous = jdbc.sql("SELECT file_key FROM registry_export WHERE job_id = ? FOR UPDATE")
			.param(f.jobId())
			.query(String.class)
			.optional();
		jdbc.sql("""
				INSERT INTO registry_export (job_id, organisation_id, created_by, format, full_numbers, purpose, file_key,
				                             households, rows_written, finished_at)
				VALUES (:job, :org, :by, :format, :full, :purpose, :key, :households, :rows, :finished)
				ON CONFLICT (job_id) DO UPDATE SET file_key = EXCLUDED.file_key, households = EXCLUDED.households,
				    rows_written = EXCLUDED.rows_written, finished_at = EXCLUDED.finished_at
				""")
			.param("job", f.jobId())
			.param("org", f.organisationId())
			.param("by", f.createdBy())
			.param("format", f.format())
			.param("full", f.fullNumbers())
			.param("purpose", f.purpose())
			.param("key", f.fileKey())
			.param("households", f.households())
			.param("rows", f.rows())
			.param("finished", java.sql.Timestamp.from(f.finishedAt()))
			.update();
		return previous;
	}

	/** The file of a job asked for by this user in the organisation subtree of the pattern. */
	public Optional<ExportFile> find(long jobId, long userId, String scopePattern) {
		return jdbc.sql("""
				SELECT e.job_id, e.organisation_id, e.created_by, e.format, e.full_numbers, e.purpose, e.file_key,
				       e.households, e.rows_written AS rows, e.finished_at
				FROM registry_export e JOIN organisation o ON o.id = e.organisation_id
				WHERE e.job_id = :job AND e.created_by = :user AND o.path LIKE :scopePath
				""")
			.param("job", jobId)
			.param("user", userId)
			.param("scopePath", scopePattern)
			.query(ExportFile.class)
			.optional();
	}

}
