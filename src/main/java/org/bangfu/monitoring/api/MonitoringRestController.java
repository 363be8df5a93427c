package org.bangfu.monitoring.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.monitoring.DisasterScreenings;
import org.bangfu.monitoring.FlagView;
import org.bangfu.monitoring.HouseholdMonitoring;
import org.bangfu.monitoring.MonitoredHouseholds;
import org.bangfu.monitoring.MonitoringMeasures;
import org.bangfu.monitoring.MonitoringSetting;
import org.bangfu.monitoring.MonitoringSettings;
import org.bangfu.monitoring.NewLead;
import org.bangfu.monitoring.NewMeasure;
import org.bangfu.monitoring.ReliefView;
import org.bangfu.monitoring.ScreeningRow;
import org.bangfu.monitoring.ScreeningView;
import org.bangfu.monitoring.web.MonitoringRoles;
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
@Tag(name = "Monitoring", description = "Relapse monitoring (防返贫监测): flagging runs, leads, measures, leaving; disaster screening and relief first")
class MonitoringRestController {

	private final MonitoredHouseholds households;

	private final MonitoringMeasures measures;

	private final DisasterScreenings screenings;

	private final MonitoringSettings settings;

	MonitoringRestController(MonitoredHouseholds households, MonitoringMeasures measures, DisasterScreenings screenings,
			MonitoringSettings settings) {
		this.households = households;
		this.measures = measures;
		this.screenings = screenings;
		this.settings = settings;
	}

	record NoteBody(String note) {
	}

	record ScreeningBody(long eventId) {
	}

	record ReliefBody(long householdId, Long screeningId, BigDecimal amount, String note) {
	}

	record ReviewBody(boolean confirmed, String note) {
	}

	record SettingBody(Integer measureDays, boolean workingDays, Integer screeningDays) {
	}

