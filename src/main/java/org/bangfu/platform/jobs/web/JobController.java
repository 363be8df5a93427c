package org.bangfu.platform.jobs.web;

import org.bangfu.platform.jobs.Jobs;
import org.bangfu.shared.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Background jobs of the user's organisation subtree: a recent list and a detail page polled while running. */
@Controller
class JobController {

	static final int RECENT = 50;

	private final Jobs jobs;

	JobController(Jobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/jobs")
	String list(Model model) {
		model.addAttribute("jobs", jobs.recent(Actor.require().scope(), RECENT));
		return "jobs/list";
	}

	@GetMapping("/jobs/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("job", jobs.require(Actor.require().scope(), id));
		return "jobs/detail";
	}

	/** The progress fragment htmx polls every 2 s until the job has finished. */
	@GetMapping("/jobs/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("job", jobs.require(Actor.require().scope(), id));
		return "jobs/detail :: progress";
	}

}
