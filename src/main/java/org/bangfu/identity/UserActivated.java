package org.bangfu.identity;

/**
 * A deactivated user account was activated again. Published inside the activating transaction,
 * so a synchronous listener (e.g. pairing making the user's cadre record usable again) commits or
 * rolls back with it.
 */
public record UserActivated(long userId, long organisationId) {
}
