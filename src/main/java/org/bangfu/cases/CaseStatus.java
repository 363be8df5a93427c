package org.bangfu.cases;

/** Where a case is: prepared, under review at a step, returned for correction, or decided. */
public enum CaseStatus {

	DRAFT, IN_REVIEW, RETURNED, APPROVED, REJECTED, WITHDRAWN;

	public boolean open() {
		return this == DRAFT || this == IN_REVIEW || this == RETURNED;
	}

	/** Whether the applicant's side may still change documents (before review or after a return). */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

	public String messageKey() {
		return "cases.status." + name();
	}

}
