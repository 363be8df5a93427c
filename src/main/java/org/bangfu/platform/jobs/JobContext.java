package org.bangfu.platform.jobs;

/** What a running job sees: its payload and a way to report progress that pages can show. */
public interface JobContext {

	long jobId();

	String payload();

	Long organisationId();

	Long createdBy();

	/** Reports progress (done of total; total may be null when unknown) with an optional note. */
	void progress(long done, Long total, String note);

}
