package org.bangfu.cases.internal;

import org.bangfu.cases.CaseType;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.shared.BangfuException;

/**
 * Which household a case of each type may concern: a new filing a household not yet (or just)
 * filed — a draft, or on a register without drafts a file with no decided filing —; assistance, a
 * change and an exit a filed household; a reopening an exited or closed one.
 */
public final class OpeningPolicy {

	private OpeningPolicy() {
	}

	public static void check(CaseType type, HouseholdStatus status, String fileNo) {
		boolean ok = switch (type) {
			case NEW_FILING -> status == HouseholdStatus.DRAFT || status == HouseholdStatus.FILED;
			case ASSISTANCE, CHANGE, EXIT -> status == HouseholdStatus.FILED;
			case REOPEN -> status == HouseholdStatus.EXITED || status == HouseholdStatus.CLOSED;
		};
		if (!ok) {
			throw BangfuException.badField("householdId", "cases.household.wrongStatus", fileNo);
		}
	}

}
