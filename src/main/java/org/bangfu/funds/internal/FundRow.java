package org.bangfu.funds.internal;

import org.bangfu.funds.FundSource;

/** A fund as the ledger needs it: its organisation (and path), source and transfer rules. */
public record FundRow(long id, long organisationId, String path, String code, String name, FundSource source,
		boolean transferable, Long topUpFrom) {
}
