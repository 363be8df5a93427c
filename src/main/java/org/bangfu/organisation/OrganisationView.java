package org.bangfu.organisation;

/** An organisation as pages and the API show it. */
public record OrganisationView(long id, String code, String name, OrganisationType type, String regionCode,
		String regionName, Long parentId, String parentName, String path, boolean active) {

	/** Depth in the tree: the root is 0. */
	public int depth() {
		return (int) path.chars().filter(c -> c == '/').count() - 2;
	}

}
