package org.bangfu.funds;

/** A fund to open in the caller's organisation; topUpFrom is the fund a revolving fund is topped up from as it is spent. */
public record NewFund(String code, String name, FundSource source, boolean transferable, Long topUpFrom) {
}
