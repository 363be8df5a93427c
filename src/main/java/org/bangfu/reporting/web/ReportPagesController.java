package org.bangfu.reporting.web;

import java.util.Locale;
import java.util.function.Supplier;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.reporting.ReportDocuments;
import org.bangfu.reporting.ReportTemplate;
import org.bangfu.reporting.ReportView;
import org.bangfu.reporting.Reports;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Report pages: templates with their due period, a template's period (own versions, the submitters and who is missing), a report, its files. */
@Controller
class ReportPagesController {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Reports reports;

	private final ReportDocuments documents;

	private final PageMessages messages;

	ReportPagesController(Reports reports, ReportDocuments documents, PageMessages messages) {
		this.reports = reports;
		this.documents = documents;
		this.messages = messages;
	}

	record Due(ReportTemplate template, String period, java.time.LocalDate deadline) {
	}

	@GetMapping("/reports")
	@PreAuthorize(ReportingRoles.READ)
	String list(@RequestParam(required = false) String template, @RequestParam(required = false) String period, Model model) {
		model.addAttribute("due", reports.templates().stream().map(t -> {
			var p = reports.duePeriod(t);
			return new Due(t, p.key(), reports.deadline(t, p));
		}).toList());
		model.addAttribute("reports", reports.list(Actor.require(), template, period));
		return "reporting/reports";
	}

	@GetMapping("/reports/{template}/{period}")
	@PreAuthorize(ReportingRoles.READ)
	String overview(@PathVariable String template, @PathVariable String period, Model model) {
		model.addAttribute("o", reports.overview(Actor.require(), template, period));
		return "reporting/overview";
	}

	@PostMapping("/reports/{template}/{period}/fill")
	@PreAuthorize(ReportingRoles.WRITE)
	String fill(@PathVariable String template, @PathVariable String period, RedirectAttributes redirect) {
		String back = "redirect:/reports/" + template + "/" + period;
		return run(redirect, back, () -> {
			reports.fill(Actor.require(), template, period);
			return back;
		}, "reporting.page.filled");
	}

	@GetMapping("/reports/{id:\\d+}")
	@PreAuthorize(ReportingRoles.READ)
	String report(@PathVariable long id, Model model) {
		ReportView r = reports.view(Actor.require(), id);
		model.addAttribute("r", r);
		model.addAttribute("t", reports.template(r.templateCode()));
		model.addAttribute("own", r.organisationId() == Actor.require().organisationId());
		return "reporting/report";
	}

	@PostMapping("/reports/{id:\\d+}/figures")
	@PreAuthorize(ReportingRoles.WRITE)
	String edit(@PathVariable long id, @RequestParam String code, @RequestParam(required = false) String value,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		String back = "redirect:/reports/" + id;
		return run(redirect, back, () -> {
			long v;
			try {
				v = Long.parseLong(value == null ? "" : value.trim());
			}
			catch (NumberFormatException ex) {
				throw BangfuException.badField("value", "reporting.report.notANumber");
			}
			reports.edit(Actor.require(), id, code, v, reason);
			return back;
		}, "reporting.page.edited");
	}

	@PostMapping("/reports/{id:\\d+}/submit")
	@PreAuthorize(ReportingRoles.WRITE)
	String submit(@PathVariable long id, RedirectAttributes redirect) {
		return run(redirect, "redirect:/reports/" + id, () -> {
			reports.submit(Actor.require(), id);
			return "redirect:/reports/" + id;
		}, "reporting.page.submitted");
	}

	@PostMapping("/reports/{id:\\d+}/correct")
	@PreAuthorize(ReportingRoles.WRITE)
	String correct(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return run(redirect, "redirect:/reports/" + id,
				() -> "redirect:/reports/" + reports.correct(Actor.require(), id, reason).id(), "reporting.page.corrected");
	}

	@GetMapping({ "/reports/{id:\\d+}.xlsx", "/api/v1/reports/{id:\\d+}.xlsx" })
	@PreAuthorize(ReportingRoles.READ)
	ResponseEntity<byte[]> xlsx(@PathVariable long id, Locale locale) {
		Actor a = Actor.require();
		return file(documents.xlsx(a, id, locale), XLSX, documents.filename(a, id, "xlsx"));
	}

	@GetMapping({ "/reports/{id:\\d+}.pdf", "/api/v1/reports/{id:\\d+}.pdf" })
	@PreAuthorize(ReportingRoles.READ)
	ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
		Actor a = Actor.require();
		return file(documents.pdf(a, id, locale), MediaType.APPLICATION_PDF, documents.filename(a, id, "pdf"));
	}

	static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	private String run(RedirectAttributes redirect, String onError, Supplier<String> work, String doneKey) {
		return run(redirect, onError, work, doneKey, messages);
	}

	static String run(RedirectAttributes redirect, String onError, Supplier<String> work, String doneKey, PageMessages messages) {
		try {
			String target = work.get();
			redirect.addFlashAttribute("message", messages.get(doneKey));
			return target;
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN || ex.problem() == Problem.NOT_FOUND && ex.field() == null) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
			return onError;
		}
	}

}
