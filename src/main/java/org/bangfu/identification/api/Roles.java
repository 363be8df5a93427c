package org.bangfu.identification.api;

/** Who may do what in identification (pages and API share these expressions). */
final class Roles {

	/** Read standards, rule sets and decisions. */
	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','PAIRING_CADRE','AUDITOR')";

	/** Record decisions, evaluate selections and batches. */
	static final String EVALUATE = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER')";

	/** Add standards, edit, activate and retire rule sets. */
	static final String EDIT = "hasAnyRole('ADMIN','APPROVER')";

	/** Try proposals without saving. */
	static final String WHAT_IF = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','AUDITOR')";

	private Roles() {
	}

}
