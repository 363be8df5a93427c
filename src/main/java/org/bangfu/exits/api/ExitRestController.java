package org.bangfu.exits.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.cases.CaseView;
import org.bangfu.exits.CorrectionRow;
import org.bangfu.exits.ExitProposals;
import org.bangfu.exits.ExitProposals.SafetyNet;
import org.bangfu.exits.ExitSetting;
import org.bangfu.exits.ExitSettings;
import org.bangfu.exits.FollowUpRow;
import org.bangfu.exits.ExitFollowUps;
import org.bangfu.exits.Proposals;
import org.bangfu.exits.StatusCorrections;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Exits", description = "Exit proposals (six months above the line), the safety net, follow-up visits after exit, exit settings, and administrators' status corrections with four eyes")
class ExitRestController {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','AUDITOR')";

	static final String WORK = "hasAnyRole('CASEWORKER','REVIEWER','APPROVER')";

	static final String VISIT = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','PAIRING_CADRE','AUDITOR')";

	static final String VISIT_WRITE = "hasAnyRole('CASEWORKER','REVIEWER','APPROVER','PAIRING_CADRE')";

	private final ExitProposals proposals;

	private final ExitFollowUps followUps;

	private final ExitSettings settings;

	private final StatusCorrections corrections;

	ExitRestController(ExitProposals proposals, ExitFollowUps followUps, ExitSettings settings, StatusCorrections corrections) {
		this.proposals = proposals;
		this.followUps = followUps;
		this.settings = settings;
		this.corrections = corrections;
	}

	record Reason(String reason) {
	}

	record SafetyNetBody(SafetyNet net, String note) {
	}

	record CauseBody(HardshipCause cause, String note) {
	}

	record CaseOpened(long caseId, String caseNo, String status) {
	}

	record VisitBody(LocalDate visitedOn, String visitors, String findings, Boolean stable) {
	}

	record CorrectionBody(long householdId, HouseholdStatus target, LocalDate exitDate, String reason) {
	}

	record DecisionBody(boolean approve, String note) {
	}

	@GetMapping("/api/v1/exit-proposals")
	@PreAuthorize(READ)
	@Operation(summary = "Exit proposals of the caller's scope with the months above the line, those waiting on hardship causes, and the safety-net list (audited as a view of personal data)")
	Proposals list() {
		return proposals.list(Actor.require());
	}

	@PostMapping("/api/v1/exit-proposals/{householdId}/case")
	@PreAuthorize(WORK)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open the EXIT case of a proposal in the default exit chain (review, notice, approval)")
	CaseOpened openCase(@PathVariable long householdId) {
		CaseView c = proposals.openExitCase(Actor.require(), householdId);
		return new CaseOpened(c.id(), c.caseNo(), c.status().name());
	}

	@PostMapping("/api/v1/exit-proposals/{householdId}/dismissal")
	@PreAuthorize(WORK)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Dismiss a proposal with a reason (proposed again only on six months above the line after this month)")
	void dismiss(@PathVariable long householdId, @RequestBody Reason body) {
		proposals.dismiss(Actor.require(), householdId, body == null ? null : body.reason());
	}

	@PostMapping("/api/v1/exit-proposals/{householdId}/safety-net-case")
	@PreAuthorize(WORK)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open the ASSISTANCE case of a household with nobody able to work, for the safety net (DIBAO or DESTITUTE)")
	CaseOpened safetyNet(@PathVariable long householdId, @RequestBody SafetyNetBody body) {
		CaseView c = proposals.openSafetyNetCase(Actor.require(), householdId, body == null ? null : body.net(),
				body == null ? null : body.note());
		return new CaseOpened(c.id(), c.caseNo(), c.status().name());
	}

	@PostMapping("/api/v1/exit-proposals/{householdId}/resolved-causes")
	@PreAuthorize(WORK)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Mark a recorded hardship cause of the household resolved, with what resolved it")
	void resolve(@PathVariable long householdId, @RequestBody CauseBody body) {
		proposals.resolveCause(Actor.require(), householdId, body == null ? null : body.cause(), body == null ? null : body.note());
	}

	@GetMapping("/api/v1/exit-settings")
	@PreAuthorize(READ)
	@Operation(summary = "The exit settings in force for the caller's organisation (line kind, transition months, follow-up months and interval)")
	ExitSetting getSettings() {
		return settings.of(Actor.require().organisationId());
	}

	@PutMapping("/api/v1/exit-settings")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Set the exit settings of the caller's organisation (inherited by the organisations under it)")
	ExitSetting putSettings(@RequestBody ExitSetting body) {
		return settings.save(Actor.require(), body);
	}

	@GetMapping("/api/v1/follow-ups")
	@PreAuthorize(VISIT)
	@Operation(summary = "Follow-up visits (回头看) of exited households in the scope, overdue first; overdue=true lists only the overdue ones (audited as a view of personal data)")
	List<FollowUpRow> followUps(@RequestParam(required = false) Long householdId,
			@RequestParam(defaultValue = "false") boolean overdue) {
		return followUps.list(Actor.require(), householdId, overdue);
	}

	@PostMapping("/api/v1/follow-ups/{id}/visit")
	@PreAuthorize(VISIT_WRITE)
	@Operation(summary = "Record a follow-up visit: date, visitors, findings, whether the household is stable")
	FollowUpRow visit(@PathVariable long id, @RequestBody VisitBody body) {
		return followUps.record(Actor.require(), id, body.visitedOn(), body.visitors(), body.findings(), body.stable());
	}

	@GetMapping("/api/v1/status-corrections")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Status corrections of the scope, pending first")
	List<CorrectionRow> corrections() {
		return corrections.list(Actor.require());
	}

	@PostMapping("/api/v1/status-corrections")
	@PreAuthorize("hasRole('ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Request a status correction (FILED, EXITED with exitDate, CLOSED) with a required reason; a second administrator decides")
	CorrectionRow request(@RequestBody CorrectionBody body) {
		return corrections.request(Actor.require(), body.householdId(), body.target(), body.exitDate(), body.reason());
	}

	@PostMapping("/api/v1/status-corrections/{id}/decision")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Approve (the status changes) or reject (note required) a correction; not by the administrator who requested it")
	CorrectionRow decide(@PathVariable long id, @RequestBody DecisionBody body) {
		return corrections.decide(Actor.require(), id, body.approve(), body.note());
	}

}
