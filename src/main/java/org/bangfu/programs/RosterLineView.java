package org.bangfu.programs;

import java.math.BigDecimal;

/**
 * A roster line as read: who (household, member or null for the household), the rule row and
 * facts that produced it (JSON), amounts in fen (computed by the rule, current, the range and
 * the highest allowed), flags, the payee with the account masked, status and reason, and the
 * account holder when the money goes to another person's card (a minor's to the head's).
 */
public record RosterLineView(long id, long cycleId, long householdId, Long memberId, String regionCode, int ruleRow,
		String facts, long computedFen, long amountFen, Long rangeMinFen, Long rangeMaxFen, long maxFen, boolean capped,
		boolean secondGrant, String payeeName, String idNumberMasked, String bankName, String accountMasked,
		AccountStatus accountStatus, LineStatus status, String reason, String editedLogin, int version,
		String paymentStatus, Long bankBatchId, String paymentReason, String accountHolder) {

	/** Whether the money goes to another person's card (a minor's to the head's, the guardian's). */
	public boolean paidToHolder() {
		return accountHolder != null && !accountHolder.isBlank();
	}

	/** Where the payment stands: NOT_SENT, SENT (in a bank batch), PAID or FAILED (with the bank's reason). */
	public String paymentStatusKey() {
		return "programs.payment." + (paymentStatus == null ? "NOT_SENT" : paymentStatus);
	}

	public BigDecimal amount() {
		return BigDecimal.valueOf(amountFen, 2);
	}

	public BigDecimal computed() {
		return BigDecimal.valueOf(computedFen, 2);
	}

	public boolean range() {
		return rangeMaxFen != null;
	}

	public boolean removed() {
		return status == LineStatus.REMOVED;
	}


	/** ¥1,234.00. */
	public String amountText() {
		return org.bangfu.shared.Money.of(amount()).format();
	}

	public String computedText() {
		return org.bangfu.shared.Money.of(computed()).format();
	}

	/** The range a reviewer may choose in, e.g. ¥500.00 – ¥1,000.00 (range lines), else up to the line's maximum. */
	public String limitsText() {
		long min = range() && rangeMinFen != null ? rangeMinFen : 1;
		return org.bangfu.shared.Money.of(BigDecimal.valueOf(min, 2)).format() + " – "
				+ org.bangfu.shared.Money.of(BigDecimal.valueOf(maxFen, 2)).format();
	}

}
