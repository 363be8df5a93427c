package org.bangfu.crosscheck.web;

/** Who may see the cross-check, import extracts, and review findings. */
final class CrossCheckRoles {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','AUDITOR')";

	static final String IMPORT = "hasAnyRole('ADMIN','CASEWORKER')";

	static final String REVIEW = "hasAnyRole('ADMIN','REVIEWER','APPROVER')";

	private CrossCheckRoles() {
	}

}
