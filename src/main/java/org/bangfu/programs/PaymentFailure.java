package org.bangfu.programs;

/** A line the bank refused: the caller's reference and the bank's reason as it wrote it (e.g. 户名不符). */
public record PaymentFailure(long reference, String reason) {
}
