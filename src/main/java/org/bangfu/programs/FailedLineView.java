package org.bangfu.programs;

import java.math.BigDecimal;

import org.bangfu.shared.Money;

/** A roster line the bank failed, as the correction page shows it: payee, masked ID number and account, the bank's reason. */
public record FailedLineView(long lineId, long householdId, String payeeName, String accountHolder, String idNumberMasked,
		String bankName, String accountMasked, String reason, long amountFen, long batchId) {

	public String amountText() {
		return Money.of(BigDecimal.valueOf(amountFen, 2)).format();
	}

}
