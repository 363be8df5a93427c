package org.bangfu.pairing.internal;

import org.bangfu.identity.UserActivated;
import org.bangfu.identity.UserDeactivated;
import org.bangfu.identity.UserMoved;
import org.bangfu.identity.UserRolesChanged;
import org.bangfu.pairing.Pairings;
import org.bangfu.registry.HouseholdClosed;
import org.bangfu.shared.Role;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reactions to other modules' events, run synchronously in the publishing transaction so the
 * unpaired list is right the moment the deactivation, transfer, loss of the cadre role or closing commits ("不断档": no
 * household is left without a cadre unnoticed).
 */
@Component
class PairingReactions {

	private final Pairings pairings;

	PairingReactions(Pairings pairings) {
		this.pairings = pairings;
	}

	@EventListener
	void on(UserDeactivated event) {
		pairings.cadreUserDeactivated(event.userId());
	}

	@EventListener
	void on(UserMoved event) {
		pairings.cadreUserMoved(event.userId(), event.fromOrganisationId(), event.toOrganisationId());
	}

	@EventListener
	void on(UserRolesChanged event) {
		if (event.removed().contains(Role.PAIRING_CADRE)) {
			pairings.cadreRoleRemoved(event.userId());
		}
		else if (event.added().contains(Role.PAIRING_CADRE)) {
			pairings.cadreRoleGranted(event.userId());
		}
	}

	@EventListener
	void on(UserActivated event) {
		pairings.cadreUserMayPairAgain(event.userId());
	}

	@EventListener
	void on(HouseholdClosed event) {
		pairings.householdClosed(event.householdId());
	}

}
