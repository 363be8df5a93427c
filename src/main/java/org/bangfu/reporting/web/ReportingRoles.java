package org.bangfu.reporting.web;

/** Who may look at dashboards and reports, who fills and submits reports, who assesses. */
final class ReportingRoles {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','AUDITOR')";

	static final String WRITE = "hasAnyRole('ADMIN','CASEWORKER','APPROVER')";

	static final String ASSESS = "hasAnyRole('ADMIN','APPROVER')";

	private ReportingRoles() {
	}

}