	@PostMapping("/api/v1/monitoring/runs")
	@PreAuthorize(MonitoringRoles.WRITE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Queues a flagging run over the caller's scope (the monitoring rule set, set-based); returns the job id (GET /api/v1/jobs/{id})")
	Map<String, Long> run() {
		return Map.of("jobId", households.startRun(Actor.require()));
	}

	@GetMapping("/api/v1/monitoring/flags")
	@PreAuthorize(MonitoringRoles.READ)
	@Operation(summary = "A list of monitored households: FLAGGED (open), OVERDUE (no measure by the deadline), READY (to leave) or LEFT; 100 a page")
	List<FlagView> flags(@RequestParam(defaultValue = "FLAGGED") MonitoredHouseholds.ListKind list,
			@RequestParam(defaultValue = "1") int page) {
		return households.list(Actor.require().scope(), list, page);
	}

	@PostMapping("/api/v1/monitoring/leads")
	@PreAuthorize(MonitoringRoles.WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Adds a lead (source VISIT, COMPLAINT, CROSSCHECK or FAMILY; kind UNSTABLE, MARGINAL or SUDDEN); returns the flag id")
	Map<String, Long> lead(@RequestBody NewLead body) {
		return Map.of("flagId", households.addLead(Actor.require().scope(), body));
	}

	@GetMapping("/api/v1/monitoring/households/{id}")
	@PreAuthorize(MonitoringRoles.READ)
	@Operation(summary = "A household's monitoring: its flags and the measures of the newest (audited)")
	HouseholdMonitoring household(@PathVariable long id) {
		return households.household(Actor.require().scope(), id);
	}

	@PostMapping("/api/v1/monitoring/flags/{id}/measures")
	@PreAuthorize(MonitoringRoles.WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Records a measure (kind, responsible, on, note, carriedOut); returns its id")
	Map<String, Long> measure(@PathVariable long id, @RequestBody NewMeasure body) {
		return Map.of("measureId", measures.record(Actor.require().scope(), id, body));
	}

	@PostMapping("/api/v1/monitoring/flags/{id}/leave")
	@PreAuthorize(MonitoringRoles.WRITE)
	@Operation(summary = "Proposes leaving monitoring: needs 6 consecutive months above the line now and a measure carried out")
	FlagView proposeLeave(@PathVariable long id, @RequestBody(required = false) NoteBody body) {
		return measures.proposeLeave(Actor.require().scope(), id, body == null ? null : body.note());
	}

	@PostMapping("/api/v1/monitoring/flags/{id}/leave/approve")
	@PreAuthorize(MonitoringRoles.REVIEW)
	@Operation(summary = "Approves leaving (four eyes: not the proposer)")
	FlagView approveLeave(@PathVariable long id) {
		return measures.approveLeave(Actor.require().scope(), id);
	}

	@GetMapping("/api/v1/monitoring/screenings")
	@PreAuthorize(MonitoringRoles.READ)
	@Operation(summary = "Disaster screenings of the caller's scope with their counts")
	List<ScreeningView> screenings() {
		return screenings.list(Actor.require().scope());
	}

	@PostMapping("/api/v1/monitoring/screenings")
	@PreAuthorize(MonitoringRoles.WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Starts a screening for a declared event: lists the filed, exited and monitored households of its regions")
	ScreeningView startScreening(@RequestBody ScreeningBody body) {
		return screenings.start(Actor.require(), body.eventId());
	}

	@GetMapping("/api/v1/monitoring/screenings/{id}/households")
	@PreAuthorize(MonitoringRoles.READ)
	@Operation(summary = "The households of a screening (visited=true/false to filter)")
	List<ScreeningRow> screeningHouseholds(@PathVariable long id, @RequestParam(required = false) Boolean visited) {
		return screenings.households(Actor.require().scope(), id, visited);
	}

	@PostMapping("/api/v1/monitoring/screenings/{id}/households/{householdId}/visit")
	@PreAuthorize(MonitoringRoles.WRITE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Records the screening visit of a listed household (today)")
	void visit(@PathVariable long id, @PathVariable long householdId, @RequestBody(required = false) NoteBody body) {
		screenings.recordVisit(Actor.require().scope(), id, householdId, body == null ? null : body.note());
	}

	@GetMapping("/api/v1/monitoring/reliefs")
	@PreAuthorize(MonitoringRoles.READ)
	@Operation(summary = "Relief granted first (先行救助), newest first; pending=true for those not yet reviewed")
	List<ReliefView> reliefs(@RequestParam(defaultValue = "false") boolean pending) {
		return screenings.reliefs(Actor.require().scope(), pending);
	}

	@PostMapping("/api/v1/monitoring/reliefs")
	@PreAuthorize(MonitoringRoles.WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Records relief granted first, to be reviewed after (amount in yuan, at most 2 decimals); returns its id")
	Map<String, Long> grant(@RequestBody ReliefBody body) {
		return Map.of("reliefId", screenings.grantRelief(Actor.require().scope(), body.householdId(), body.screeningId(),
				body.amount(), body.note()));
	}

	@PostMapping("/api/v1/monitoring/reliefs/{id}/review")
	@PreAuthorize(MonitoringRoles.REVIEW)
	@Operation(summary = "Reviews relief granted first: confirmed or not, by someone other than who granted it")
	ReliefView review(@PathVariable long id, @RequestBody ReviewBody body) {
		return screenings.reviewRelief(Actor.require().scope(), id, body.confirmed(), body.note());
	}

	@GetMapping("/api/v1/monitoring/settings")
	@PreAuthorize(MonitoringRoles.READ)
	@Operation(summary = "The deadlines of the caller's organisation (own or inherited)")
	MonitoringSetting setting() {
		return settings.of(Actor.require().organisationId());
	}

	@PutMapping("/api/v1/monitoring/settings")
	@PreAuthorize(MonitoringRoles.ADMIN)
	@Operation(summary = "Sets the organisation's deadlines: measure days (working or calendar) and screening visit days")
	MonitoringSetting saveSetting(@RequestBody SettingBody body) {
		return settings.save(Actor.require(), body.measureDays(), body.workingDays(), body.screeningDays());
	}

}
