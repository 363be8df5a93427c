package org.bangfu.registry;

/** A household was put on the register. */
public record HouseholdFiled(long householdId, long organisationId, String regionCode) {
}
