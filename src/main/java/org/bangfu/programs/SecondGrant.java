package org.bangfu.programs;

/** Whether a household already paid by the program this year may be paid again: freely, in special cases (with a reason), or not. */
public enum SecondGrant {

	ALLOWED, SPECIAL_CASES_ONLY, NEVER

}
