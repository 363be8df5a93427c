package org.bangfu.programs;

/**
 * The corrected account of a failed line, by the caller's reference; name and identity document
 * stay as sent unless given (null = unchanged).
 */
public record PaymentCorrection(long reference, String account, String payeeName, PaymentIdType idType,
		String idNumber) {

	public static PaymentCorrection account(long reference, String account) {
		return new PaymentCorrection(reference, account, null, null, null);
	}

}
