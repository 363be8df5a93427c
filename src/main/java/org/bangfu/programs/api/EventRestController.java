package org.bangfu.programs.api;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.programs.EventDeclaration;
import org.bangfu.programs.EventKind;
import org.bangfu.programs.EventReach;
import org.bangfu.programs.EventView;
import org.bangfu.programs.Events;
import org.bangfu.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events", description = "Events declared for regions and a period (an orange heat or cold-wave warning, an "
		+ "epidemic risk area, a flood …) on which event-driven programs pay; limited to the caller's organisation subtree")
class EventRestController {

	static final String DECLARE = "hasAnyRole('ADMIN','REVIEWER','APPROVER','FINANCE_OFFICER')";

	/** A declaration: kind, otherName (for OTHER), region codes of any level, period, note, organisation (default: the caller's). */
	record DeclareBody(EventKind kind, String otherName, List<String> regionCodes, LocalDate from, LocalDate to,
			String note, Long organisationId) {
	}

	record EndBody(String reason) {
	}

	private final Events events;

	EventRestController(Events events) {
		this.events = events;
	}

	@GetMapping
	@PreAuthorize(ScheduleRestController.READ)
	@Operation(summary = "Events of the caller's organisation subtree, newest first (current=true: in force or to come)")
	List<EventView> list(@RequestParam(defaultValue = "false") boolean current, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "50") int size) {
		return events.list(Actor.require().scope(), current, page, size);
	}

	@PostMapping
	@PreAuthorize(DECLARE)
	@Operation(summary = "Declare an event",
			description = "Regions must exist and lie within the declaring organisation's region; from must not be after to. "
					+ "Bad input answers 400 with the reason and stores nothing. Publishes EventDeclared.")
	ResponseEntity<EventView> declare(@RequestBody DeclareBody body) {
		EventView e = events.declare(Actor.require(), new EventDeclaration(body.kind(), body.otherName(), body.regionCodes(),
				body.from(), body.to(), body.note(), body.organisationId()));
		return ResponseEntity.status(HttpStatus.CREATED).body(e);
	}

	@GetMapping("/{id}")
	@PreAuthorize(ScheduleRestController.READ)
	@Operation(summary = "One event (404 outside the caller's subtree)")
	EventView get(@PathVariable long id) {
		return events.get(Actor.require().scope(), id);
	}

	@PostMapping("/{id}/end")
	@PreAuthorize(DECLARE)
	@Operation(summary = "End an event early, today (409 when it has ended or is over already)")
	EventView end(@PathVariable long id, @RequestBody(required = false) EndBody body) {
		return events.end(Actor.require(), id, body == null ? null : body.reason());
	}

	@GetMapping("/{id}/reach")
	@PreAuthorize(ScheduleRestController.READ)
	@Operation(summary = "Who the event would reach: filed households of the caller's subtree under its regions (count and a page)")
	EventReach reach(@PathVariable long id, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		return events.reach(Actor.require().scope(), id, page, size);
	}

}
