package org.bangfu.cases;

/** The record a step keeps besides its outcome and comment. */
public enum StepForm {

	/** A plain comment (意见). */
	COMMENT,
	/** Home-visit investigation (入户调查): date, visitors, findings. */
	INVESTIGATION,
	/** Collective decision (集体研究/民主评议): date, attendees, votes, decision. */
	COLLECTIVE_DECISION,
	/** Cross-check with other registries (信息比对): result and discrepancies. */
	CROSS_CHECK,
	/** Public notice (公示): completed by the notice, not by a person. */
	NOTICE;

	public String messageKey() {
		return "cases.form." + name();
	}

}
