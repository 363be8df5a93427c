package org.bangfu.registry;

import java.util.List;

import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration on one page: a new household with its head and further members in one
 * transaction, so a refused member leaves no household behind. A refusal names the member's
 * row (members[i].field) so the page can show it next to the field.
 */
@Service
public class Registrations {

	private final HouseholdRegistry registry;

	Registrations(HouseholdRegistry registry) {
		this.registry = registry;
	}

	@Transactional
	public HouseholdView file(Scope scope, FileHousehold household, List<IndexedMember> members) {
		HouseholdView h = registry.file(scope, household);
		for (IndexedMember m : members) {
			try {
				registry.addMember(scope, h.id(), m.member());
			}
			catch (BangfuException ex) {
				if (ex.field() == null) {
					throw ex;
				}
				throw BangfuException.badField("members[" + m.row() + "]." + ex.field(), ex.messageKey(), ex.args());
			}
		}
		return registry.find(scope, h.id()).orElseThrow();
	}

	/** A further member and the row of the page it was typed in. */
	public record IndexedMember(int row, AddMember member) {
	}

}
