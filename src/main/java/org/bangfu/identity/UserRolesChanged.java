package org.bangfu.identity;

import java.util.Set;

import org.bangfu.shared.Role;

/**
 * A user's roles changed: which were taken away and which were given. Published inside the
 * updating transaction (after the user's row was updated, so it is locked), so a listener that
 * runs synchronously (e.g. pairing ending the pairings of a user who is no longer a pairing
 * cadre) commits or rolls back with it.
 */
public record UserRolesChanged(long userId, long organisationId, Set<Role> removed, Set<Role> added) {

	public UserRolesChanged {
		removed = Set.copyOf(removed);
		added = Set.copyOf(added);
	}

}
