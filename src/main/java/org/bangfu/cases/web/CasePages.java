package org.bangfu.cases.web;

/** Who may use the case pages. */
final class CasePages {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','AUDITOR')";

	static final String WORK = "hasAnyRole('CASEWORKER','REVIEWER','APPROVER')";

	static final String REVIEW = "hasAnyRole('REVIEWER','APPROVER')";

	private CasePages() {
	}

}
