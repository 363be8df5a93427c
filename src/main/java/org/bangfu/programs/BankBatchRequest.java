package org.bangfu.programs;

import java.time.LocalDate;

/** A batch to issue: payer, layout, the batch's purpose (at most 30 characters) and the file date (null: today). */
public record BankBatchRequest(BankPayer payer, long layoutId, String purpose, LocalDate fileDate) {
}
