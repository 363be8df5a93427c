package org.bangfu.reporting.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.reporting.AssessmentDocuments;
import org.bangfu.reporting.Assessments;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
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

/** The year's assessment of the organisations under the caller: scheme, ranking with evidence, manual points, files. */
@Controller
class AssessmentPagesController {

	private final Assessments assessments;

	private final AssessmentDocuments documents;

	private final PageMessages messages;

	private final BusinessClock clock;

	AssessmentPagesController(Assessments assessments, AssessmentDocuments documents, PageMessages messages, BusinessClock clock) {
		this.assessments = assessments;
		this.documents = documents;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/assessments")
	@PreAuthorize(ReportingRoles.READ)
	String page(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? clock.today().getYear() : year;
		Actor a = Actor.require();
		var scheme = assessments.scheme(a, y);
		model.addAttribute("year", y);
		model.addAttribute("scheme", scheme.orElse(List.of()));
		model.addAttribute("cards", scheme.isPresent() ? assessments.ranking(a, y) : List.of());
		return "reporting/assessments";
	}

	@PostMapping("/assessments/{year}/scheme")
	@PreAuthorize(ReportingRoles.ASSESS)
	String scheme(@PathVariable int year, RedirectAttributes redirect) {
		String back = "redirect:/assessments?year=" + year;
		return ReportPagesController.run(redirect, back, () -> {
			assessments.setScheme(Actor.require(), year, null);
			return back;
		}, "reporting.page.schemeSet", messages);
	}

	@PostMapping("/assessments/{year}/scores")
	@PreAuthorize(ReportingRoles.ASSESS)
	String score(@PathVariable int year, @RequestParam long organisationId, @RequestParam String indicator,
			@RequestParam(required = false) String points, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		String back = "redirect:/assessments?year=" + year;
		return ReportPagesController.run(redirect, back, () -> {
			BigDecimal p;
			try {
				p = new BigDecimal(points == null ? "" : points.trim());
			}
			catch (NumberFormatException ex) {
				throw BangfuException.badField("points", "reporting.report.notANumber");
			}
			assessments.score(Actor.require(), year, organisationId, indicator, p, note);
			return back;
		}, "reporting.page.scored", messages);
	}

	@GetMapping({ "/assessments/{year}.xlsx", "/api/v1/assessments/{year}.xlsx" })
	@PreAuthorize(ReportingRoles.READ)
	ResponseEntity<byte[]> xlsx(@PathVariable int year, @RequestParam(required = false) Long organisationId, Locale locale) {
		return ReportPagesController.file(documents.xlsx(Actor.require(), year, organisationId, locale), ReportPagesController.XLSX,
				"assessment-" + year + (organisationId == null ? "" : "-" + organisationId) + ".xlsx");
	}

	@GetMapping({ "/assessments/{year}.pdf", "/api/v1/assessments/{year}.pdf" })
	@PreAuthorize(ReportingRoles.READ)
	ResponseEntity<byte[]> pdf(@PathVariable int year, @RequestParam(required = false) Long organisationId, Locale locale) {
		return ReportPagesController.file(documents.pdf(Actor.require(), year, organisationId, locale), MediaType.APPLICATION_PDF,
				"assessment-" + year + (organisationId == null ? "" : "-" + organisationId) + ".pdf");
	}

}
