package org.bangfu.cases;

/** How many documents of a kind a checklist needs. */
public enum DocumentRule {

	/** One or more. */
	AT_LEAST_ONE,
	/** One for every active member of the household (identity papers). */
	EACH_MEMBER

}
