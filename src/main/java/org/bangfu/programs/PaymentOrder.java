package org.bangfu.programs;

/**
 * One payment to put in a bank file: the caller's line id ({@code reference}, e.g. a roster line),
 * the payee's name, account, identity document (type and number in clear; Bangfu stores them
 * encrypted), the amount in fen, the purpose (null: the batch's) and a remark (may be null).
 * In an account verification batch the amount is ignored.
 */
public record PaymentOrder(long reference, String payeeName, String account, PaymentIdType idType, String idNumber,
		long amountFen, String purpose, String remark) {

	/** The same order paying into another account (a correction after a failure). */
	public PaymentOrder corrected(PaymentCorrection c) {
		return new PaymentOrder(reference, c.payeeName() == null ? payeeName : c.payeeName(), c.account(),
				c.idType() == null ? idType : c.idType(), c.idNumber() == null ? idNumber : c.idNumber(), amountFen,
				purpose, remark);
	}

	public PaymentOrder withRemark(String newRemark) {
		return new PaymentOrder(reference, payeeName, account, idType, idNumber, amountFen, purpose, newRemark);
	}

}
