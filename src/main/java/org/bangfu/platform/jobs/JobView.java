package org.bangfu.platform.jobs;

import java.time.Duration;
import java.time.Instant;

import org.bangfu.shared.BusinessTime;

/** A job's state as pages poll it. */
public record JobView(long id, String kind, String status, Long organisationId, Long createdBy, Instant createdAt,
		Instant startedAt, Instant finishedAt, long progressDone, Long progressTotal, String progressNote,
		String result, String error, String claimedBy) {

	/** When it was submitted, in the business time zone (2026-11-28 14:05:09). */
	public String createdTime() {
		return createdAt == null ? "" : BusinessTime.seconds(createdAt);
	}

	public boolean finished() {
		return "DONE".equals(status) || "FAILED".equals(status);
	}

	/** Percentage done, when the total is known. */
	public Integer percent() {
		if (progressTotal == null || progressTotal == 0) {
			return finished() ? 100 : null;
		}
		return (int) Math.min(100, progressDone * 100 / progressTotal);
	}

	/** Items per second since the job started. */
	public Double rate() {
		if (startedAt == null || progressDone == 0) {
			return null;
		}
		Instant end = finishedAt != null ? finishedAt : Instant.now();
		double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
		return progressDone / seconds;
	}

	/** Estimated seconds left, when the total and a rate are known. */
	public Long secondsLeft() {
		Double rate = rate();
		if (finished() || rate == null || progressTotal == null || rate <= 0) {
			return null;
		}
		return (long) Math.ceil((progressTotal - progressDone) / rate);
	}

}
