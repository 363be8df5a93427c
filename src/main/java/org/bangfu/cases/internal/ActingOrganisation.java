package org.bangfu.cases.internal;

import org.bangfu.organisation.OrganisationType;

/** The facts about an organisation that decide whether its users act at a step: kind and region level. */
public record ActingOrganisation(long id, String name, String path, OrganisationType type, Integer regionLevel,
		String regionCode) {
}
