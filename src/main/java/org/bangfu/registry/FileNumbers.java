package org.bangfu.registry;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.registry.internal.FileNumberPolicy;
import org.bangfu.registry.internal.FileNumberStore;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;

/**
 * Suggested file numbers (户编号) for new households: each organisation counts on its own
 * sequence, and a number already used in the organisation (typed by hand or imported) is skipped.
 * The user may still type another number; the register keeps numbers unique per organisation.
 */
@Service
public class FileNumbers {

	private final FileNumberStore store;

	private final Organisations organisations;

	FileNumbers(FileNumberStore store, Organisations organisations) {
		this.store = store;
		this.organisations = organisations;
	}

	/** The next free number of the caller's organisation. */
	public String suggest(Scope scope) {
		OrganisationView org = organisations.require(scope, scope.organisationId());
		String candidate = null;
		for (int i = 0; i < 1000; i++) {
			candidate = FileNumberPolicy.format(org.code(), store.next(org.id()));
			if (!store.taken(org.id(), candidate)) {
				return candidate;
			}
		}
		return candidate;
	}

}
