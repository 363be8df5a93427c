package org.bangfu.cases;

import java.util.List;

/** A checklist item a case does not meet yet; for per-member papers, the members still without them. */
public record MissingDocument(DocumentKind kind, DocumentRule rule, List<String> members) {
}
