package org.bangfu.programs;

/** Who a roster line is for: the household, every member, or the members meeting the program's member condition. */
public enum BeneficiaryUnit {

	HOUSEHOLD, PERSON, QUALIFYING_MEMBER

}
