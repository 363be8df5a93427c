package org.bangfu.registry.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.registry.HouseholdExport;
import org.bangfu.registry.HouseholdExportJobs;
import org.bangfu.registry.HouseholdQuery;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The list page's export: the search's filters as a background job whose page shows its progress
 * and, when done, the download link (for the user who asked). Bad filters or a missing purpose go
 * back to the list, which names them; nothing is queued.
 */
@Controller
class HouseholdExportController {

	private final HouseholdExportJobs exportJobs;

	private final PageMessages messages;

	HouseholdExportController(HouseholdExportJobs exportJobs, PageMessages messages) {
		this.exportJobs = exportJobs;
		this.messages = messages;
	}

	@PostMapping("/households/exports")
	@PreAuthorize(HouseholdController.READ)
	String submit(@ModelAttribute("q") HouseholdQuery q, @RequestParam(required = false) String format,
			@RequestParam(required = false) String purpose, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			long job = exportJobs.submit(Actor.require(), q, HouseholdExport.Format.of(format), purpose);
			redirect.addFlashAttribute("message", messages.get("registry.export.queued"));
			return "redirect:/jobs/" + job;
		}
		catch (BangfuException ex) {
			redirect.addFlashAttribute("error", messages.of(ex));
			return "redirect:/households" + filters(request);
		}
	}

	@GetMapping("/households/exports/{jobId}/file")
	@PreAuthorize(HouseholdController.READ)
	void download(@PathVariable long jobId, HttpServletResponse response) throws IOException {
		HouseholdExportJobs.Download download = exportJobs.download(Actor.require(), jobId);
		response.setContentType(download.contentType());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(download.fileName()).build().toString());
		try (InputStream in = download.contents().open()) {
			in.transferTo(response.getOutputStream());
		}
	}

	/** The search's filters as a query string for the way back to the list. */
	private static String filters(HttpServletRequest request) {
		StringBuilder query = new StringBuilder();
		for (String name : new String[] { "idNumber", "name", "phone", "region", "status", "category", "cause", "sort",
				"dir" }) {
			String value = request.getParameter(name);
			if (value != null && !value.isBlank()) {
				query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
					.append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
			}
		}
		return query.toString();
	}

}
