package org.bangfu.programs;

import java.util.List;

/**
 * The bank's answer to an account verification batch was imported: these references' accounts
 * match the names and ID numbers, these do not (with the bank's reason) and go back for correction.
 */
public record BankAccountsVerified(long batchId, long organisationId, List<Long> verifiedReferences,
		List<PaymentFailure> failedReferences) {
}
