package org.bangfu.registry;

/** A household's file changed (kind as in its history, e.g. "member.add"). */
public record HouseholdChanged(long householdId, String kind) {
}
