package org.bangfu.cases;

/**
 * What a notice may show per household. There is deliberately no column for ID numbers, phones,
 * bank accounts, health or hardship cause: a notice never shows them.
 */
public enum NoticeColumn {

	NAME, ORGANISATION, REGION, HOUSEHOLD_SIZE, CASE_TYPE, AMOUNT, APPLIED_ON;

	public String messageKey() {
		return "notices.column." + name();
	}

}
