package org.bangfu.funds;

import java.time.LocalDate;

/** One side of a posting: debit positive, credit negative, in fen. */
public record LedgerEntryView(long id, long postingId, String kind, LocalDate postedOn, long fundId, String account,
		String purpose, String programCode, Long cycleId, Long reference, long amountFen, String memo) {

	public String kindKey() {
		return "funds.posting." + kind;
	}

	public String accountKey() {
		return "funds.account." + account;
	}

	public String amount() {
		return Yuan.of(amountFen);
	}

}
