package org.bangfu.programs.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.bangfu.programs.ProgramContent;
import org.bangfu.programs.ProgramTestResult;
import org.bangfu.programs.ProgramView;
import org.bangfu.programs.Programs;
import org.bangfu.shared.Actor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/programs")
@Tag(name = "Programs", description = "Assistance programs: target and amount rules in the rule language, limits, test cases; versioned")
class ProgramRestController {

	private final Programs programs;

	ProgramRestController(Programs programs) {
		this.programs = programs;
	}

	record CreateProgram(@NotNull String code, @NotNull @Valid ProgramContent content) {
	}

	@GetMapping
	@PreAuthorize(ProgramRoles.READ)
	@Operation(summary = "Programs visible to the caller (latest version of each)")
	List<ProgramView> list() {
		return programs.list(Actor.require().scope());
	}

	@GetMapping("/{id}")
	@PreAuthorize(ProgramRoles.READ)
	@Operation(summary = "One program version")
	ProgramView get(@PathVariable long id) {
		return programs.require(Actor.require().scope(), id);
	}

	@GetMapping("/{id}/versions")
	@PreAuthorize(ProgramRoles.READ)
	@Operation(summary = "Every version of the program")
	List<ProgramView> versions(@PathVariable long id) {
		return programs.versions(Actor.require().scope(), id);
	}

	@PostMapping
	@PreAuthorize(ProgramRoles.ADMINISTER)
	@Operation(summary = "A new program (version 1, draft) of the caller's organisation")
	ProgramView create(@Valid @RequestBody CreateProgram body) {
		return programs.create(Actor.require().scope(), body.code(), body.content());
	}

	@PutMapping("/{id}")
	@PreAuthorize(ProgramRoles.ADMINISTER)
	@Operation(summary = "Saves content: in place for a draft, as a new draft version otherwise")
	ProgramView update(@PathVariable long id, @Valid @RequestBody ProgramContent content) {
		return programs.update(Actor.require().scope(), id, content);
	}

	@PostMapping("/tests")
	@PreAuthorize(ProgramRoles.ADMINISTER)
	@Operation(summary = "Runs the test cases of unsaved content")
	List<ProgramTestResult> tests(@Valid @RequestBody ProgramContent content) {
		return programs.runTests(content, LocaleContextHolder.getLocale());
	}

	@PostMapping("/{id}/activate")
	@PreAuthorize(ProgramRoles.ADMINISTER)
	@Operation(summary = "Activates a draft when all its test cases pass (409 with the failures otherwise)")
	ProgramView activate(@PathVariable long id) {
		return programs.activate(Actor.require().scope(), id);
	}

	@PostMapping("/{id}/end")
	@PreAuthorize(ProgramRoles.ADMINISTER)
	@Operation(summary = "Ends the active version")
	ProgramView end(@PathVariable long id) {
		return programs.end(Actor.require().scope(), id);
	}

}
