package org.bangfu.organisation.web;

import java.util.Arrays;
import java.util.List;

import org.bangfu.organisation.OrganisationType;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Component;

/** What the organisation pages list and offer: tree rows, types, possible parents. */
@Component
class OrganisationChoices {

	private static final int MAX_CSS_DEPTH = 6;

	private final Organisations organisations;

	OrganisationChoices(Organisations organisations) {
		this.organisations = organisations;
	}

	/** One line of the tree, indented relative to the top of the caller's subtree. */
	record Row(OrganisationView org, int depth, String regionShortCode) {

		public String depthClass() {
			return "tree-depth-" + depth;
		}

		/** Non-breaking spaces that indent the name inside a select option. */
		public String indent() {
			return "\u00a0\u00a0".repeat(depth);
		}

	}

	List<Row> tree(Scope scope) {
		List<OrganisationView> all = organisations.tree(scope);
		int top = all.stream().mapToInt(OrganisationView::depth).min().orElse(0);
		return all.stream()
			.map(o -> new Row(o, Math.min(MAX_CSS_DEPTH, o.depth() - top), shortCode(o.regionCode())))
			.toList();
	}

	/** Active organisations in the scope that may become the parent; never the moved one or anything below it. */
	List<Row> parents(Scope scope, OrganisationView moved) {
		return tree(scope).stream()
			.filter(r -> r.org().active())
			.filter(r -> moved == null || !r.org().path().startsWith(moved.path()))
			.toList();
	}

	/** Types a user may choose: every type but PLATFORM, which only the root holds. */
	static List<OrganisationType> types(OrganisationView editing) {
		if (editing != null && editing.type() == OrganisationType.PLATFORM) {
			return List.of(OrganisationType.PLATFORM);
		}
		return Arrays.stream(OrganisationType.values()).filter(t -> t != OrganisationType.PLATFORM).toList();
	}

	/** The code as published: 2, 4, 6, 9 or 12 digits. */
	static String shortCode(String code) {
		if (code == null || code.length() != 12) {
			return code;
		}
		if (code.endsWith("0000000000")) {
			return code.substring(0, 2);
		}
		if (code.endsWith("00000000")) {
			return code.substring(0, 4);
		}
		if (code.endsWith("000000")) {
			return code.substring(0, 6);
		}
		return code.endsWith("000") ? code.substring(0, 9) : code;
	}

}
