package org.bangfu.cases;

import java.util.Optional;

/**
 * Where a case gets the household's current identification decision at submission, to freeze it
 * into the case. The identification module provides the implementation; without it
 * ({@link org.bangfu.cases.internal.NoDecisionSnapshots}) cases are submitted without a decision.
 */
public interface DecisionSnapshots {

	Optional<FrozenDecision> current(long householdId);

}
