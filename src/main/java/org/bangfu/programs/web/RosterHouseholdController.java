package org.bangfu.programs.web;

import org.bangfu.programs.Handovers;
import org.bangfu.programs.Rosters;
import org.bangfu.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The household page's payments panel (htmx): the household's roster lines and hand-overs in the caller's scope. */
@Controller
class RosterHouseholdController {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','PAIRING_CADRE','FINANCE_OFFICER','AUDITOR')";

	private final Rosters rosters;

	private final Handovers handovers;

	RosterHouseholdController(Rosters rosters, Handovers handovers) {
		this.rosters = rosters;
		this.handovers = handovers;
	}

	@GetMapping("/programs/households/{id}/payments")
	@PreAuthorize(READ)
	String payments(@PathVariable long id, Model model) {
		model.addAttribute("payments", rosters.payments(Actor.require().scope(), id));
		model.addAttribute("handovers", handovers.ofHousehold(Actor.require().scope(), id));
		return "programs/payments :: payments";
	}

}
