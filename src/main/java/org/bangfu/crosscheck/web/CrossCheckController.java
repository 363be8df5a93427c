package org.bangfu.crosscheck.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;

import java.util.Locale;

import org.bangfu.crosscheck.CrossCheckReports;
import org.bangfu.crosscheck.ExtractKind;
import org.bangfu.crosscheck.ExtractView;
import org.bangfu.crosscheck.Extracts;
import org.bangfu.crosscheck.FindingStatus;
import org.bangfu.crosscheck.Findings;
import org.bangfu.crosscheck.FollowUp;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.springframework.format.annotation.DateTimeFormat;
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

/** The extracts with the upload form, and the findings with confirm and dismiss. */
@Controller
class CrossCheckController {

	static final int PAGE = 100;

	private final Extracts extracts;

	private final Findings findings;

	private final PageMessages messages;

	private final BusinessClock clock;

	private final CrossCheckReports reports;

	CrossCheckController(Extracts extracts, Findings findings, PageMessages messages, BusinessClock clock,
			CrossCheckReports reports) {
		this.reports = reports;
		this.extracts = extracts;
		this.findings = findings;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/crosscheck")
	@PreAuthorize(CrossCheckRoles.READ)
	String extracts(Model model) {
		model.addAttribute("extracts", extracts.list(Actor.require().scope()));
		model.addAttribute("kinds", ExtractKind.values());
		model.addAttribute("today", clock.today());
		return "crosscheck/extracts";
	}

	@PostMapping("/crosscheck/extracts")
	@PreAuthorize(CrossCheckRoles.IMPORT)
	String upload(@RequestParam(required = false) ExtractKind kind, @RequestParam(required = false) String source,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@RequestParam(required = false) Integer retentionDays, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw BangfuException.badField("file", "imports.file.empty");
			}
			try (InputStream in = file.getInputStream()) {
				ExtractView e = extracts.importUpload(Actor.require(), new Extracts.NewExtract(kind, source, asOf, retentionDays),
						file.getOriginalFilename(), in);
				redirect.addFlashAttribute("message", messages.get("crosscheck.upload.done", e.rows(), e.badRows(), e.findings()));
				return "redirect:/crosscheck/findings?extract=" + e.id();
			}
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
			return "redirect:/crosscheck";
		}
	}

	@GetMapping("/crosscheck/findings")
	@PreAuthorize(CrossCheckRoles.READ)
	String findings(@RequestParam(required = false) FindingStatus status, @RequestParam(required = false) Long extract,
			@RequestParam(required = false) Long household, @RequestParam(defaultValue = "0") int offset, Model model) {
		var scope = Actor.require().scope();
		var page = findings.list(scope, status, extract, household, offset, PAGE);
		model.addAttribute("findings", page);
		model.addAttribute("status", status);
		model.addAttribute("extract", extract);
		model.addAttribute("household", household);
		model.addAttribute("statuses", FindingStatus.values());
		model.addAttribute("followUps", FollowUp.values());
		model.addAttribute("offset", Math.max(0, offset));
		model.addAttribute("next", page.size() == PAGE ? offset + PAGE : null);
		model.addAttribute("previous", offset > 0 ? Math.max(0, offset - PAGE) : null);
		return "crosscheck/findings";
	}

	@PostMapping("/crosscheck/findings/{id}/confirm")
	@PreAuthorize(CrossCheckRoles.REVIEW)
	String confirm(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) FollowUp followUp, RedirectAttributes redirect) {
		return decide(redirect, () -> findings.confirm(Actor.require(), id, reason, followUp));
	}

	@PostMapping("/crosscheck/findings/{id}/dismiss")
	@PreAuthorize(CrossCheckRoles.REVIEW)
	String dismiss(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return decide(redirect, () -> findings.dismiss(Actor.require(), id, reason));
	}

	@GetMapping("/crosscheck/households/{id}/report.pdf")
	@PreAuthorize(CrossCheckRoles.READ)
	ResponseEntity<byte[]> report(@PathVariable long id, Locale locale) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=crosscheck-report-" + id + ".pdf")
			.body(reports.householdPdf(Actor.require().scope(), id, locale));
	}

	@PostMapping("/crosscheck/cases/report")
	@PreAuthorize("hasAnyRole('CASEWORKER','REVIEWER','APPROVER')")
	String archive(@RequestParam(required = false) Long caseId, Locale locale, RedirectAttributes redirect) {
		try {
			if (caseId == null) {
				throw BangfuException.badField("caseId", "cases.case.notFound", "");
			}
			reports.archiveWithCase(Actor.require(), caseId, locale);
			redirect.addFlashAttribute("message", messages.get("crosscheck.report.archived"));
			return "redirect:/cases/" + caseId;
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
			return "redirect:/crosscheck";
		}
	}

	private String decide(RedirectAttributes redirect, Runnable work) {
		try {
			work.run();
			redirect.addFlashAttribute("message", messages.get("crosscheck.decided"));
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN || ex.problem() == Problem.NOT_FOUND && ex.field() == null) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/crosscheck/findings?status=OPEN";
	}

}
