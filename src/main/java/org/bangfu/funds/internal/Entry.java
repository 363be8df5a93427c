package org.bangfu.funds.internal;

/** One side of a posting to write: debit positive, credit negative, in fen. */
public record Entry(long fundId, long organisationId, String account, String purpose, String programCode, Long cycleId,
		Long reference, long amountFen) {

	public static Entry available(FundRow f, String purpose, long fen) {
		return new Entry(f.id(), f.organisationId(), "AVAILABLE", purpose, null, null, null, fen);
	}

	public static Entry of(FundRow f, String account, long fen) {
		return new Entry(f.id(), f.organisationId(), account, null, null, null, null, fen);
	}

	public Entry forCycle(String program, long cycle, Long ref) {
		return new Entry(fundId, organisationId, account, purpose, program, cycle, ref, amountFen);
	}

}
