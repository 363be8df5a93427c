package org.bangfu.monitoring;

/** Where a monitoring lead came from: the rules, a visit, a complaint, a cross-check finding or the family itself. */
public enum LeadSource {

	RULES, VISIT, COMPLAINT, CROSSCHECK, FAMILY;

	public String messageKey() {
		return "monitoring.source." + name();
	}

}
