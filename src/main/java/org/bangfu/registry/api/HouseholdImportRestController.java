package org.bangfu.registry.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.registry.HouseholdImports;
import org.bangfu.registry.ImportIssue;
import org.bangfu.registry.ImportView;
import org.bangfu.registry.OnExisting;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/households")
@Tag(name = "Household import", description = "Excel/CSV import of household files in the standard template")
class HouseholdImportRestController {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','AUDITOR')";

	static final String WRITE = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER')";

	private final HouseholdImports imports;

	private final MessageSource messages;

	HouseholdImportRestController(HouseholdImports imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	/** An import with its progress, counts, first problems (in the caller's language) and error report link. */
	record ImportResource(long id, Long jobId, String status, boolean finished, long organisationId,
			String organisationName, String fileName, OnExisting existing, Long rowsTotal, long rowsRead,
			long rowsAccepted, long rowsRejected, long rowsSkipped, long householdsFiled, long householdsUpdated,
			long householdsUnchanged, long householdsSkipped, long householdsRejected, long warnings, Integer percent,
			Double ratePerSecond, Long secondsLeft, String error, List<IssueResource> issues, String errorReport,
			Instant createdAt, Instant startedAt, Instant finishedAt) {
	}

	/** A problem: ERROR (the row was rejected), WARNING or SKIPPED (already filed). */
	record IssueResource(ImportIssue.Kind kind, Long row, String column, String householdRef, String message) {
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(WRITE)
	@Operation(summary = "Upload an .xlsx or .csv household file for import (202: the import job is queued)",
			description = "The file is checked at once (size, type, encoding, header); rows are checked and written "
					+ "by a background job. existing=skip reports households already filed, existing=update updates them.")
	ResponseEntity<ImportResource> upload(@RequestPart("file") MultipartFile file,
			@Parameter(description = "target organisation (default: the caller's)") @RequestParam(required = false) Long organisationId,
			@Parameter(description = "skip or update households already filed") @RequestParam(defaultValue = "skip") String existing)
			throws IOException {
		Actor actor = Actor.require();
		OnExisting mode = parse(existing);
		try (InputStream in = file.getInputStream()) {
			ImportView started = imports.submit(actor, new HouseholdImports.Upload(
					organisationId == null ? actor.organisationId() : organisationId, mode, file.getOriginalFilename(), in,
					LocaleContextHolder.getLocale()));
			return ResponseEntity.accepted()
				.location(URI.create("/api/v1/households/imports/" + started.id()))
				.body(resource(started, List.of()));
		}
	}

	@GetMapping("/imports/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "An import's progress, counts, first problems and error report link")
	ImportResource one(@PathVariable long id) {
		Actor actor = Actor.require();
		ImportView imp = imports.require(actor.scope(), id);
		return resource(imp, imp.finished() ? imports.issues(actor.scope(), id, imports.listedIssues()) : List.of());
	}

	@GetMapping("/imports/{id}/report")
	@PreAuthorize(WRITE)
	@Operation(summary = "The error report (.xlsx): the rejected rows with their original columns and an error column")
	ResponseEntity<InputStreamResource> report(@PathVariable long id) throws IOException {
		Actor actor = Actor.require();
		Path file = imports.report(actor.scope(), actor.roles(), id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("import-" + id + "-errors.xlsx").build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.contentLength(Files.size(file))
			.body(new InputStreamResource(Files.newInputStream(file)));
	}

	private ImportResource resource(ImportView i, List<ImportIssue> issues) {
		var locale = LocaleContextHolder.getLocale();
		String error = i.errorKey() == null ? null
				: messages.getMessage(i.errorKey(), i.errorArgs().toArray(), i.errorKey(), locale);
		List<IssueResource> list = issues.stream()
			.map(x -> new IssueResource(x.kind(), x.row(), x.column(), x.householdRef(),
					messages.getMessage(x.messageKey(), x.args().toArray(), x.messageKey(), locale)))
			.toList();
		return new ImportResource(i.id(), i.jobId(), i.status(), i.finished(), i.organisationId(), i.organisationName(),
				i.fileName(), i.existing(), i.rowsTotal(), i.rowsRead(), i.rowsAccepted(), i.rowsRejected(),
				i.rowsSkipped(), i.householdsFiled(), i.householdsUpdated(), i.householdsUnchanged(),
				i.householdsSkipped(), i.householdsRejected(), i.warnings(), i.percent(), i.rate(), i.secondsLeft(),
				error, list, i.hasReport() ? "/api/v1/households/imports/" + i.id() + "/report" : null, i.createdAt(),
				i.startedAt(), i.finishedAt());
	}

	private static OnExisting parse(String existing) {
		try {
			return OnExisting.valueOf(existing.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw BangfuException.badField("existing", "imports.existing.invalid", existing);
		}
	}

}
