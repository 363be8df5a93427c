package org.bangfu.programs;

import java.math.BigDecimal;

import org.bangfu.shared.Money;

/** A line of a batch as pages show it: account and ID number masked. */
public record BankLineView(int seq, long reference, String payeeName, String accountMasked, PaymentIdType idType,
		String idMasked, Long amountFen, String purpose, String remark, PaymentLineStatus status, String reason) {

	public Money amount() {
		return amountFen == null ? null : Money.of(BigDecimal.valueOf(amountFen, 2));
	}

}
