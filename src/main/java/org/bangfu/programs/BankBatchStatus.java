package org.bangfu.programs;

/** Issued (open: waiting for the bank's answer) or reconciled (the answer was imported). */
public enum BankBatchStatus {

	ISSUED, RECONCILED;

	public String messageKey() {
		return "bank.status." + name();
	}

}
