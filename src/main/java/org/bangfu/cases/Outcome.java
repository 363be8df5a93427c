package org.bangfu.cases;

/** What a reviewer decides at a step. */
public enum Outcome {

	/** 通过: the case goes on to the next step (or is approved after the last). */
	PASS,
	/** 退回补正: back to the applicant's side for correction; resubmitted to the same step. */
	RETURN,
	/** 不予通过: the case ends, the reason is kept. */
	REJECT;

	public String messageKey() {
		return "cases.outcome." + name();
	}

}
