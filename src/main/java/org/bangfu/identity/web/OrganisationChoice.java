package org.bangfu.identity.web;

import java.util.List;

import org.bangfu.organisation.OrganisationView;

/** An organisation as a select option, indented by its depth under the caller's own organisation. */
record OrganisationChoice(long id, String label) {

	private static final String INDENT = "\u3000";

	static List<OrganisationChoice> of(List<OrganisationView> tree, boolean activeOnly) {
		int top = tree.stream().mapToInt(OrganisationView::depth).min().orElse(0);
		return tree.stream()
			.filter(o -> !activeOnly || o.active())
			.map(o -> new OrganisationChoice(o.id(), INDENT.repeat(o.depth() - top) + o.name()))
			.toList();
	}

}
