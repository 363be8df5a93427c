package org.bangfu.funds;

import java.time.Instant;

/** A transfer between funds: PROPOSED by one user, APPROVED (posted) or REJECTED by another. */
public record TransferView(long id, long fromFundId, String fromFundName, long toFundId, String toFundName, long amountFen,
		String reason, String status, String proposedBy, String decidedBy, Instant createdAt) {

	public String statusKey() {
		return "funds.transfer.status." + status;
	}

	public String amount() {
		return Yuan.of(amountFen);
	}

}
