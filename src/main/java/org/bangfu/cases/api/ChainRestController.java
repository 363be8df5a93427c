package org.bangfu.cases.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.bangfu.cases.CaseType;
import org.bangfu.cases.ChainCommands.UpdateChain;
import org.bangfu.cases.ChainCommands.UpdateStep;
import org.bangfu.cases.ChainView;
import org.bangfu.cases.ChecklistItem;
import org.bangfu.cases.ReviewChains;
import org.bangfu.shared.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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
	@Operation(summary = "All review chains with their steps")
	List<ChainView> list() {
		return chains.all();
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
	@Operation(summary = "Change a step: role, level, kind of organisation, SLA, required documents, outcomes (root administrators; send the chain's version)")
	ChainView updateStep(@PathVariable long id, @PathVariable long stepId, @Valid @RequestBody UpdateStep cmd) {
		return chains.updateStep(Actor.require(), id, stepId, cmd);
	}

}
