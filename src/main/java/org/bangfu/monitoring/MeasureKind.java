package org.bangfu.monitoring;

/** Kinds of assistance measure (帮扶措施) for a monitored household. */
public enum MeasureKind {

	EMPLOYMENT, INDUSTRY, MEDICAL, EDUCATION, HOUSING, DIBAO, RELIEF, INSURANCE, OTHER;

	public String messageKey() {
		return "monitoring.measure." + name();
	}

}
