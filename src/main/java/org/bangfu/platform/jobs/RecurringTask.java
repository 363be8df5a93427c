package org.bangfu.platform.jobs;

import java.time.Duration;

/**
 * A task that runs every {@link #interval()} on exactly one instance: the instance that
 * moves the schedule row forward queues a job of {@link #jobKind()}.
 */
public interface RecurringTask {

	String name();

	Duration interval();

	String jobKind();

}
