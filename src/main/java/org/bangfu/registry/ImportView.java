package org.bangfu.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An import of a household file as pages and the API show it: what was uploaded, how far it got
 * and what became of the rows and households. Rows accepted + rejected + skipped = rows read.
 */
public record ImportView(long id, Long jobId, long organisationId, String organisationName, String fileName,
		long fileSize, OnExisting existing, String status, Long rowsTotal, long rowsRead, long rowsAccepted,
		long rowsRejected, long rowsSkipped, long householdsFiled, long householdsUpdated, long householdsUnchanged,
		long householdsSkipped, long householdsRejected, long warnings, boolean hasReport, String errorKey,
		List<String> errorArgs, String createdLogin, Instant createdAt, Instant startedAt, Instant finishedAt) {

	public boolean finished() {
		return "DONE".equals(status) || "FAILED".equals(status);
	}

	public boolean failed() {
		return "FAILED".equals(status);
	}

	/** Percentage of the rows read, when the number of rows is known. */
	public Integer percent() {
		if (rowsTotal == null || rowsTotal == 0) {
			return finished() ? 100 : null;
		}
		return (int) Math.min(100, rowsRead * 100 / rowsTotal);
	}

	/** Rows per second since the import started. */
	public Double rate() {
		if (startedAt == null || rowsRead == 0) {
			return null;
		}
		Instant end = finishedAt != null ? finishedAt : Instant.now();
		double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
		return rowsRead / seconds;
	}

	/** Estimated seconds left, when the number of rows and a rate are known. */
	public Long secondsLeft() {
		Double rate = rate();
		if (finished() || rate == null || rowsTotal == null || rate <= 0) {
			return null;
		}
		return (long) Math.ceil((rowsTotal - rowsRead) / rate);
	}

	/** The same import marked as failed with a message (when its job failed before the import could say why). */
	public ImportView failedBecause(String message) {
		return new ImportView(id, jobId, organisationId, organisationName, fileName, fileSize, existing, "FAILED", rowsTotal,
				rowsRead, rowsAccepted, rowsRejected, rowsSkipped, householdsFiled, householdsUpdated, householdsUnchanged,
				householdsSkipped, householdsRejected, warnings, hasReport, "imports.failed", List.of(String.valueOf(message)),
				createdLogin, createdAt, startedAt, finishedAt);
	}

}
