package org.bangfu.cases;

/** A notice is prepared (DRAFT), public for its period (PUBLISHED), then CLOSED with its result. */
public enum NoticeStatus {

	DRAFT, PUBLISHED, CLOSED;

	public String messageKey() {
		return "notices.status." + name();
	}

}
