package org.bangfu.programs;

/** The kind of identity document on a payment line; each layout maps it to the bank's code (居民身份证 = 01 by default). */
public enum PaymentIdType {

	RESIDENT_ID, MILITARY_ID, PASSPORT, HK_MACAO_PASS, TAIWAN_PASS, FOREIGN_PERMANENT_RESIDENT, OTHER;

	public String messageKey() {
		return "bank.idType." + name();
	}

}
