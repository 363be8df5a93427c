package org.bangfu.funds;

import java.time.LocalDate;

/**
 * A donation received. The donor's name is already hidden (null) when the donor asked to stay
 * anonymous: no page or export shows it.
 */
public record DonationView(long id, long fundId, String fundName, String donorKind, String donorName, boolean anonymous,
		String form, String goods, long amountFen, LocalDate receivedOn, String purpose, String receiptNo, long postingId) {

	public String amount() {
		return Yuan.of(amountFen);
	}

}
