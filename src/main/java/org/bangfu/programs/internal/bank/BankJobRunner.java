package org.bangfu.programs.internal.bank;

import java.util.List;
import java.util.function.Supplier;

import org.bangfu.platform.jobs.JobContext;
import org.bangfu.programs.WorkProgress;
import org.bangfu.shared.BangfuException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the bank jobs share: progress written in a transaction of its own (so pages see it while
 * the work's transaction is still open), refusals kept as the job's error ({@link BankJobFailure}),
 * and the batches a job issued looked up first, so a job run again after a crash answers with the
 * batches it committed before instead of issuing them twice.
 */
@Component
public class BankJobRunner {

	private final BankBatchStore batches;

	private final TransactionTemplate tx;

	private final TransactionTemplate separate;

	BankJobRunner(BankBatchStore batches, PlatformTransactionManager transactions) {
		this.batches = batches;
		this.tx = new TransactionTemplate(transactions);
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public WorkProgress progress(JobContext context) {
		return (done, total) -> separate.executeWithoutResult(s -> context.progress(done, total, null));
	}

	/**
	 * The batches the job issued: those it committed in an earlier run, else the ones {@code issue}
	 * makes now, marked as the job's in the same transaction. {@code lock} runs first (the cycle's
	 * row, for update), so two runs of one job at once wait for each other and the second finds
	 * the first one's batches. A refusal becomes the job's error.
	 */
	public List<Long> issueOnce(JobContext context, Runnable lock, Supplier<List<Long>> issue) {
		return refusing(() -> tx.execute(s -> {
			lock.run();
			List<Long> earlier = batches.issuedBy(context.jobId());
			if (!earlier.isEmpty()) {
				return earlier;
			}
			List<Long> issued = issue.get();
			batches.issuedBy(context.jobId(), issued);
			return issued;
		}));
	}

	/** Runs the work; a refusal by a rule becomes a {@link BankJobFailure}. */
	public static <T> T refusing(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (BangfuException ex) {
			throw new BankJobFailure(ex);
		}
	}

}
