package org.bangfu.programs.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.programs.BankBatchView;
import org.bangfu.programs.BankJob;
import org.bangfu.programs.BankJobs;
import org.bangfu.programs.BankReturnResult;
import org.bangfu.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Bank jobs", description = "Bank batches of cycles, re-issues of failed lines and imports of bank answers, run as jobs: progress, then the batches issued, the answer's result, or the refusal")
class BankJobRestController {

	/**
	 * A bank job: status (QUEUED, RUNNING, DONE, FAILED), lines done of the total, then the batches it
	 * issued or the answer's result, or the refusal in the caller's language with a refused answer's
	 * problems (the first ones) and how many there were.
	 */
	record BankJobResource(long jobId, String kind, String status, boolean finished, long done, Long total, Integer percent,
			List<BankBatchView> batches, BankReturnResult answer, String error,
			List<BankBatchRestController.ProblemLine> problems, long problemCount) {
	}

	private final BankJobs jobs;

	private final MessageSource messages;

	BankJobRestController(BankJobs jobs, MessageSource messages) {
		this.jobs = jobs;
		this.messages = messages;
	}

	@GetMapping("/api/v1/bank-jobs/{id}")
	@PreAuthorize(BankBatchRestController.READ)
	@Operation(summary = "A bank job with its progress, then what it did or why it was refused (poll until finished)")
	BankJobResource one(@PathVariable long id) {
		return resource(jobs.job(Actor.require().scope(), id), messages);
	}

	/** 202 Accepted with the job's address (Location) and its state now. */
	static ResponseEntity<BankJobResource> accepted(BankJobs jobs, long jobId, MessageSource messages) {
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/bank-jobs/" + jobId))
			.body(resource(jobs.job(Actor.require().scope(), jobId), messages));
	}

	static BankJobResource resource(BankJob j, MessageSource messages) {
		Locale locale = LocaleContextHolder.getLocale();
		String error = j.errorKey() == null ? null
				: messages.getMessage(j.errorKey(), j.errorArgs().toArray(), j.errorKey(), locale);
		List<BankBatchRestController.ProblemLine> problems = j.problems().stream()
			.map(p -> new BankBatchRestController.ProblemLine(p.line(), p.seq(),
					messages.getMessage(p.key(), p.args().toArray(), p.key(), locale)))
			.toList();
		return new BankJobResource(j.jobId(), j.kind(), j.status(), j.finished(), j.done(), j.total(), j.percent(),
				j.batches(), j.answer(), error, problems, j.problemCount());
	}

}
