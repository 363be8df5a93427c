package org.bangfu.registry.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bangfu.organisation.Organisations;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.registry.HouseholdImports;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.ImportView;
import org.bangfu.registry.OnExisting;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Importing an Excel or CSV household file: the upload form (organisation, what to do with
 * households already filed, the file), then the import's page whose progress part htmx polls
 * until it has finished, with counts, the first problems and the error report to download.
 */
@Controller
class HouseholdImportController {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','AUDITOR')";

	static final String WRITE = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER')";

	static final int RECENT = 10;

	private final HouseholdImports imports;

	private final Organisations organisations;

	private final PageMessages messages;

	HouseholdImportController(HouseholdImports imports, Organisations organisations, PageMessages messages) {
		this.imports = imports;
		this.organisations = organisations;
		this.messages = messages;
	}

	@GetMapping("/households/import")
	@PreAuthorize(WRITE)
	String form(Model model) {
		Actor actor = Actor.require();
		form(model, actor, actor.organisationId(), OnExisting.SKIP);
		return "registry/import";
	}

	@PostMapping("/households/import")
	@PreAuthorize(WRITE)
	String upload(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Long organisationId,
			@RequestParam(defaultValue = "SKIP") OnExisting existing, Model model, RedirectAttributes redirect)
			throws IOException {
		Actor actor = Actor.require();
		long org = organisationId == null ? actor.organisationId() : organisationId;
		if (file == null || file.isEmpty()) {
			model.addAttribute("fileError", messages.get("imports.file.empty"));
			form(model, actor, org, existing);
			return "registry/import";
		}
		try (InputStream in = file.getInputStream()) {
			ImportView started = imports.submit(actor, new HouseholdImports.Upload(org, existing,
					file.getOriginalFilename(), in, LocaleContextHolder.getLocale()));
			redirect.addFlashAttribute("message", messages.get("imports.started", started.fileName()));
			return "redirect:/households/import/" + started.id();
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN || ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			model.addAttribute("fileError", messages.of(ex));
			form(model, actor, org, existing);
			return "registry/import";
		}
	}

	@GetMapping("/households/import/{id}")
	@PreAuthorize(READ)
	String detail(@PathVariable long id, Model model) {
		status(id, model);
		return "registry/import-detail";
	}

	/** The progress part, polled every 2 seconds while the import runs. */
	@GetMapping("/households/import/{id}/status")
	@PreAuthorize(READ)
	String statusFragment(@PathVariable long id, Model model) {
		status(id, model);
		return "registry/import-detail :: status";
	}

	@GetMapping("/households/import/{id}/report")
	@PreAuthorize(WRITE)
	ResponseEntity<InputStreamResource> report(@PathVariable long id) throws IOException {
		Actor actor = Actor.require();
		Path file = imports.report(actor.scope(), actor.roles(), id);
		return download(file, "import-" + id + "-errors.xlsx");
	}

	static ResponseEntity<InputStreamResource> download(Path file, String name) throws IOException {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.contentLength(Files.size(file))
			.body(new InputStreamResource(Files.newInputStream(file)));
	}

	private void status(long id, Model model) {
		Actor actor = Actor.require();
		ImportView imp = imports.require(actor.scope(), id);
		model.addAttribute("imp", imp);
		model.addAttribute("mayDownload", HouseholdRegistry.mayReveal(actor.roles()));
		if (imp.finished()) {
			model.addAttribute("issues", imports.issues(actor.scope(), id, imports.listedIssues()));
		}
		if (imp.failed() && imp.errorKey() != null) {
			model.addAttribute("failure", messages.get(imp.errorKey(), imp.errorArgs().toArray()));
		}
	}

	private void form(Model model, Actor actor, long organisationId, OnExisting existing) {
		model.addAttribute("templateColumns", org.bangfu.registry.TemplateColumn.values());
		model.addAttribute("organisations", organisations.tree(actor.scope()));
		model.addAttribute("organisationId", organisationId);
		model.addAttribute("existing", existing);
		model.addAttribute("recent", imports.recent(actor.scope(), RECENT));
	}

}
