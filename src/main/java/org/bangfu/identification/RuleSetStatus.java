package org.bangfu.identification;

/** A rule-set version is drafted, then active from a date, then retired (kept for the dates it covered). */
public enum RuleSetStatus {

	DRAFT, ACTIVE, RETIRED

}
