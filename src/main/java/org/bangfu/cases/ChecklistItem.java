package org.bangfu.cases;

import java.time.Instant;

/**
 * A document a case of a type needs before it is submitted (plan 18). {@code required}: a missing
 * one blocks submission (otherwise it is only listed); {@code since}: it applies to cases opened
 * from then on (null for a step's own documents, which always apply).
 */
public record ChecklistItem(CaseType caseType, DocumentKind kind, DocumentRule rule, boolean required, Instant since) {

	public ChecklistItem(CaseType caseType, DocumentKind kind, DocumentRule rule) {
		this(caseType, kind, rule, true, null);
	}

	/** Whether the item binds a case opened at the instant. */
	public boolean appliesTo(Instant caseOpenedAt) {
		return required && (since == null || caseOpenedAt == null || !since.isAfter(caseOpenedAt));
	}

}
