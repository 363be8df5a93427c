package org.bangfu.cases;

/** A document a case of a type needs before it is submitted (plan 18). */
public record ChecklistItem(CaseType caseType, DocumentKind kind, DocumentRule rule) {
}
