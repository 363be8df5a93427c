package org.bangfu.funds.internal;

import org.bangfu.shared.BangfuException;

/** Which transfers a fund's rules allow: from a transferable fund, or down the tree to a fund of the same source. */
public final class TransferPolicy {

	private TransferPolicy() {
	}

	public static void allowed(FundRow from, FundRow to) {
		if (from.id() == to.id()) {
			throw BangfuException.badField("toFundId", "funds.transfer.sameFund");
		}
		boolean allocation = from.source() == to.source() && !from.path().equals(to.path()) && to.path().startsWith(from.path());
		if (!from.transferable() && !allocation) {
			throw BangfuException.badField("toFundId", "funds.transfer.notAllowed", from.name());
		}
	}

}
