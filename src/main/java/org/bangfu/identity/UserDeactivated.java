package org.bangfu.identity;

/**
 * A user account was deactivated. Published inside the deactivating transaction, so a
 * listener that runs synchronously (e.g. pairing ending the user's pairings) commits or rolls
 * back with it.
 */
public record UserDeactivated(long userId, long organisationId) {
}
