package org.bangfu.cases.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.bangfu.cases.CaseType;
import org.bangfu.cases.ChainCommands.AddStep;
import org.bangfu.cases.ChainCommands.CopyChain;
import org.bangfu.cases.ChainCommands.CreateChain;
import org.bangfu.cases.ChainCommands.MoveChecklistItem;
import org.bangfu.cases.ChainCommands.MoveStep;
import org.bangfu.cases.ChainCommands.PutChecklistItem;
import org.bangfu.cases.ChainCommands.UpdateChain;
import org.bangfu.cases.ChainCommands.UpdateStep;
import org.bangfu.cases.ChainView;
import org.bangfu.cases.ChecklistItem;
import org.bangfu.cases.DocumentKind;
import org.bangfu.cases.ReviewChains;
import org.bangfu.shared.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/chains")
@Tag(name = "Review chains", description = "Configurable review chains (steps, roles, levels, SLAs, documents, forms, outcomes) and document checklists")
class ChainRestController {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','AUDITOR')";

	private final ReviewChains chains;

	ChainRestController(ReviewChains chains) {
		this.chains = chains;
	}

	@GetMapping
	@PreAuthorize(READ)
	@Operation(summary = "All review chains (current revisions) with their steps")
	List<ChainView> list() {
		return chains.all();
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Create a chain from scratch: code, names, case type, kind of organisation (left out = any), notice period and at least one step (root administrators); defaultChain makes it the chain cases of its type and kind get when none is chosen")
	ResponseEntity<ChainView> create(@Valid @RequestBody CreateChain cmd) {
		ChainView c = chains.create(Actor.require(), cmd);
		return ResponseEntity.created(URI.create("/api/v1/chains/" + c.id())).body(c);
	}

	@PostMapping("/{id}/copy")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Create a chain as a copy of this chain's current revision with a new code and names (root administrators); organisationType left out = the source's")
	ResponseEntity<ChainView> copy(@PathVariable long id, @Valid @RequestBody CopyChain cmd) {
		ChainView c = chains.copy(Actor.require(), id, cmd);
		return ResponseEntity.created(URI.create("/api/v1/chains/" + c.id())).body(c);
	}

	@GetMapping("/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "One review chain")
	ChainView get(@PathVariable long id) {
		return chains.require(id);
	}

	@GetMapping("/checklists/{type}")
	@PreAuthorize(READ)
	@Operation(summary = "The documents a case of the type needs before submission (plan 18)")
	List<ChecklistItem> checklist(@PathVariable CaseType type) {
		return chains.checklist(type);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Change a chain's notice period and whether it is offered (administrators of the root organisation; send the version)")
	ChainView update(@PathVariable long id, @Valid @RequestBody UpdateChain cmd) {
		return chains.update(Actor.require(), id, cmd);
	}

	@PutMapping("/{id}/steps/{stepId}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Change a step: name, role, level, kind of organisation, SLA, form, required documents, outcomes (root administrators; send the chain's version; a new revision when cases use the chain)")
	ChainView updateStep(@PathVariable long id, @PathVariable long stepId, @Valid @RequestBody UpdateStep cmd) {
		return chains.updateStep(Actor.require(), id, stepId, cmd);
	}

	@PostMapping("/{id}/steps")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Add a step (root administrators; send the chain's version). On a chain cases use, this makes a new revision for cases opened afterwards; the answer is the chain with the step")
	ChainView addStep(@PathVariable long id, @Valid @RequestBody AddStep cmd) {
		return chains.addStep(Actor.require(), id, cmd);
	}

	@DeleteMapping("/{id}/steps/{stepId}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Remove a step (root administrators; ?version= the chain's version; a new revision when cases use the chain)")
	ChainView removeStep(@PathVariable long id, @PathVariable long stepId, @RequestParam int version) {
		return chains.removeStep(Actor.require(), id, stepId, version);
	}

	@PostMapping("/{id}/steps/{stepId}/move")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Move a step to a position, 1 = first (root administrators; a new revision when cases use the chain)")
	ChainView moveStep(@PathVariable long id, @PathVariable long stepId, @Valid @RequestBody MoveStep cmd) {
		return chains.moveStep(Actor.require(), id, stepId, cmd);
	}

	@PutMapping("/checklists/{type}/{kind}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Add a document to a case type's checklist or change its rule and whether it is required (root administrators); a new item binds cases opened from now on")
	List<ChecklistItem> putChecklistItem(@PathVariable CaseType type, @PathVariable DocumentKind kind,
			@Valid @RequestBody PutChecklistItem cmd) {
		return chains.putChecklistItem(Actor.require(), type, kind, cmd);
	}

	@PostMapping("/checklists/{type}/{kind}/move")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Move a document of a case type's checklist to a position, 1 = first (root administrators); the pages list the documents in this order")
	List<ChecklistItem> moveChecklistItem(@PathVariable CaseType type, @PathVariable DocumentKind kind,
			@Valid @RequestBody MoveChecklistItem cmd) {
		return chains.moveChecklistItem(Actor.require(), type, kind, cmd);
	}

	@DeleteMapping("/checklists/{type}/{kind}")
	@PreAuthorize("hasRole('ADMIN')")
	@Operation(summary = "Remove a document from a case type's checklist (root administrators)")
	List<ChecklistItem> removeChecklistItem(@PathVariable CaseType type, @PathVariable DocumentKind kind) {
		return chains.removeChecklistItem(Actor.require(), type, kind);
	}

}
