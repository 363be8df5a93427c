package org.bangfu.programs;

import java.util.List;

/**
 * A bank job as pages and the API show it: a cycle's batch, the re-issue of its failed lines, or
 * the import of a bank's answer. While it runs: its progress (lines done of a total). When done:
 * the batches it issued, or the answer's result. When refused: the message key and arguments, and
 * for a refused answer the problems found (the first ones) and how many there were.
 */
public record BankJob(long jobId, String kind, String status, boolean finished, long done, Long total, Integer percent,
		Long batchId, List<BankBatchView> batches, BankReturnResult answer, String errorKey, List<String> errorArgs,
		List<BankFileProblem> problems, long problemCount) {

	public boolean failed() {
		return "FAILED".equals(status);
	}

	public boolean succeeded() {
		return "DONE".equals(status);
	}

}
