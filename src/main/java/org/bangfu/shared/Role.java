package org.bangfu.shared;

/** What a user may do. Granted per user; data is always limited to the user's organisation subtree. */
public enum Role {

	ADMIN, CASEWORKER, REVIEWER, APPROVER, PAIRING_CADRE, FINANCE_OFFICER, AUDITOR;

	public String authority() {
		return "ROLE_" + name();
	}

	public String messageKey() {
		return "role." + name();
	}

}
