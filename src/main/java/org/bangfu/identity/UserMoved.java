package org.bangfu.identity;

/**
 * A user account was moved to another organisation (a transfer). Published inside the updating
 * transaction, so a listener that runs synchronously (e.g. pairing ending the user's pairings)
 * commits or rolls back with it.
 */
public record UserMoved(long userId, long fromOrganisationId, long toOrganisationId) {
}
