package org.bangfu.programs;

/** What the bank answered for one line: the caller's reference, the line's 序号, status and the bank's reason (failed lines). */
public record PaymentOutcome(long reference, int seq, PaymentLineStatus status, String reason, Long amountFen) {
}
