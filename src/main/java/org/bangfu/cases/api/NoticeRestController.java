package org.bangfu.cases.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.bangfu.cases.CaseRow;
import org.bangfu.cases.NoticeCommands.CreateNotice;
import org.bangfu.cases.NoticeCommands.Publish;
import org.bangfu.cases.NoticeCommands.RecordObjection;
import org.bangfu.cases.NoticeCommands.Resolve;
import org.bangfu.cases.NoticeStatus;
import org.bangfu.cases.NoticeView;
import org.bangfu.cases.Notices;
import org.bangfu.cases.ObjectionView;
import org.bangfu.shared.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Notices", description = "Public notices (公示): prepare, publish, objections and their findings")
class NoticeRestController {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','AUDITOR')";

	private final Notices notices;

	NoticeRestController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/notices")
	@PreAuthorize(READ)
	@Operation(summary = "Notices in the caller's scope")
	List<NoticeView> list(@RequestParam(required = false) NoticeStatus status) {
		return notices.list(Actor.require(), status);
	}

	@GetMapping("/notices/candidates")
	@PreAuthorize(READ)
	@Operation(summary = "Cases waiting at a notice step and not yet in a notice")
	List<CaseRow> candidates() {
		return notices.candidates(Actor.require());
	}

	@PostMapping("/notices")
	@PreAuthorize("hasAnyRole('REVIEWER','APPROVER')")
	@Operation(summary = "Group cases waiting at a notice step into a draft notice")
	ResponseEntity<NoticeView> create(@Valid @RequestBody CreateNotice cmd) {
		NoticeView n = notices.create(Actor.require(), cmd);
		return ResponseEntity.created(URI.create("/api/v1/notices/" + n.id())).body(n);
	}

	@GetMapping("/notices/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "A notice with its rows")
	NoticeView get(@PathVariable long id) {
		return notices.require(Actor.require(), id);
	}

	@GetMapping(path = "/notices/{id}/pdf", produces = "application/pdf")
	@PreAuthorize(READ)
	@Operation(summary = "A published notice as a printable A4 PDF (the public content only; audited)")
	ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
		return PublicNoticeRestController.pdfResponse(notices.pdf(Actor.require(), id, locale), "notice-" + id + ".pdf");
	}

	@PostMapping("/notices/{id}/publish")
	@PreAuthorize("hasAnyRole('REVIEWER','APPROVER')")
	@Operation(summary = "Publish a draft notice: its period starts today")
	NoticeView publish(@PathVariable long id, @Valid @RequestBody Publish cmd) {
		return notices.publish(Actor.require(), id, cmd.version());
	}

	@DeleteMapping("/notices/{id}")
	@PreAuthorize("hasAnyRole('REVIEWER','APPROVER')")
	@Operation(summary = "Delete a draft notice")
	ResponseEntity<Void> delete(@PathVariable long id) {
		notices.deleteDraft(Actor.require(), id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/notices/{id}/objections")
	@PreAuthorize(READ)
	@Operation(summary = "Objections to a notice")
	List<ObjectionView> objections(@PathVariable long id) {
		return notices.objections(Actor.require(), id);
	}

	@PostMapping("/notices/{id}/objections")
	@PreAuthorize("hasAnyRole('CASEWORKER','REVIEWER','APPROVER')")
	@Operation(summary = "Record an objection received on paper, by phone or in person")
	ResponseEntity<ObjectionView> record(@PathVariable long id, @Valid @RequestBody RecordObjection cmd) {
		ObjectionView o = notices.record(Actor.require(), id, cmd);
		return ResponseEntity.created(URI.create("/api/v1/objections/" + o.id())).body(o);
	}

	@PostMapping("/objections/{objectionId}/resolve")
	@PreAuthorize("hasAnyRole('REVIEWER','APPROVER')")
	@Operation(summary = "Resolve an objection with a finding: upheld returns the case, not upheld lets it go on")
	ObjectionView resolve(@PathVariable long objectionId, @Valid @RequestBody Resolve cmd) {
		return notices.resolve(Actor.require(), objectionId, cmd);
	}

}
