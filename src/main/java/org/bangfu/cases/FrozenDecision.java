package org.bangfu.cases;

/**
 * The identification decision for a household as it stood when a case was submitted: its outcome
 * in words (e.g. "深度困难（工会规则 v3）"), the explanation a person reads, and the full decision as JSON.
 */
public record FrozenDecision(String outcomeLabel, String explanation, String json) {
}
