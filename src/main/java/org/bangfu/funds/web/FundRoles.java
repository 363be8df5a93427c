package org.bangfu.funds.web;

/** Who may see the funds (finance officers, administrators, auditors read-only) and who may change them. */
final class FundRoles {

	static final String READ = "hasAnyRole('ADMIN','FINANCE_OFFICER','AUDITOR')";

	static final String WRITE = "hasAnyRole('ADMIN','FINANCE_OFFICER')";

	private FundRoles() {
	}

}
