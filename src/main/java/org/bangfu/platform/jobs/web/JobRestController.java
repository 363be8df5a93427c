package org.bangfu.platform.jobs.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.platform.jobs.Jobs;
import org.bangfu.shared.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Background jobs in the caller's organisation subtree; a job outside it is "not found". */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Background jobs (imports, batches) and their progress")
class JobRestController {

	private final Jobs jobs;

	JobRestController(Jobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping
	@Operation(summary = "Recent jobs in the caller's scope, newest first")
	List<JobResource> recent(@Parameter(description = "how many, at most 100") @RequestParam(defaultValue = "50") int limit) {
		return jobs.recent(Actor.require().scope(), Math.max(1, Math.min(100, limit)))
			.stream()
			.map(JobResource::of)
			.toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One job with its progress, rate and estimated time left")
	JobResource one(@PathVariable long id) {
		return JobResource.of(jobs.require(Actor.require().scope(), id));
	}

}
