package org.bangfu.registry.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.bangfu.registry.HouseholdExport;
import org.bangfu.registry.HouseholdExportJobs;
import org.bangfu.registry.HouseholdQuery;
import org.bangfu.shared.Actor;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/households/exports")
@Tag(name = "Households", description = "The household register (一户一档): files, members, statuses, history, ID number reveal, export")
class HouseholdExportRestController {

	private final HouseholdExportJobs exportJobs;

	HouseholdExportRestController(HouseholdExportJobs exportJobs) {
		this.exportJobs = exportJobs;
	}

	@PostMapping
	@PreAuthorize(HouseholdRestController.READ)
	@Operation(summary = "Export the search result as a background job (any size; audited)",
			description = "The same filters, format and purpose as GET /api/v1/households/export, checked before anything is "
					+ "queued (400 naming the field). Answers 202 with the job: follow its progress at /api/v1/jobs/{id}; "
					+ "when it is DONE, the user who asked downloads the file from /api/v1/households/exports/{id}/file "
					+ "(kept bangfu.files.retention.export-days days, 7 by default).",
			responses = @ApiResponse(responseCode = "202", description = "Queued: jobId, status and file addresses"))
	ResponseEntity<Map<String, Object>> submit(@ParameterObject @ModelAttribute HouseholdQuery query,
			@Parameter(description = "xlsx (default) or csv") @RequestParam(required = false) String format,
			@Parameter(description = "why the whole numbers are needed (required for roles that get them)")
			@RequestParam(required = false) String purpose) {
		long job = exportJobs.submit(Actor.require(), query, HouseholdExport.Format.of(format), purpose);
		String status = "/api/v1/jobs/" + job;
		return ResponseEntity.accepted()
			.location(URI.create(status))
			.body(Map.of("jobId", job, "status", status, "file", "/api/v1/households/exports/" + job + "/file"));
	}

	@GetMapping("/{jobId}/file")
	@PreAuthorize(HouseholdRestController.READ)
	@Operation(summary = "Download the file of a finished export job (only its requester; audited)",
			responses = { @ApiResponse(responseCode = "200", description = "The file (Content-Disposition: attachment)",
					content = { @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
							@Content(mediaType = "text/csv") }),
					@ApiResponse(responseCode = "404", description = "No finished export of this job for the caller, or its file expired") })
	void download(@PathVariable long jobId, HttpServletResponse response) throws IOException {
		send(exportJobs.download(Actor.require(), jobId), response);
	}

	/** Sends a finished export as an attachment (also used by the page). */
	static void send(HouseholdExportJobs.Download download, HttpServletResponse response) throws IOException {
		response.setContentType(download.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(download.fileName()).build().toString());
		try (InputStream in = download.contents().open()) {
			in.transferTo(response.getOutputStream());
		}
	}

}
