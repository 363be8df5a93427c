package org.bangfu.registry;

import java.time.Instant;

/** One entry of a household's history: who changed what, and the file right after the change. */
public record HouseholdChange(long id, Instant changedAt, String changedBy, String kind, HouseholdView after) {

	/** The snapshot as the roles may see it (see {@link HouseholdView#forRoles}). */
	public HouseholdChange forRoles(java.util.Set<org.bangfu.shared.Role> roles) {
		return new HouseholdChange(id, changedAt, changedBy, kind, after == null ? null : after.forRoles(roles));
	}

}
