package org.bangfu.identification;

/** A live evaluation of one household under one rule-set version, with the stored current decision if any. */
public record Evaluation(long ruleSetId, String ruleSetCode, int ruleSetVersion, String ruleSetName, String outcome,
		String label, Explanation explanation, DecisionView current) {

	/** The stored decision differs from the live result, or was marked stale. */
	public boolean currentOutdated() {
		return current != null && (current.stale() || !current.outcome().equals(outcome)
				|| current.ruleSetVersion() != ruleSetVersion);
	}

}
