package org.bangfu.identification.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.bangfu.identification.ApplicableStandard;
import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.identification.StandardCommands.AddStandardKind;
import org.bangfu.identification.StandardKindView;
import org.bangfu.identification.StandardView;
import org.bangfu.identification.StandardCommands;
import org.bangfu.identification.Standards;
import org.bangfu.shared.Actor;
import org.springframework.format.annotation.DateTimeFormat;
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
@RequestMapping("/api/v1/standards")
@Tag(name = "Standards", description = "Identification standards (识别标准) by kind, region and period; append-only")
class StandardRestController {

	private final Standards standards;

	StandardRestController(Standards standards) {
		this.standards = standards;
	}

	@GetMapping
	@PreAuthorize(Roles.READ)
	@Operation(summary = "Figures by kind and region (a region lists its own figures and those of the regions under it)")
	Standards.StandardPage list(@RequestParam(required = false) String kind, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		return standards.list(kind, region, page, size);
	}

	@GetMapping("/{id}")
	@PreAuthorize(Roles.READ)
	@Operation(summary = "One figure")
	StandardView get(@PathVariable long id) {
		return standards.require(id);
	}

	@PostMapping
	@PreAuthorize(Roles.EDIT)
	@Operation(summary = "Add a figure for the caller's region or a region under it (never changes older figures; a same-date figure is the next version). Marks affected decisions stale.")
	ResponseEntity<StandardView> add(@Valid @RequestBody AddStandard cmd) {
		StandardView added = standards.add(Actor.require().scope(), cmd);
		return ResponseEntity.created(URI.create("/api/v1/standards/" + added.id())).body(added);
	}

	@PostMapping("/{id}/end")
	@PreAuthorize(Roles.EDIT)
	@Operation(summary = "End a figure on a date (its last day): a correction with the same value and start that replaces it for its whole period. Marks affected decisions stale.")
	ResponseEntity<StandardView> end(@PathVariable long id, @Valid @RequestBody StandardCommands.EndStandard cmd) {
		StandardView ended = standards.end(Actor.require().scope(), id, cmd);
		return ResponseEntity.created(URI.create("/api/v1/standards/" + ended.id())).body(ended);
	}

	@GetMapping("/history")
	@PreAuthorize(Roles.READ)
	@Operation(summary = "Every figure of a kind set for exactly one region (blank = nationwide), newest first, corrections included (a corrected figure names the version that replaced it in correctedBy)")
	List<StandardView> history(@RequestParam String kind, @RequestParam(required = false) String region) {
		return standards.history(kind, region);
	}

	@GetMapping("/applicable")
	@PreAuthorize(Roles.READ)
	@Operation(summary = "Which figure of each kind applies in a region on a date, and where it comes from")
	List<ApplicableStandard> applicable(@RequestParam String region,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		return standards.applicable(region, date == null ? LocalDate.now(org.bangfu.shared.BusinessClock.zone()) : date);
	}

	@GetMapping("/kinds")
	@PreAuthorize(Roles.READ)
	@Operation(summary = "Kinds of standard (built-in and custom)")
	List<StandardKindView> kinds() {
		return standards.kinds();
	}

	@PostMapping("/kinds")
	@PreAuthorize(Roles.EDIT)
	@Operation(summary = "Add a named custom kind")
	ResponseEntity<StandardKindView> addKind(@Valid @RequestBody AddStandardKind cmd) {
		StandardKindView k = standards.addKind(cmd);
		return ResponseEntity.created(URI.create("/api/v1/standards/kinds")).body(k);
	}

}
