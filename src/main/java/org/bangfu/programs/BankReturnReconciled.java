package org.bangfu.programs;

import java.util.List;

/** The bank's return file for a payment batch was imported: these references were paid, these failed (with the bank's reason). */
public record BankReturnReconciled(long batchId, long organisationId, String batchNo, List<Long> paidReferences,
		List<PaymentFailure> failedReferences) {
}
