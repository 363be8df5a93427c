package org.bangfu.programs.web;

import java.util.List;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.programs.BankBatchView;
import org.bangfu.programs.BankJob;
import org.bangfu.programs.BankJobs;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * The panel of a bank job on the cycle and batch pages: its progress while it runs, then what it
 * did (the batches it issued, the answer's result) or why it was refused, in the reader's language.
 */
@Component
class BankJobPanel {

	/** What the panel shows: the job, the sentence saying what it did or why not, a refused answer's problems. */
	record Panel(BankJob job, String message, String error, List<BankBatchPagesController.ProblemLine> problems) {
	}

	private final BankJobs jobs;

	private final PageMessages messages;

	BankJobPanel(BankJobs jobs, PageMessages messages) {
		this.jobs = jobs;
		this.messages = messages;
	}

	Panel of(Scope scope, long jobId) {
		BankJob job = jobs.job(scope, jobId);
		if (job.failed()) {
			String error = messages.get(job.errorKey(), job.errorArgs().toArray());
			List<BankBatchPagesController.ProblemLine> problems = job.problems().stream()
				.map(p -> new BankBatchPagesController.ProblemLine(p.line(), p.seq(), messages.get(p.key(), p.args().toArray())))
				.toList();
			return new Panel(job, null, error, problems);
		}
		if (!job.succeeded()) {
			return new Panel(job, null, null, List.of());
		}
		String message = switch (job.kind()) {
			case BankJobs.BATCH -> messages.get("programs.payout.batchCreated",
					String.join("、", job.batches().stream().map(BankBatchView::batchNo).toList()));
			case BankJobs.REISSUE -> messages.get("programs.payout.reissued", job.batches().size());
			default -> job.answer().changed()
					? messages.get("bank.answer.done", job.answer().succeeded(), job.answer().failed())
					: messages.get("bank.answer.unchanged");
		};
		return new Panel(job, message, null, List.of());
	}

}
