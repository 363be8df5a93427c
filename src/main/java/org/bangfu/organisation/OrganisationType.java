package org.bangfu.organisation;

/** Kinds of organisation. PLATFORM is the single root that holds the whole installation. */
public enum OrganisationType {

	PLATFORM, UNION, CIVIL_AFFAIRS, TOWNSHIP_GOVERNMENT, VILLAGE_COMMITTEE, COMPANY, OTHER;

	public String messageKey() {
		return "organisation.type." + name();
	}

}
