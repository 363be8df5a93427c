package org.bangfu.programs;

import java.math.BigDecimal;

/** What a reviewer checks before submitting: lines and total (not removed), missing accounts, lines cut by a cap, lines needing a reason, removed lines. */
public record RosterChecks(long lines, long totalFen, long missingAccounts, long capped, long needsReason, long removed) {

	public BigDecimal total() {
		return BigDecimal.valueOf(totalFen, 2);
	}

	public boolean submittable() {
		return lines > 0 && missingAccounts == 0 && needsReason == 0;
	}


	public String totalText() {
		return org.bangfu.shared.Money.of(total()).format();
	}

}
