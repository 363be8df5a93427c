package org.bangfu.programs.internal.bank;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.programs.BankFileProblem;
import org.bangfu.programs.BankLayout;

/**
 * Whether a bank answer's summary fits the sent batch and its own lines: the same batch number,
 * 总笔数 and 总金额 as sent, the summary's count and total equal to its detail lines', and its
 * success and failure counts and amounts (where the layout has them) equal to the S and F lines'.
 * Amounts are not compared for verification answers. Any mismatch refuses the whole file.
 */
final class BankAnswerSummaryPolicy {

	private BankAnswerSummaryPolicy() {
	}

	static List<BankFileProblem> check(BankAnswerLines r, String batchNo, int count, long totalFen, boolean payment) {
		List<BankFileProblem> problems = new ArrayList<>();
		if (r.summary == null) {
			problems.add(new BankFileProblem(0, null, "bank.return.summaryMissing", List.of()));
			return problems;
		}
		if (!batchNo.equals(r.summaryBatchNo)) {
			problems.add(whole("bank.return.batchNo", r.summaryBatchNo, batchNo));
		}
		if (r.summaryCount == null || r.summaryCount != count) {
			problems.add(whole("bank.return.totalCount", String.valueOf(r.summaryCount), String.valueOf(count)));
		}
		if (r.summaryCount != null && r.summaryCount != r.count) {
			problems.add(whole("bank.return.linesCount", String.valueOf(r.summaryCount), String.valueOf(r.count)));
		}
		if (payment) {
			if (r.summaryFen == null || r.summaryFen != totalFen) {
				problems.add(whole("bank.return.totalAmount", yuan(r.summaryFen), yuan(totalFen)));
			}
			if (r.summaryFen != null && r.summaryFen != r.amountFen) {
				problems.add(whole("bank.return.linesAmount", yuan(r.summaryFen), yuan(r.amountFen)));
			}
		}
		if (r.summarySuccessCount != null && r.summarySuccessCount != r.successCount) {
			problems.add(whole("bank.return.successCount", String.valueOf(r.summarySuccessCount), String.valueOf(r.successCount)));
		}
		if (r.summaryFailureCount != null && r.summaryFailureCount != r.failureCount) {
			problems.add(whole("bank.return.failureCount", String.valueOf(r.summaryFailureCount), String.valueOf(r.failureCount)));
		}
		if (payment && r.summarySuccessFen != null && r.summarySuccessFen != r.successFen) {
			problems.add(whole("bank.return.successAmount", yuan(r.summarySuccessFen), yuan(r.successFen)));
		}
		if (payment && r.summaryFailureFen != null && r.summaryFailureFen != r.failureFen) {
			problems.add(whole("bank.return.failureAmount", yuan(r.summaryFailureFen), yuan(r.failureFen)));
		}
		return problems;
	}

	private static BankFileProblem whole(String key, String... args) {
		return new BankFileProblem(0, null, key, List.of(args));
	}

	static String yuan(Long fen) {
		return fen == null ? "—" : BankAmounts.format(fen, BankLayout.AmountUnit.YUAN);
	}

}
