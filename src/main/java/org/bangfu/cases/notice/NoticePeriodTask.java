package org.bangfu.cases.notice;

import java.time.Duration;

import org.bangfu.cases.Notices;
import org.bangfu.platform.jobs.JobContext;
import org.bangfu.platform.jobs.JobHandler;
import org.bangfu.platform.jobs.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Ends notice periods: every {@code bangfu.notices.check-interval} (5 minutes) one instance runs a
 * job that completes the notice step of every case whose notice period has ended with no open
 * objection, closes notices with nothing pending, and purges old rate-limit windows.
 */
@Component
public class NoticePeriodTask implements RecurringTask, JobHandler {

	public static final String KIND = "cases.notice-period";

	private final Notices notices;

	private final ObjectionRateLimit limit;

	private final Duration interval;

	NoticePeriodTask(Notices notices, ObjectionRateLimit limit,
			@Value("${bangfu.notices.check-interval:5m}") Duration interval) {
		this.notices = notices;
		this.limit = limit;
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
		int settled = notices.closeExpired();
		int purged = limit.purge();
		return "notices settled: " + settled + ", rate windows purged: " + purged;
	}

}
