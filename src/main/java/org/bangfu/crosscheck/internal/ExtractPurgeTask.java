package org.bangfu.crosscheck.internal;

import java.time.Duration;
import java.util.function.IntSupplier;

import org.bangfu.platform.jobs.JobContext;
import org.bangfu.platform.jobs.JobHandler;
import org.bangfu.platform.jobs.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Purges extracts past their retention period, on one instance, every
 * {@code bangfu.crosscheck.purge-interval} (6 hours).
 */
@Component
class ExtractPurgeTask implements RecurringTask, JobHandler {

	static final String KIND = "crosscheck.extract-purge";

	private final IntSupplier purge;

	private final Duration interval;

	ExtractPurgeTask(org.bangfu.crosscheck.Extracts extracts,
			@Value("${bangfu.crosscheck.purge-interval:6h}") Duration interval) {
		this.purge = extracts::purgeExpired;
		this.interval = interval;
	}

	@Override
	public String name() {
		return KIND;
	}

	@Override
	public Duration interval() {
		return interval;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String run(JobContext context) {
		return "extracts purged: " + purge.getAsInt();
	}

}
