package org.bangfu.organisation.web;

import org.bangfu.platform.web.PageMessages;
import java.io.IOException;

import org.bangfu.organisation.Regions;
import org.bangfu.organisation.internal.VillageImport;
import org.bangfu.organisation.internal.VillageImportJob;
import org.bangfu.platform.files.FileStore;
import org.bangfu.platform.jobs.JobView;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Uploading the village file: it is stored, its header checked, and imported by a background job.
 * Regions are reference data of the whole platform, not of one organisation's subtree, so only an
 * administrator of the root organisation may import (and so rename) villages; an administrator
 * further down the tree is refused like any other role.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class VillageImportController {

	private final Jobs jobs;

	private final FileStore files;

	private final Regions regions;

	private final PageMessages texts;

	private final long maxBytes;

	VillageImportController(Jobs jobs, FileStore files, Regions regions, PageMessages texts,
			@Value("${bangfu.villages.max-file-size:100MB}") DataSize maxSize) {
		this.maxBytes = maxSize.toBytes();
		this.jobs = jobs;
		this.files = files;
		this.regions = regions;
		this.texts = texts;
	}

	/** Whether the current user may import villages (the region browser shows the link only then). */
	static boolean mayImport() {
		Actor actor = Actor.require();
		return actor.has(Role.ADMIN) && actor.scope().wholeTree();
	}

	@GetMapping("/regions/villages")
	String page(@RequestParam(required = false) Long job, Model model) {
		requireMayImport();
		model.addAttribute("villages", regions.count(5));
		if (job != null) {
			status(job, model);
		}
		return "regions/villages";
	}

	@PostMapping("/regions/villages")
	String upload(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
			throws IOException {
		requireMayImport();
		if (file == null || file.isEmpty()) {
			return refuse(model, texts.get("region.villages.empty"));
		}
		FileStore.StoredFile stored;
		try {
			stored = files.store("villages", file.getInputStream(), maxBytes);
		}
		catch (BangfuException ex) {
			return refuse(model, texts.of(ex));
		}
		try {
			VillageImport.checkHeader(files.path(stored.key()));
		}
		catch (BangfuException ex) {
			files.delete(stored.key());
			return refuse(model, texts.of(ex));
		}
		long id = VillageImportJob.submit(jobs, stored);
		redirect.addFlashAttribute("message", texts.get("region.villages.started", id));
		return "redirect:/regions/villages?job=" + id;
	}

	/** The job's progress, polled by the page every 2 seconds until it has finished. */
	@GetMapping("/regions/villages/jobs/{id}")
	String jobStatus(@PathVariable long id, Model model) {
		requireMayImport();
		status(id, model);
		return "regions/villages :: status";
	}

	private static void requireMayImport() {
		if (!mayImport()) {
			throw BangfuException.forbidden();
		}
	}

	private void status(long id, Model model) {
		JobView job = jobs.require(Actor.require().scope(), id);
		if (!VillageImportJob.KIND.equals(job.kind())) {
			throw BangfuException.notFound("job.notFound", id);
		}
		model.addAttribute("job", job);
		if ("DONE".equals(job.status()) && job.result() != null) {
			model.addAttribute("result", VillageImportJob.result(job.result()));
		}
	}

	private String refuse(Model model, String error) {
		model.addAttribute("fileError", error);
		model.addAttribute("villages", regions.count(5));
		return "regions/villages";
	}

}
