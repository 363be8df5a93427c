package org.bangfu.platform.jobs;

import java.time.Duration;

/**
 * A task that runs every {@link #interval()} on exactly one instance: the instance that
 * moves the schedule row forward queues a job of {@link #jobKind()}.
 */
public interface RecurringTask {

	String name();

	Duration interval();

	/** The kind of the job it queues; by default its own name (a task that is also the job's handler). */
	default String jobKind() {
		return name();
	}

}
