package org.bangfu.programs;

/** A bank batch was issued: its file was produced and adds up. */
public record BankBatchIssued(long batchId, long organisationId, BankBatchKind kind, String batchNo, int lineCount,
		long totalFen, Long followUpOf) {
}
