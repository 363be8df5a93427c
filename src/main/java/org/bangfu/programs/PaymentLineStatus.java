package org.bangfu.programs;

/** Where a line of a bank batch stands: sent and waiting for the bank, paid, failed, or (verification) verified. */
public enum PaymentLineStatus {

	SENT, PAID, FAILED, VERIFIED;

	public String messageKey() {
		return "bank.lineStatus." + name();
	}

}
