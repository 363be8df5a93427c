package org.bangfu.cases.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.bangfu.cases.CaseCommands.Act;
import org.bangfu.cases.CaseCommands.OpenCase;
import org.bangfu.cases.CaseCommands.Submit;
import org.bangfu.cases.CaseCommands.Withdraw;
import org.bangfu.cases.CaseDocuments;
import org.bangfu.cases.CasePage;
import org.bangfu.cases.CaseQuery;
import org.bangfu.cases.CaseView;
import org.bangfu.cases.Cases;
import org.bangfu.cases.DocumentKind;
import org.bangfu.cases.DocumentView;
import org.bangfu.cases.MissingDocument;
import org.bangfu.cases.NextStep;
import org.bangfu.cases.Notices;
import org.bangfu.cases.ObjectionView;
import org.bangfu.cases.StepView;
import org.bangfu.cases.TransitionView;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Applications, assistance requests, changes, exits and reopenings walked through their review chain (申请→审核→公示→审批)")
class CaseRestController {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','AUDITOR')";

	static final String WORK = "hasAnyRole('CASEWORKER','REVIEWER','APPROVER')";

	/** A case with what acts on it next, its steps, timeline, what it lacks, and changes of the file since submission. */
	record CaseDetail(@com.fasterxml.jackson.annotation.JsonProperty("case") CaseView caseView, NextStep next, List<StepView> steps, List<TransitionView> timeline,
			List<MissingDocument> missing, List<FileChange> fileChangesSinceSubmission) {
	}

	/** A change of the household's file (what kind, when, by whom). */
	record FileChange(long id, Instant changedAt, String changedBy, String kind) {
	}

	private final Cases cases;

	private final CaseDocuments documents;

	private final Notices notices;

	CaseRestController(Cases cases, CaseDocuments documents, Notices notices) {
		this.cases = cases;
		this.documents = documents;
		this.notices = notices;
	}

	@GetMapping
	@PreAuthorize(READ)
	@Operation(summary = "List cases in the caller's scope",
			description = "view=mine (waiting for the caller), overdue (open steps past their SLA) or all; status, type, text (case no., file no. or head's name prefix); paged from 1.")
	CasePage search(@ModelAttribute CaseQuery query) {
		return cases.search(Actor.require(), query);
	}

