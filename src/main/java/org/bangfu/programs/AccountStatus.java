package org.bangfu.programs;

/** The payee's account for cash: recorded, missing (flagged, back to the filing organisation), or not needed (goods, vouchers, services). */
public enum AccountStatus {

	OK, MISSING, NOT_NEEDED

}
