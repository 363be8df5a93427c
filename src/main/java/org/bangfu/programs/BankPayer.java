package org.bangfu.programs;

/** Who pays: the organisation issuing the batch, and the payer's name and account as the bank knows them. */
public record BankPayer(long organisationId, String name, String account) {
}
