package org.bangfu.programs;

/** A payment file, or an account verification file sent before paying. */
public enum BankBatchKind {

	PAYMENT, VERIFICATION;

	public String messageKey() {
		return "bank.kind." + name();
	}

}
