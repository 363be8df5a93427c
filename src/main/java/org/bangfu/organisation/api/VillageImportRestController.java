package org.bangfu.organisation.api;

import java.io.IOException;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.organisation.internal.VillageImport;
import org.bangfu.organisation.internal.VillageImportJob;
import org.bangfu.platform.files.FileStore;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing a village file through the API, as on the page: stored, its header checked, imported by
 * a background job. Only administrators of the root organisation (regions are shared by the whole
 * platform).
 */
@RestController
@RequestMapping("/api/v1/regions/villages")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Regions")
class VillageImportRestController {

	/** The job that imports the file: follow it at {@code /api/v1/jobs/{jobId}}. */
	record VillageImportStarted(long jobId, String status) {
	}

	private final Jobs jobs;

	private final FileStore files;

	private final long maxBytes;

	VillageImportRestController(Jobs jobs, FileStore files,
			@Value("${bangfu.villages.max-file-size:100MB}") DataSize maxSize) {
		this.jobs = jobs;
		this.files = files;
		this.maxBytes = maxSize.toBytes();
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import or update village-level regions from the statistical bureau's file (CSV or .csv.gz, "
			+ "columns code,name,streetCode ...)", responses = {
					@ApiResponse(responseCode = "202", description = "Queued; follow the job at /api/v1/jobs/{jobId}"),
					@ApiResponse(responseCode = "400", description = "No file, or not a village file"),
					@ApiResponse(responseCode = "403", description = "Not an administrator of the root organisation") })
	ResponseEntity<VillageImportStarted> importVillages(@RequestParam(required = false) MultipartFile file)
			throws IOException {
		Actor actor = Actor.require();
		if (!actor.has(Role.ADMIN) || !actor.scope().wholeTree()) {
			throw BangfuException.forbidden();
		}
		if (file == null || file.isEmpty()) {
			throw BangfuException.badField("file", "region.villages.empty");
		}
		FileStore.StoredFile stored = files.store("villages", file.getInputStream(), maxBytes);
		try {
			VillageImport.checkHeader(files.path(stored.key()));
		}
		catch (BangfuException ex) {
			files.delete(stored.key());
			throw ex;
		}
		long id = VillageImportJob.submit(jobs, stored);
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/jobs/" + id))
			.body(new VillageImportStarted(id, "QUEUED"));
	}

}
