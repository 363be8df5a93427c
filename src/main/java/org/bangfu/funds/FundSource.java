package org.bangfu.funds;

/** Where a fund's money comes from. */
public enum FundSource {

	DISTRICT_FINANCE, UNION, DONATIONS, DISASTER_RESERVE, REVOLVING, OTHER;

	public String messageKey() {
		return "funds.source." + name();
	}

}
