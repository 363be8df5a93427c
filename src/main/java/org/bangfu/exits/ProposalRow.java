package org.bangfu.exits;

import java.math.BigDecimal;
import java.util.List;

/**
 * A household the six-month rule picks up (or, with able false, one listed for the safety net):
 * the months above the line (oldest first) of its run, the line that applied, the recorded
 * hardship causes not yet resolved, and the number of the exit case already opened, if any.
 */
public record ProposalRow(long householdId, String fileNo, String headName, String organisationName, int size,
		boolean able, String lineKind, BigDecimal lineValue, boolean yearlyLine, int run, List<MonthIncome> months,
		List<String> unresolvedCauses, String openCaseNo) {

	public boolean causesResolved() {
		return unresolvedCauses.isEmpty();
	}

	/** The months of the run as people read them: 2026-01 … 2026-06. */
	public String monthsText() {
		return months.isEmpty() ? "" : months.get(0).month() + " … " + months.get(months.size() - 1).month();
	}

}
