package org.bangfu.funds;

/** A fund's figures in a report, in fen: balances at the start and end of the period and the period's movements per account. */
public record ReportLine(long fundId, String fundName, String organisation, long openingAvailable, long openingCommitted,
		long openingSpent, long received, long committed, long spent, long released, long transferred, long closingAvailable,
		long closingCommitted, long closingSpent) {
}
