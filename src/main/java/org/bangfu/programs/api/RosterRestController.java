package org.bangfu.programs.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.bangfu.programs.LineEdit;
import org.bangfu.programs.LineRemoval;
import org.bangfu.programs.RosterChecks;
import org.bangfu.programs.RosterLineView;
import org.bangfu.programs.Rosters;
import org.bangfu.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rosters")
@Tag(name = "Rosters", description = "A cycle's payment roster (发放名册): lines with the rule row and facts, masked accounts, checks, edits with reasons")
class RosterRestController {

	private final Rosters rosters;

	RosterRestController(Rosters rosters) {
		this.rosters = rosters;
	}

	record Page(long total, List<RosterLineView> lines) {
	}

	@GetMapping("/{cycleId}/lines")
	@PreAuthorize(ProgramRoles.READ)
	@Operation(summary = "A page of the roster (filter ALL, MISSING_ACCOUNT, CAPPED, NEEDS_REASON, REMOVED); accounts and ID numbers masked; audited")
	Page lines(@PathVariable long cycleId, @RequestParam(defaultValue = "ALL") String filter,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
		return new Page(rosters.count(Actor.require().scope(), cycleId, filter),
				rosters.lines(Actor.require().scope(), cycleId, filter, offset, limit));
	}

	@GetMapping("/{cycleId}/checks")
	@PreAuthorize(ProgramRoles.READ)
	@Operation(summary = "The roster's checks: lines, total, missing accounts, capped lines, lines needing a reason, removed lines")
	RosterChecks checks(@PathVariable long cycleId) {
		return rosters.checks(Actor.require().scope(), cycleId);
	}

	@PutMapping("/{cycleId}/lines/{lineId}")
	@PreAuthorize(ProgramRoles.PREPARE)
	@Operation(summary = "Changes a line's amount within its rule's limits, with a reason; version as read")
	RosterLineView edit(@PathVariable long cycleId, @PathVariable long lineId, @Valid @RequestBody LineEdit body) {
		return rosters.edit(Actor.require().scope(), cycleId, lineId, body);
	}

	@PostMapping("/{cycleId}/lines/{lineId}/remove")
	@PreAuthorize(ProgramRoles.PREPARE)
	@Operation(summary = "Takes a line off the roster, with a reason; version as read")
	RosterLineView remove(@PathVariable long cycleId, @PathVariable long lineId, @Valid @RequestBody LineRemoval body) {
		return rosters.remove(Actor.require().scope(), cycleId, lineId, body);
	}

}
