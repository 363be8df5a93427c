package org.bangfu.organisation.web;

import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;

/** Page writes on the tree are for administrators; checked after the scope lookup so outsiders get 404. */
final class AdminOnly {

	private AdminOnly() {
	}

	/** Fails with "forbidden" unless the current user is an administrator. */
	static void require() {
		if (!Actor.require().has(Role.ADMIN)) {
			throw BangfuException.forbidden();
		}
	}

}
