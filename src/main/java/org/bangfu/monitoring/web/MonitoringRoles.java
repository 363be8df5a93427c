package org.bangfu.monitoring.web;

/** Who may see monitoring, who may flag and record, and who may approve leaving or review relief. */
public final class MonitoringRoles {

	public static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','PAIRING_CADRE','AUDITOR')";

	public static final String WRITE = "hasAnyRole('ADMIN','CASEWORKER','PAIRING_CADRE')";

	public static final String REVIEW = "hasAnyRole('ADMIN','REVIEWER','APPROVER')";

	public static final String ADMIN = "hasRole('ADMIN')";

	private MonitoringRoles() {
	}

}
