package org.bangfu.programs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.bangfu.shared.BusinessTime;
import org.bangfu.shared.Money;

/** A bank batch as lists and pages show it: its number, payer, totals and what the bank answered. */
public record BankBatchView(long id, long organisationId, String organisationName, BankBatchKind kind,
		BankBatchStatus status, String batchNo, String payerName, String payerAccount, LocalDate fileDate,
		String purpose, long layoutId, String layoutName, Long followUpOf, String followUpOfBatchNo, int lineCount,
		long totalFen, int paidCount, long paidFen, int failedCount, long failedFen, String fileSha256,
		Instant createdAt, String createdBy, Instant reconciledAt) {

	public Money total() {
		return Money.of(BigDecimal.valueOf(totalFen, 2));
	}

	public Money paid() {
		return Money.of(BigDecimal.valueOf(paidFen, 2));
	}

	public Money failed() {
		return Money.of(BigDecimal.valueOf(failedFen, 2));
	}

	public boolean open() {
		return status == BankBatchStatus.ISSUED;
	}

	public boolean payment() {
		return kind == BankBatchKind.PAYMENT;
	}

	public String createdTime() {
		return createdAt == null ? "" : BusinessTime.seconds(createdAt);
	}

	public String reconciledTime() {
		return reconciledAt == null ? "" : BusinessTime.seconds(reconciledAt);
	}

}
