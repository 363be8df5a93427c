package org.bangfu.programs.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.bangfu.programs.CycleView;
import org.bangfu.programs.NewCycle;
import org.bangfu.programs.Rosters;
import org.bangfu.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cycles")
@Tag(name = "Cycles", description = "Runs of a program for a period key (once per program and key); roster generation, submission, four-eyes approval")
class CycleRestController {

	private final Rosters rosters;

	CycleRestController(Rosters rosters) {
		this.rosters = rosters;
	}

	record Versioned(@NotNull Integer version) {
	}

	@GetMapping
	@PreAuthorize(ProgramRoles.READ)
	@Operation(summary = "Cycles of the caller's organisation subtree, newest pay date first")
	List<CycleView> list() {
		return rosters.cycles(Actor.require().scope());
	}

	@GetMapping("/{id}")
	@PreAuthorize(ProgramRoles.READ)
	@Operation(summary = "One cycle with its roster's totals")
	CycleView get(@PathVariable long id) {
		return rosters.cycle(Actor.require().scope(), id);
	}

	@PostMapping
	@PreAuthorize(ProgramRoles.PREPARE)
	@Operation(summary = "Opens a cycle of an active program (409/400 when the period key is already paid)")
	CycleView open(@Valid @RequestBody NewCycle body) {
		return rosters.open(Actor.require().scope(), body);
	}

	@PostMapping("/{id}/generate")
	@PreAuthorize(ProgramRoles.PREPARE)
	@Operation(summary = "Generates (or resumes) the roster as a job; poll /api/v1/jobs/{jobId}")
	Map<String, Long> generate(@PathVariable long id) {
		return Map.of("jobId", rosters.generate(Actor.require().scope(), id));
	}

	@PostMapping("/{id}/submit")
	@PreAuthorize(ProgramRoles.PREPARE)
	@Operation(summary = "Submits the roster (every line with its reason and account); version as read")
	CycleView submit(@PathVariable long id, @Valid @RequestBody Versioned body) {
		return rosters.submit(Actor.require().scope(), id, body.version());
	}

	@PostMapping("/{id}/approve")
	@PreAuthorize(ProgramRoles.APPROVE)
	@Operation(summary = "Approves and locks (not by its submitter or an editor; 409 when the cycle changed since read)")
	CycleView approve(@PathVariable long id, @Valid @RequestBody Versioned body) {
		return rosters.approve(Actor.require().scope(), id, body.version());
	}

	@PostMapping("/{id}/send-back")
	@PreAuthorize(ProgramRoles.APPROVE)
	@Operation(summary = "Sends a submitted roster back for review")
	CycleView sendBack(@PathVariable long id, @Valid @RequestBody Versioned body) {
		return rosters.sendBack(Actor.require().scope(), id, body.version());
	}

}
