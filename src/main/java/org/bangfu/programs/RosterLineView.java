package org.bangfu.programs;

import java.math.BigDecimal;

/**
 * A roster line as read: who (household, member or null for the household), the rule row and
 * facts that produced it (JSON), amounts in fen (computed by the rule, current, the range and
 * the highest allowed), flags, the payee with the account masked, status and reason.
 */
public record RosterLineView(long id, long cycleId, long householdId, Long memberId, String regionCode, int ruleRow,
		String facts, long computedFen, long amountFen, Long rangeMinFen, Long rangeMaxFen, long maxFen, boolean capped,
		boolean secondGrant, String payeeName, String idNumberMasked, String bankName, String accountMasked,
		AccountStatus accountStatus, LineStatus status, String reason, String editedLogin, int version) {

	public BigDecimal amount() {
		return BigDecimal.valueOf(amountFen, 2);
	}

	public BigDecimal computed() {
		return BigDecimal.valueOf(computedFen, 2);
	}

	public boolean range() {
		return rangeMaxFen != null;
	}

	public boolean removed() {
		return status == LineStatus.REMOVED;
	}

}
