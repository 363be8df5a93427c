package org.bangfu.programs.api;

/** Who may use the programs API: read (finance, review, approval, audit), program administration, roster preparation, approval. */
final class ProgramRoles {

	static final String READ = "hasAnyRole('ADMIN','FINANCE_OFFICER','REVIEWER','APPROVER','AUDITOR')";

	static final String ADMINISTER = "hasAnyRole('ADMIN','FINANCE_OFFICER')";

	static final String PREPARE = "hasAnyRole('ADMIN','FINANCE_OFFICER','REVIEWER')";

	static final String APPROVE = "hasAnyRole('ADMIN','APPROVER')";

	private ProgramRoles() {
	}

}
