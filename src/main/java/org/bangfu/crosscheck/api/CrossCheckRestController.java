package org.bangfu.crosscheck.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.cases.DocumentView;
import org.bangfu.crosscheck.CrossCheckReports;
import org.bangfu.crosscheck.ExtractKind;
import org.bangfu.crosscheck.ExtractView;
import org.bangfu.crosscheck.Extracts;
import org.bangfu.crosscheck.FindingStatus;
import org.bangfu.crosscheck.FindingView;
import org.bangfu.crosscheck.Findings;
import org.bangfu.crosscheck.FollowUp;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Cross-check", description = "Extracts of other registries matched against the register by keyed hash and name; findings confirmed or dismissed with a reason")
class CrossCheckRestController {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','AUDITOR')";

	static final String IMPORT = "hasAnyRole('ADMIN','CASEWORKER')";

	static final String REVIEW = "hasAnyRole('ADMIN','REVIEWER','APPROVER')";

	private final Extracts extracts;

	private final Findings findings;

	private final CrossCheckReports reports;

	CrossCheckRestController(Extracts extracts, Findings findings, CrossCheckReports reports) {
		this.reports = reports;
		this.extracts = extracts;
		this.findings = findings;
	}

	record Decision(String reason, FollowUp followUp) {
	}

	@GetMapping("/api/v1/crosscheck/extracts")
	@PreAuthorize(READ)
	@Operation(summary = "The extracts imported in the caller's organisation subtree, newest first (no personal data)")
	List<ExtractView> extracts() {
		return extracts.list(Actor.require().scope());
	}

	@PostMapping(path = "/api/v1/crosscheck/extracts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(IMPORT)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Imports an extract (CSV UTF-8/GBK or xlsx in its documented layout), hashes its ID numbers as read and matches it against the register; all or nothing")
	ExtractView importExtract(@RequestParam(required = false) ExtractKind kind, @RequestParam(required = false) String source,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Integer retentionDays, @RequestParam(required = false) MultipartFile file)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw BangfuException.badField("file", "imports.file.empty");
		}
		try (InputStream in = file.getInputStream()) {
			return extracts.importUpload(Actor.require(), new Extracts.NewExtract(kind, source, asOf, retentionDays),
					file.getOriginalFilename(), in);
		}
	}

	@GetMapping("/api/v1/crosscheck/findings")
	@PreAuthorize(READ)
	@Operation(summary = "Findings of the caller's subtree with their evidence, by status, extract or household (a view of personal data, audited)")
	List<FindingView> findings(@RequestParam(required = false) FindingStatus status, @RequestParam(required = false) Long extract,
			@RequestParam(required = false) Long household, @RequestParam(defaultValue = "0") int offset,
			@RequestParam(defaultValue = "100") int limit) {
		return findings.list(Actor.require().scope(), status, extract, household, offset, limit);
	}

	@GetMapping("/api/v1/crosscheck/findings/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "One finding with its evidence (a view of personal data, audited)")
	FindingView finding(@PathVariable long id) {
		return findings.finding(Actor.require().scope(), id);
	}

	@PostMapping("/api/v1/crosscheck/findings/{id}/confirm")
	@PreAuthorize(REVIEW)
	@Operation(summary = "Confirms an open finding with a reason; followUp CHANGE_CASE or EXIT_CASE opens that case for the household, FILE records the file was corrected")
	FindingView confirm(@PathVariable long id, @RequestBody Decision body) {
		return findings.confirm(Actor.require(), id, body.reason(), body.followUp());
	}

	@GetMapping(path = "/api/v1/crosscheck/households/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@PreAuthorize(READ)
	@Operation(summary = "The household's cross-check report (信息比对报告) as PDF: every finding with its evidence and review (audited)")
	byte[] report(@PathVariable long id, java.util.Locale locale) {
		return reports.householdPdf(Actor.require().scope(), id, locale);
	}

	@PostMapping("/api/v1/crosscheck/cases/{id}/report")
	@PreAuthorize("hasAnyRole('CASEWORKER','REVIEWER','APPROVER')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Generates the cross-check report of the case's household and archives it as the case's CROSS_CHECK_REPORT document")
	DocumentView archive(@PathVariable long id, java.util.Locale locale) {
		return reports.archiveWithCase(Actor.require(), id, locale);
	}

	@PostMapping("/api/v1/crosscheck/findings/{id}/dismiss")
	@PreAuthorize(REVIEW)
	@Operation(summary = "Dismisses an open finding with a reason")
	FindingView dismiss(@PathVariable long id, @RequestBody Decision body) {
		return findings.dismiss(Actor.require(), id, body.reason());
	}

}
