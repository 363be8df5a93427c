package org.bangfu.crosscheck;

/** A finding is open until a reviewer confirms or dismisses it with a reason. */
public enum FindingStatus {

	OPEN, CONFIRMED, DISMISSED;

	public String messageKey() {
		return "crosscheck.status." + name();
	}

}
