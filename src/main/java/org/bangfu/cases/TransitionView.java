package org.bangfu.cases;

import java.time.Instant;

/** One entry of a case's timeline: who moved it from which state to which, at which step, and why. */
public record TransitionView(long id, Instant at, String actorLogin, String actorName, String action,
		CaseStatus fromStatus, CaseStatus toStatus, Integer position, String comment) {

	public String messageKey() {
		return "cases.action." + action;
	}

}
