package org.bangfu.registry.api;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.bangfu.registry.HouseholdChange;
import org.bangfu.shared.BangfuException;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.CloseHousehold;
import org.bangfu.registry.HouseholdCommands.ExitHousehold;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.MoveMember;
import org.bangfu.registry.HouseholdCommands.RemoveMember;
import org.bangfu.registry.HouseholdCommands.ReopenHousehold;
import org.bangfu.registry.HouseholdCommands.UpdateHousehold;
import org.bangfu.registry.HouseholdCommands.UpdateMember;
import org.bangfu.registry.HouseholdDetail;
import org.bangfu.registry.HouseholdExport;
import org.bangfu.registry.HouseholdExportJobs;
import org.bangfu.registry.HouseholdPage;
import org.bangfu.registry.HouseholdQuery;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.MemberView;
import org.bangfu.registry.internal.StatusPolicy;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/households")
@Tag(name = "Households", description = "The household register (一户一档): files, members, statuses, history, ID number reveal, export")
class HouseholdRestController {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','PAIRING_CADRE','AUDITOR')";

	static final String WRITE = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER')";

	private final HouseholdRegistry registry;

	private final HouseholdExportJobs exportJobs;

	private final BusinessClock clock;

	HouseholdRestController(HouseholdRegistry registry, HouseholdExportJobs exportJobs, BusinessClock clock) {
		this.registry = registry;
		this.exportJobs = exportJobs;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize(READ)
	@Operation(summary = "Search households in the caller's scope",
			description = "Exact ID number, name prefix, phone, region code prefix, status, category, cause; paged from 1. ID numbers and phones are masked.")
	HouseholdPage search(@ParameterObject @ModelAttribute HouseholdQuery query) {
		return registry.search(scope(), ordered(query));
	}

	/** An order the API does not know is a 400 naming the known ones (the pages fall back to the default). */
	private static HouseholdQuery ordered(HouseholdQuery query) {
		if (query.sort() != null && !query.sort().isBlank() && !HouseholdQuery.SORTS.contains(query.sort())) {
			throw BangfuException.badField("sort", "registry.sort.unknown", String.join(", ", HouseholdQuery.SORTS));
		}
		if (query.dir() != null && !query.dir().isBlank() && !query.dir().matches("(?i)asc|desc")) {
			throw BangfuException.badField("dir", "registry.dir.unknown");
		}
		return query;
	}

	@GetMapping("/export")
	@PreAuthorize(READ)
	@Operation(summary = "Export the search result as .xlsx or CSV in the import template (audited)",
			description = "Same filters and order as the search (paging ignored: every match). One row per person, "
					+ "household-level columns on the 户主 row, the template's Chinese words, amounts as numbers, so "
					+ "the file imports again. CSV is UTF-8 with a byte order mark. Text starting with = + - @ is "
					+ "prefixed with an apostrophe. ID numbers, bank accounts and phones are whole for ADMIN, "
					+ "CASEWORKER, REVIEWER and APPROVER, who must give the export's purpose (400 naming `purpose` without one), "
					+ "and masked for other roles (such a file does not import). "
					+ "Streamed in the request, for at most 10,000 households (`bangfu.export.direct-max-households`): a "
					+ "larger selection is refused with 409; ask for it with POST /api/v1/households/exports, which runs as a job.",
			responses = { @ApiResponse(responseCode = "200", description = "The file (Content-Disposition: attachment)",
					content = { @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
							@Content(mediaType = "text/csv") }),
					@ApiResponse(responseCode = "400", description = "A malformed filter or format; `errors` names it"),
					@ApiResponse(responseCode = "409", description = "More households than a direct export may hold: use the export job") })
	void export(@ParameterObject @ModelAttribute HouseholdQuery query,
			@Parameter(description = "xlsx (default) or csv") @RequestParam(required = false) String format,
			@Parameter(description = "why the whole numbers are needed (required for roles that get them; recorded in the audit row with the count)")
			@RequestParam(required = false) String purpose,
			HttpServletResponse response) throws IOException {
		Actor actor = Actor.require();
		HouseholdExport.Prepared prepared = exportJobs.prepareDirect(actor, ordered(query),
				HouseholdExport.Format.of(format), purpose);
		response.setContentType(prepared.format().contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(HouseholdExport.fileName(clock.now(), prepared.format()))
			.build()
			.toString());
		prepared.writeTo(response.getOutputStream());
	}

	@GetMapping("/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "A household's file with derived figures (audited as a view of personal data)")
	HouseholdDetail get(@PathVariable long id) {
		return detail(registry.view(scope(), id));
	}

	@PostMapping
	@PreAuthorize(WRITE)
	@Operation(summary = "File a household with its head (\"draft\": true saves a draft, filed later with POST /{id}/file)")
	ResponseEntity<HouseholdDetail> create(@Valid @RequestBody FileHousehold cmd) {
		HouseholdView created = registry.file(scope(), cmd);
		return ResponseEntity.created(URI.create("/api/v1/households/" + created.id())).body(detail(created));
	}

	@PutMapping("/{id}")
	@PreAuthorize(WRITE)
	@Operation(summary = "Change the household-level facts (send the version you read)")
	HouseholdDetail update(@PathVariable long id, @Valid @RequestBody UpdateHousehold cmd) {
		return detail(registry.update(scope(), id, cmd));
	}

	@PostMapping("/{id}/file")
	@PreAuthorize(WRITE)
	@Operation(summary = "Refused (409, no paper filing): a draft is filed only by an approved new-filing case, POST /api/v1/cases with type NEW_FILING")
	HouseholdDetail fileDraft(@PathVariable long id) {
		throw StatusPolicy.throughCase(inScope(id), "NEW_FILING");
	}

	@PostMapping("/{id}/exit")
	@PreAuthorize(WRITE)
	@Operation(summary = "Refused (409, no paper exit): a household exits only by an approved exit case, POST /api/v1/cases with type EXIT (or from an exit proposal, /api/v1/exit-proposals)")
	HouseholdDetail exit(@PathVariable long id, @RequestBody(required = false) ExitHousehold cmd) {
		throw StatusPolicy.throughCase(inScope(id), "EXIT");
	}

	@PostMapping("/{id}/close")
	@PreAuthorize(WRITE)
	@Operation(summary = "Close a filed or exited file on death, transfer or retirement with its evidence in note (document or reference); its members are released. Other reasons are an administrator's status correction (/api/v1/status-corrections). Drafts cannot be closed.")
	HouseholdDetail close(@PathVariable long id, @Valid @RequestBody CloseHousehold cmd) {
		inScope(id);
		StatusPolicy.mayCloseDirectly(cmd);
		return detail(registry.close(scope(), id, cmd));
	}

	@PostMapping("/{id}/reopen")
	@PreAuthorize(WRITE)
	@Operation(summary = "Refused (409): a closed or exited file comes back only by an approved reopening case, POST /api/v1/cases with type REOPEN")
	HouseholdDetail reopen(@PathVariable long id, @RequestBody(required = false) ReopenHousehold cmd) {
		throw StatusPolicy.throughCase(inScope(id), "REOPEN");
	}

	private HouseholdView inScope(long id) {
		return registry.find(scope(), id).orElseThrow(() -> BangfuException.notFound("registry.household.notFound", id));
	}

	@PostMapping("/{id}/members")
	@PreAuthorize(WRITE)
	@Operation(summary = "Add a member")
	ResponseEntity<MemberView> addMember(@PathVariable long id, @Valid @RequestBody AddMember cmd) {
		MemberView m = registry.addMember(scope(), id, cmd);
		return ResponseEntity.created(URI.create("/api/v1/households/" + id + "/members/" + m.id())).body(m);
	}

	@PutMapping("/{id}/members/{memberId}")
	@PreAuthorize(WRITE)
	@Operation(summary = "Change a member (making a member HEAD turns the former head into OTHER)")
	MemberView updateMember(@PathVariable long id, @PathVariable long memberId, @Valid @RequestBody UpdateMember cmd) {
		return registry.updateMember(scope(), id, memberId, cmd);
	}

	@DeleteMapping("/{id}/members/{memberId}")
	@PreAuthorize(WRITE)
	@Operation(summary = "Remove a member (the history keeps them)")
	ResponseEntity<Void> removeMember(@PathVariable long id, @PathVariable long memberId,
			@Valid @RequestBody(required = false) RemoveMember cmd) {
		registry.removeMember(scope(), id, memberId, cmd);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/members/{memberId}/move")
	@PreAuthorize(WRITE)
	@Operation(summary = "Move a member into another household; both histories keep the move")
	MemberView moveMember(@PathVariable long id, @PathVariable long memberId, @Valid @RequestBody MoveMember cmd) {
		return registry.moveMember(scope(), id, memberId, cmd);
	}

	@GetMapping("/{id}/history")
	@PreAuthorize(READ)
	@Operation(summary = "The household's changes, newest first; with asOf, the single snapshot valid at the end of that date (audited as a view of personal data)")
	List<HouseholdChange> history(@PathVariable long id,
			@Parameter(description = "yyyy-MM-dd") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
		java.util.Set<org.bangfu.shared.Role> roles = Actor.require().roles();
		if (asOf != null) {
			return List.of(registry.changeAsOf(scope(), id, asOf).forRoles(roles));
		}
		return registry.viewHistory(scope(), id).stream().map(c -> c.forRoles(roles)).toList();
	}

	@PostMapping("/{id}/members/{memberId}/reveal")
	@PreAuthorize("hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER')")
	@Operation(summary = "The member's full ID number (audited every time; not for auditors or pairing cadres)")
	Map<String, String> reveal(@PathVariable long id, @PathVariable long memberId) {
		Actor actor = Actor.require();
		return Map.of("idNumber", registry.revealIdNumber(actor.scope(), actor.roles(), id, memberId));
	}

	/** The file with its figures, masked for the caller's roles. */
	private HouseholdDetail detail(HouseholdView h) {
		return new HouseholdDetail(h.forRoles(Actor.require().roles()), h.figures(registry.today()));
	}

	private static org.bangfu.shared.Scope scope() {
		return Actor.require().scope();
	}

}
