package org.bangfu.identification.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.bangfu.identification.RuleSetContent;
import org.bangfu.identification.RuleSetView;
import org.bangfu.identification.RuleSets;
import org.bangfu.identification.TestResult;
import org.bangfu.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/rule-sets")
@Tag(name = "Rule sets", description = "Decision tables over named facts in the rule language (docs/rules.md); versioned, with test cases")
class RuleSetRestController {

	private final RuleSets ruleSets;

	private final MessageSource messages;

	RuleSetRestController(RuleSets ruleSets, MessageSource messages) {
		this.ruleSets = ruleSets;
		this.messages = messages;
	}

	record CreateRuleSet(@NotNull String code, @NotNull @Valid RuleSetContent content) {
	}

	record CopyRuleSet(@NotNull String code) {
	}

	record Activate(LocalDate effectiveFrom) {
	}

	record Retire(LocalDate lastDay) {
	}

	record RowProblem(int row, String message) {
	}

	@GetMapping
	@PreAuthorize(Roles.READ)
	@Operation(summary = "Rule-set versions visible to the caller (own organisation, ancestors, subtree)")
	List<RuleSetView> list() {
		return ruleSets.list(Actor.require().scope());
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.READ)
	@Operation(summary = "One version")
	RuleSetView get(@PathVariable long id) {
		return ruleSets.require(Actor.require().scope(), id);
	}

	@GetMapping("/{id}/versions")
	@PreAuthorize(Roles.READ)
	@Operation(summary = "Every version of the same rule set, newest first")
	List<RuleSetView> versions(@PathVariable long id) {
		return ruleSets.versions(Actor.require().scope(), id);
	}

	@PostMapping
	@PreAuthorize(Roles.EDIT)
	@Operation(summary = "Create a rule set (version 1, draft) owned by the caller's organisation")
	ResponseEntity<RuleSetView> create(@Valid @RequestBody CreateRuleSet body) {
		RuleSetView rs = ruleSets.create(Actor.require().scope(), body.code(), body.content());
		return ResponseEntity.created(URI.create("/api/v1/rule-sets/" + rs.id())).body(rs);
	}

	@PostMapping("/{id}/copy")
	@PreAuthorize(Roles.EDIT)
	@Operation(summary = "Copy a visible version into a new rule set of the caller's organisation")
	ResponseEntity<RuleSetView> copy(@PathVariable long id, @Valid @RequestBody CopyRuleSet body) {
		RuleSetView rs = ruleSets.copy(Actor.require().scope(), id, body.code());
		return ResponseEntity.created(URI.create("/api/v1/rule-sets/" + rs.id())).body(rs);
	}

	@PutMapping("/{id}")
	@PreAuthorize(Roles.EDIT)
	@Operation(summary = "Save: a draft is changed in place; an active or retired version gets a new draft version (see its id)")
	RuleSetView update(@PathVariable long id, @Valid @RequestBody RuleSetContent content) {
		return ruleSets.update(Actor.require().scope(), id, content);
	}

	@PostMapping("/{id}/tests")
	@PreAuthorize(Roles.READ)
	@Operation(summary = "Run the saved version's test cases")
	List<TestResult> runTests(@PathVariable long id) {
		return ruleSets.runTests(Actor.require().scope(), id, LocaleContextHolder.getLocale());
	}

	@PostMapping("/tests")
	@PreAuthorize(Roles.EDIT)
	@Operation(summary = "Run the test cases of unsaved content")
	List<TestResult> runTests(@Valid @RequestBody RuleSetContent content) {
		return ruleSets.runTests(content, LocaleContextHolder.getLocale());
	}

	@PostMapping("/check")
	@PreAuthorize(Roles.EDIT)
	@Operation(summary = "Every row's problems in the caller's language (empty when all rows compile)")
	List<RowProblem> check(@RequestBody RuleSetContent content) {
		return ruleSets.check(content).stream()
			.map(e -> new RowProblem(e.row(), messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale())))
			.toList();
	}

	@PostMapping("/{id}/activate")
	@PreAuthorize(Roles.EDIT)
	@Operation(summary = "Activate a draft from a date (default today) when all its test cases pass; the version it replaces ends the day before")
	RuleSetView activate(@PathVariable long id, @RequestBody(required = false) Activate body) {
		return ruleSets.activate(Actor.require().scope(), id, body == null ? null : body.effectiveFrom());
	}

	@PostMapping("/{id}/retire")
	@PreAuthorize(Roles.EDIT)
	@Operation(summary = "Retire an active version after its last day (default yesterday)")
	RuleSetView retire(@PathVariable long id, @RequestBody(required = false) Retire body) {
		return ruleSets.retire(Actor.require().scope(), id, body == null ? null : body.lastDay());
	}


}
