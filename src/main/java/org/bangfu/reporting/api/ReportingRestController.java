package org.bangfu.reporting.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.bangfu.reporting.Assessments;
import org.bangfu.reporting.Dashboard;
import org.bangfu.reporting.Dashboards;
import org.bangfu.reporting.Indicator;
import org.bangfu.reporting.ReportOverview;
import org.bangfu.reporting.ReportTemplate;
import org.bangfu.reporting.ReportView;
import org.bangfu.reporting.Reports;
import org.bangfu.reporting.Scorecard;
import org.bangfu.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Reporting", description = "Dashboards of the caller's subtree, reports up the hierarchy (fill, edit with a reason, submit, correct), the yearly assessment")
class ReportingRestController {

	static final String READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','AUDITOR')";

	static final String WRITE = "hasAnyRole('ADMIN','CASEWORKER','APPROVER')";

	static final String ASSESS = "hasAnyRole('ADMIN','APPROVER')";

	private final Dashboards dashboards;

	private final Reports reports;

	private final Assessments assessments;

	ReportingRestController(Dashboards dashboards, Reports reports, Assessments assessments) {
		this.dashboards = dashboards;
		this.reports = reports;
		this.assessments = assessments;
	}

	record FigureBody(long value, String reason) {
	}

	record ReasonBody(String reason) {
	}

	record ScoreBody(long organisationId, String indicator, BigDecimal points, String note) {
	}

	@GetMapping("/api/v1/dashboards")
	@PreAuthorize(READ)
	@Operation(summary = "The caller's dashboard: households by status, category, cause and region (under a region code, default the organisation's), coverage, decisions, cases by step, money by program (fen) for a year; every number with the link to its list")
	Dashboard dashboard(@RequestParam(required = false) Integer year, @RequestParam(required = false) String region, Locale locale) {
		return dashboards.of(Actor.require().scope(), year, region, locale);
	}

	@GetMapping("/api/v1/reports/templates")
	@PreAuthorize(READ)
	@Operation(summary = "The report templates: figures, period, deadline rule, which organisations submit, whether figures may be edited")
	List<ReportTemplate> templates() {
		return reports.templates();
	}

	@GetMapping("/api/v1/reports")
	@PreAuthorize(READ)
	@Operation(summary = "Reports of the caller's subtree (its own in any state, the others once submitted), by template and period")
	List<ReportView> list(@RequestParam(required = false) String template, @RequestParam(required = false) String period) {
		return reports.list(Actor.require(), template, period);
	}

	@GetMapping("/api/v1/reports/{template}/{period}")
	@PreAuthorize(READ)
	@Operation(summary = "A template's period for the caller: deadline, own versions, and the organisations that must submit to it with who is missing")
	ReportOverview overview(@PathVariable String template, @PathVariable String period) {
		return reports.overview(Actor.require(), template, period);
	}

	@PostMapping("/api/v1/reports/{template}/{period}/draft")
	@PreAuthorize(WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Fills the caller's report for the period from its data, or from the reports submitted to it; returns the existing draft if there is one")
	ReportView fill(@PathVariable String template, @PathVariable String period) {
		return reports.fill(Actor.require(), template, period);
	}

	@GetMapping("/api/v1/reports/{id:\\d+}")
	@PreAuthorize(READ)
	@Operation(summary = "One version of a report")
	ReportView report(@PathVariable long id) {
		return reports.view(Actor.require(), id);
	}

	@PutMapping("/api/v1/reports/{id:\\d+}/figures/{code}")
	@PreAuthorize(WRITE)
	@Operation(summary = "Sets a figure of the caller's draft (where the template allows); a value other than the computed one needs a reason")
	ReportView edit(@PathVariable long id, @PathVariable String code, @RequestBody FigureBody body) {
		return reports.edit(Actor.require(), id, code, body.value(), body.reason());
	}

	@PostMapping("/api/v1/reports/{id:\\d+}/submission")
	@PreAuthorize(WRITE)
	@Operation(summary = "Submits the caller's draft: frozen, visible to the level above; the version it corrects is superseded")
	ReportView submit(@PathVariable long id) {
		return reports.submit(Actor.require(), id);
	}

	@PostMapping("/api/v1/reports/{id:\\d+}/corrections")
	@PreAuthorize(WRITE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Opens a correction of a submitted report: a new draft version with a reason")
	ReportView correct(@PathVariable long id, @RequestBody ReasonBody body) {
		return reports.correct(Actor.require(), id, body.reason());
	}

	@GetMapping("/api/v1/assessments/{year}")
	@PreAuthorize(READ)
	@Operation(summary = "The ranking of the organisations under the caller in a year's assessment, with each one's points and evidence")
	List<Scorecard> ranking(@PathVariable int year) {
		return assessments.ranking(Actor.require(), year);
	}

	@PutMapping("/api/v1/assessments/{year}/scheme")
	@PreAuthorize(ASSESS)
	@Operation(summary = "Sets the caller's scheme for a year: indicators with weight, target in percent and whether scored by hand (empty = the defaults)")
	List<Indicator> scheme(@PathVariable int year, @RequestBody(required = false) List<Indicator> indicators) {
		return assessments.setScheme(Actor.require(), year, indicators);
	}

	@PostMapping("/api/v1/assessments/{year}/scores")
	@PreAuthorize(ASSESS)
	@Operation(summary = "Scores a manual indicator of an organisation under the caller (0 to its weight) with a note")
	void score(@PathVariable int year, @RequestBody ScoreBody body) {
		assessments.score(Actor.require(), year, body.organisationId(), body.indicator(), body.points(), body.note());
	}

}