	@PostMapping
	@PreAuthorize(WORK)
	@Operation(summary = "Open a case (a draft) for a household in scope")
	ResponseEntity<CaseView> open(@Valid @RequestBody OpenCase cmd) {
		CaseView c = cases.open(Actor.require(), cmd);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + c.id())).body(shown(c));
	}

	@GetMapping("/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "A case with its next step, steps, timeline, missing documents and file changes since submission (audited)")
	CaseDetail get(@PathVariable long id) {
		Actor actor = Actor.require();
		CaseView c = cases.view(actor, id);
		return new CaseDetail(shown(c), cases.next(actor, c).orElse(null), cases.steps(actor, id), cases.timeline(actor, id),
				c.status().editable() ? cases.missingForSubmission(actor, c) : cases.missingForStep(actor, c),
				cases.changesSinceSubmission(actor, c)
					.stream()
					.map(ch -> new FileChange(ch.id(), ch.changedAt(), ch.changedBy(), ch.kind()))
					.toList());
	}

	@PostMapping("/{id}/submit")
	@PreAuthorize(WORK)
	@Operation(summary = "Submit a draft (documents must be complete; the identification decision is frozen) or resubmit a returned case")
	CaseView submit(@PathVariable long id, @Valid @RequestBody Submit cmd) {
		return shown(cases.submit(Actor.require(), id, cmd));
	}

	@PostMapping("/{id}/act")
	@PreAuthorize(WORK)
	@Operation(summary = "Decide the current step (four eyes; the step's role and level; send the version you read)",
			description = "form holds the step's record: INVESTIGATION visitDate, visitors, findings; COLLECTIVE_DECISION meetingDate, attendees, votesFor, votesAgainst, votesAbstain, decision; CROSS_CHECK result (MATCH/DISCREPANCY), discrepancies. 409 when someone else decided first.")
	CaseView act(@PathVariable long id, @Valid @RequestBody Act cmd) {
		return shown(cases.act(Actor.require(), id, cmd));
	}

	@PostMapping("/{id}/withdraw")
	@PreAuthorize(WORK)
	@Operation(summary = "Withdraw a draft or returned case")
	CaseView withdraw(@PathVariable long id, @Valid @RequestBody Withdraw cmd) {
		return shown(cases.withdraw(Actor.require(), id, cmd));
	}

	@GetMapping("/{id}/documents")
	@PreAuthorize(READ)
	@Operation(summary = "The case's documents")
	List<DocumentView> documents(@PathVariable long id) {
		return documents.list(Actor.require(), id);
	}

	@PostMapping(path = "/{id}/documents", consumes = "multipart/form-data")
	@PreAuthorize(WORK)
	@Operation(summary = "Upload a document (PDF, JPEG, PNG or Office, checked by content; identity papers name the member)")
	ResponseEntity<DocumentView> upload(@PathVariable long id, @RequestParam DocumentKind kind,
			@RequestParam(required = false) Long memberId, @RequestParam(required = false) String title,
			@RequestParam MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			DocumentView d = documents.upload(Actor.require(), id, kind, memberId, title, file.getOriginalFilename(), in);
			return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/documents/" + d.id())).body(d);
		}
	}

	@GetMapping("/{id}/documents/{documentId}")
	@PreAuthorize(READ)
	@Operation(summary = "Download a document (audited)")
	void download(@PathVariable long id, @PathVariable long documentId, HttpServletResponse response) throws IOException {
		CaseDocuments.Download d = documents.download(Actor.require(), id, documentId);
		try (InputStream in = d.content()) {
			response.setContentType(d.document().contentType());
			response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
					+ URLEncoder.encode(d.document().fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
			in.transferTo(response.getOutputStream());
		}
	}

	@DeleteMapping("/{id}/documents/{documentId}")
	@PreAuthorize(WORK)
	@Operation(summary = "Remove a document while the case is a draft or returned")
	ResponseEntity<Void> remove(@PathVariable long id, @PathVariable long documentId) {
		documents.remove(Actor.require(), id, documentId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(path = "/{id}/archive", produces = "application/zip")
	@PreAuthorize(READ)
	@Operation(summary = "The complete case file as a ZIP: documents, generated forms as PDFs, the bundle PDF, manifest with SHA-256 (audited)")
	void archive(@PathVariable long id, HttpServletResponse response) throws IOException {
		CaseView c = cases.require(Actor.require(), id);
		response.setContentType("application/zip");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + c.caseNo() + ".zip\"");
		Locale locale = LocaleContextHolder.getLocale();
		documents.archive(Actor.require(), id, locale, response.getOutputStream());
	}

	@GetMapping(path = "/{id}/archive.pdf", produces = "application/pdf")
	@PreAuthorize(READ)
	@Operation(summary = "The case file's generated forms (review record, file form, investigation, notice proof, cross-check, exit form) as one PDF (audited)")
	void archivePdf(@PathVariable long id, HttpServletResponse response) throws IOException {
		CaseView c = cases.require(Actor.require(), id);
		byte[] pdf = documents.archivePdf(Actor.require(), id, LocaleContextHolder.getLocale());
		response.setContentType("application/pdf");
		response.setHeader("Content-Disposition", "inline; filename=\"" + c.caseNo() + ".pdf\"");
		response.getOutputStream().write(pdf);
	}

	@GetMapping("/{id}/objections")
	@PreAuthorize(READ)
	@Operation(summary = "Objections to the case in notices")
	List<ObjectionView> objections(@PathVariable long id) {
		return notices.objectionsOf(Actor.require(), id);
	}

	/** The case masked for the caller's roles (the register's rule). */
	private static CaseView shown(CaseView c) {
		return c.forRoles(Actor.require().roles());
	}

}
