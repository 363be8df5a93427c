package org.bangfu.registry;

import org.bangfu.registry.Vocabulary.CloseReason;

/** A household's file was closed (death, transfer, retirement …). */
public record HouseholdClosed(long householdId, CloseReason reason) {
}
