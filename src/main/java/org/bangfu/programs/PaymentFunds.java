package org.bangfu.programs;

import java.util.Collection;
import java.util.Map;

/**
 * Which fund pays a cycle's roster, as the funds module booked it: implemented by the funds module
 * (which listens to approvals), read by the household's payments and its ledger. Without it, or
 * for a cycle no fund has booked, payments show no fund.
 */
public interface PaymentFunds {

	/** The fund names by cycle id, for the cycles that have been booked to a fund. */
	Map<Long, String> fundNames(Collection<Long> cycleIds);

}
