package org.bangfu.platform.jobs.web;

import java.time.Instant;

import org.bangfu.platform.jobs.JobView;

/** A job as the API shows it, with its derived progress figures. */
record JobResource(long id, String kind, String status, boolean finished, Long organisationId, Long createdBy,
		Instant createdAt, Instant startedAt, Instant finishedAt, long progressDone, Long progressTotal,
		Integer percent, Double ratePerSecond, Long secondsLeft, String progressNote, String result, String error) {

	static JobResource of(JobView j) {
		return new JobResource(j.id(), j.kind(), j.status(), j.finished(), j.organisationId(), j.createdBy(),
				j.createdAt(), j.startedAt(), j.finishedAt(), j.progressDone(), j.progressTotal(), j.percent(), j.rate(),
				j.secondsLeft(), j.progressNote(), j.result(), j.error());
	}

}
