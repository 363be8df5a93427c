package org.bangfu.programs.internal.payout;

import org.bangfu.programs.BankBatchIssued;
import org.bangfu.programs.BankBatchKind;
import org.bangfu.programs.BankReturnReconciled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the roster lines' payment status from the bank batches, in the batch's own transaction:
 * issued lines are SENT, answered lines PAID or FAILED with the bank's reason.
 */
@Component
class PaymentStatusListener {

	private final PayoutStore store;

	PaymentStatusListener(PayoutStore store) {
		this.store = store;
	}

	@EventListener
	void on(BankBatchIssued issued) {
		if (issued.kind() == BankBatchKind.PAYMENT) {
			store.sent(issued.batchId());
		}
	}

	@EventListener
	void on(BankReturnReconciled reconciled) {
		store.answered(reconciled.batchId());
	}

}
