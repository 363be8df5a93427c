package org.bangfu.platform.jobs;

/**
 * Runs one kind of persistent job. Implementations are Spring beans; the worker finds them
 * by {@link #kind()}. A job may run again after a crash, so handlers must be idempotent or
 * resume from what they already wrote.
 */
public interface JobHandler {

	String kind();

	/** Does the work, reporting progress through the context; the returned text is the job's result. */
	String run(JobContext context) throws Exception;

}
