package org.bangfu.identification.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.bangfu.identification.DecisionView;
import org.bangfu.identification.Decisions;
import org.bangfu.identification.Evaluation;
import org.bangfu.identification.WhatIf;
import org.bangfu.identification.WhatIfRequest;
import org.bangfu.identification.WhatIfResult;
import org.bangfu.shared.Actor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Decisions", description = "Households evaluated under the rule sets in force: live with explanation, recorded, batch, what-if")
class DecisionRestController {

	private final Decisions decisions;

	private final WhatIf whatIf;

	DecisionRestController(Decisions decisions, WhatIf whatIf) {
		this.decisions = decisions;
		this.whatIf = whatIf;
	}

	record RecordDecision(@NotBlank String ruleSetCode, LocalDate asOf) {
	}

	record Evaluate(@NotBlank String ruleSetCode, List<Long> householdIds, String regionCode, Boolean onlyStale,
			LocalDate asOf) {
	}

	@GetMapping("/api/v1/households/{id}/decision")
	@PreAuthorize(Roles.READ)
	@Operation(summary = "Live evaluation under every rule set in force for the household on a date (default today), with explanations; audited as a view")
	List<Evaluation> live(@PathVariable long id, @RequestParam(required = false) String ruleSet,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		if (ruleSet != null && !ruleSet.isBlank()) {
			return List.of(decisions.evaluate(Actor.require().scope(), id, ruleSet, date, LocaleContextHolder.getLocale()));
		}
		return decisions.evaluate(Actor.require().scope(), id, date, LocaleContextHolder.getLocale());
	}

	@PostMapping("/api/v1/households/{id}/decisions")
	@PreAuthorize(Roles.EVALUATE)
	@Operation(summary = "Evaluate and record the decision with its facts, standards and explanation")
	ResponseEntity<DecisionView> record(@PathVariable long id, @Valid @RequestBody RecordDecision body) {
		DecisionView d = decisions.record(Actor.require().scope(), id, body.ruleSetCode(), body.asOf(),
				LocaleContextHolder.getLocale());
		return ResponseEntity.created(URI.create("/api/v1/decisions/" + d.id())).body(d);
	}

	@GetMapping("/api/v1/households/{id}/decisions")
	@PreAuthorize(Roles.READ)
	@Operation(summary = "Every recorded decision of the household, newest first")
	List<DecisionView> history(@PathVariable long id) {
		return decisions.history(Actor.require().scope(), id, LocaleContextHolder.getLocale());
	}

	@GetMapping("/api/v1/decisions")
	@PreAuthorize(Roles.READ)
	@Operation(summary = "Current decisions in scope by rule set, outcome and staleness")
	Decisions.DecisionPage list(@RequestParam(required = false) String ruleSet, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) Boolean stale, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		return decisions.list(Actor.require().scope(), ruleSet, outcome, stale, page, size, LocaleContextHolder.getLocale());
	}

	@GetMapping("/api/v1/decisions/{id}")
	@PreAuthorize(Roles.READ)
	@Operation(summary = "A recorded decision with its explanation re-made from its snapshot (exactly as decided); audited")
	Decisions.StoredDecision get(@PathVariable long id) {
		return decisions.find(Actor.require().scope(), id, LocaleContextHolder.getLocale());
	}

	@PostMapping("/api/v1/evaluations")
	@PreAuthorize(Roles.EVALUATE)
	@Operation(summary = "Evaluate a selection (householdIds, up to 1,000: answered at once) or everything in scope, optionally under a region and only missing or stale decisions (a job: 202 with its id; progress at /api/v1/jobs/{id})")
	ResponseEntity<Map<String, Object>> evaluate(@Valid @RequestBody Evaluate body) {
		if (body.householdIds() != null && !body.householdIds().isEmpty()) {
			int n = decisions.evaluateSelection(Actor.require().scope(), body.ruleSetCode(), body.householdIds(), body.asOf());
			return ResponseEntity.ok(Map.of("evaluated", n));
		}
		long job = decisions.startBatch(Actor.require().scope(), body.ruleSetCode(), body.regionCode(), Boolean.TRUE.equals(body.onlyStale()),
				body.asOf());
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/jobs/" + job))
			.body(Map.of("jobId", job, "job", "/api/v1/jobs/" + job));
	}

	@PostMapping("/api/v1/what-if")
	@PreAuthorize(Roles.WHAT_IF)
	@Operation(summary = "Try a standard figure and/or another version of a rule set without saving: class moves by region and a page of the households that change")
	WhatIfResult whatIf(@Valid @RequestBody WhatIfRequest request) {
		return whatIf.run(Actor.require().scope(), request, LocaleContextHolder.getLocale());
	}

}
