package org.bangfu.monitoring.internal;

import org.bangfu.monitoring.FlagView;

/**
 * Leaving monitoring: the household must be stable now (six consecutive months of per-capita
 * income above the monitoring line, by the rule set) and have at least one measure carried out;
 * the proposal is approved by someone other than its proposer (four eyes). Each check answers
 * the message key of the refusal, or null.
 */
public final class LeavingPolicy {

	private LeavingPolicy() {
	}

	public static String canPropose(FlagView flag, boolean stableNow) {
		if (!"OPEN".equals(flag.status())) {
			return "monitoring.leave.notOpen";
		}
		if (flag.carriedOut() == 0) {
			return "monitoring.leave.noMeasure";
		}
		if (!stableNow) {
			return "monitoring.leave.notStable";
		}
		return null;
	}

	public static String canApprove(FlagView flag, boolean stableNow, String approver) {
		if (flag.leaveProposedBy() == null) {
			return "monitoring.leave.notProposed";
		}
		if (flag.leaveProposedBy().equals(approver)) {
			return "monitoring.leave.fourEyes";
		}
		return canPropose(flag, stableNow);
	}

}
