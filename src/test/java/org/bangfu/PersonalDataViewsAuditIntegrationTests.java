package org.bangfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import org.bangfu.identity.BangfuUser;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.pairing.Assistance;
import org.bangfu.pairing.AssistanceCommands.AddAgreement;
import org.bangfu.pairing.AssistanceCommands.ClauseData;
import org.bangfu.pairing.AgreementView;
import org.bangfu.pairing.Checklist;
import org.bangfu.pairing.PairingVocabulary.Indicator;
import org.bangfu.pairing.PairingVocabulary.VisitKind;
import org.bangfu.pairing.VisitCommands.RecordVisit;
import org.bangfu.pairing.VisitView;
import org.bangfu.pairing.Visits;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.Actor;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every GET endpoint and page of the application is either a view of one household's, member's,
 * visit's or case's personal data, and then opening it writes an audit row for the user, or it
 * is listed below with the reason it is not. The endpoints come from the handler mapping, so a
 * new endpoint fails this test until someone decides which it is.
 */
@IntegrationTest
@Import(Fixtures.class)
class PersonalDataViewsAuditIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** Views of one household, member, visit or case: the request that opens each one. */
	static final Map<String, String> PERSONAL = Map.ofEntries(
			Map.entry("/api/v1/households/{id}", "/api/v1/households/{h}"),
			Map.entry("/api/v1/households/{id}/history", "/api/v1/households/{h}/history"),
			Map.entry("/api/v1/households/{id}/economics", "/api/v1/households/{h}/economics"),
			Map.entry("/api/v1/households/{id}/income", "/api/v1/households/{h}/income"),
			Map.entry("/api/v1/households/{id}/income/months", "/api/v1/households/{h}/income/months"),
			Map.entry("/api/v1/households/{id}/assets", "/api/v1/households/{h}/assets"),
			Map.entry("/api/v1/households/{id}/spending", "/api/v1/households/{h}/spending"),
			Map.entry("/api/v1/households/{id}/sudden-costs", "/api/v1/households/{h}/sudden-costs"),
			Map.entry("/api/v1/households/{id}/decision", "/api/v1/households/{h}/decision"),
			Map.entry("/api/v1/households/{id}/decisions", "/api/v1/households/{h}/decisions"),
			Map.entry("/api/v1/households/{householdId}/indicators", "/api/v1/households/{h}/indicators"),
			Map.entry("/api/v1/ledgers/{householdId}", "/api/v1/ledgers/{h}"),
			Map.entry("/api/v1/ledgers/{householdId}/pdf", "/api/v1/ledgers/{h}/pdf"),
			Map.entry("/api/v1/visits", "/api/v1/visits?householdId={h}"),
			Map.entry("/api/v1/visits/{id}", "/api/v1/visits/{v}"),
			Map.entry("/api/v1/cases/{id}", "/api/v1/cases/{c}"),
			Map.entry("/api/v1/cases/{id}/archive", "/api/v1/cases/{c}/archive"),
			Map.entry("/api/v1/cases/{id}/archive.pdf", "/api/v1/cases/{c}/archive.pdf"),
			Map.entry("/api/v1/cases/{id}/documents", "/api/v1/cases/{c}/documents"),
			Map.entry("/api/v1/cases/{id}/documents/{documentId}", "/api/v1/cases/{c}/documents/{d}"),
			Map.entry("/api/v1/cases/{id}/objections", "/api/v1/cases/{c}/objections"),
			Map.entry("/households/{id}", "/households/{h}"),
			Map.entry("/households/{id}/edit", "/households/{h}/edit"),
			Map.entry("/households/{id}/economics", "/households/{h}/economics"),
			Map.entry("/households/{id}/members/new", "/households/{h}/members/new"),
			Map.entry("/households/{id}/members/{memberId}/edit", "/households/{h}/members/{m}/edit"),
			Map.entry("/identification/households/{id}/decisions", "/identification/households/{h}/decisions"),
			Map.entry("/identification/households/{id}/panel", "/identification/households/{h}/panel"),
			Map.entry("/pairing/households/{id}", "/pairing/households/{h}"),
			Map.entry("/programs/households/{id}/payments", "/programs/households/{h}/payments"),
			Map.entry("/api/v1/households/{id}/handovers", "/api/v1/households/{h}/handovers"),
			Map.entry("/ledger/{id}", "/ledger/{h}"),
			Map.entry("/ledger/{id}/pdf", "/ledger/{h}/pdf"),
			Map.entry("/ledger/{id}/agreements/{agreementId}/file", "/ledger/{h}/agreements/{a}/file"),
			Map.entry("/visits/photos/{id}", "/visits/photos/{p}"),
			Map.entry("/cases/{id}", "/cases/{c}"),
			Map.entry("/cases/{id}/archive", "/cases/{c}/archive"),
			Map.entry("/cases/{id}/archive.pdf", "/cases/{c}/archive.pdf"),
			Map.entry("/cases/{id}/documents/{documentId}", "/cases/{c}/documents/{d}"),
			Map.entry("/monitoring/households/{id}", "/monitoring/households/{h}"),
			Map.entry("/api/v1/monitoring/households/{id}", "/api/v1/monitoring/households/{h}"),
			Map.entry("/crosscheck/households/{id}/report.pdf", "/crosscheck/households/{h}/report.pdf"),
			Map.entry("/api/v1/crosscheck/households/{id}/report.pdf", "/api/v1/crosscheck/households/{h}/report.pdf"));

	/** Search results and lists: names and masked numbers to find a file; opening or exporting one is audited. */
	static final String LIST = "a list or search result to find a file (names, masked numbers); opening or exporting a file is audited";

	/** Personal data of many households under another object, audited by that object's own view (not exercised here). */
	static final String OTHER = "personal data of many households keyed by another object; audited by that object's view, not a household, member, visit or case";

	static final String NONE = "no personal data of any household, member, visit or case";

	/** Every other GET endpoint, with why opening it is not a view of one household, member, visit or case. */
	static final Map<String, String> NOT_A_PERSONAL_VIEW = Map.ofEntries(
			Map.entry("/", NONE + ": the home page's counts"), Map.entry("/home/counts", NONE + ": counts"),
			Map.entry("/login", NONE), Map.entry("/account/password", NONE + ": the user's own password form"),
			Map.entry("/api/v1/me", NONE + ": the caller's own account"),
			Map.entry("/api/v1/households", LIST), Map.entry("/households", LIST), Map.entry("/api/v1/cases", LIST),
			Map.entry("/cases", LIST), Map.entry("/api/v1/decisions", LIST), Map.entry("/identification/decisions", LIST),
			Map.entry("/api/v1/pairings", LIST), Map.entry("/api/v1/pairings/unpaired", LIST),
			Map.entry("/pairing/unpaired", LIST), Map.entry("/api/v1/visits/due", LIST),
			Map.entry("/api/v1/visits/overdue", LIST), Map.entry("/visits/due", LIST), Map.entry("/visits/due/mine", LIST),
			Map.entry("/visits/mine", LIST + ": the households paired with the user (我的帮扶户)"),
			Map.entry("/api/v1/agreements", LIST), Map.entry("/api/v1/measures", LIST),
			Map.entry("/api/v1/notices/candidates", LIST), Map.entry("/api/v1/cadres", LIST),
			Map.entry("/pairing/cadres", LIST),
			Map.entry("/api/v1/cadres/{id}", LIST + ": a cadre and the households paired with them"),
			Map.entry("/pairing/cadres/{id}", LIST + ": a cadre and the households paired with them"),
			Map.entry("/api/v1/pairings/{id}", LIST + ": a pairing of a cadre with a household (names)"),
			Map.entry("/households/export", OTHER + " (household.export with the count)"),
			Map.entry("/api/v1/households/export", OTHER + " (household.export with the count)"),
			Map.entry("/households/exports/{jobId}/file", OTHER + " (household.export.download with the count)"),
			Map.entry("/api/v1/households/exports/{jobId}/file", OTHER + " (household.export.download with the count)"),
			Map.entry("/api/v1/households/imports/{id}", OTHER + ": an import's counts and first problems (masked numbers)"),
			Map.entry("/households/import/{id}", OTHER + ": an import's counts and first problems (masked numbers)"),
			Map.entry("/households/import/{id}/status", OTHER + ": an import's progress"),
			Map.entry("/api/v1/households/imports/{id}/report", OTHER + " (household.import.report)"),
			Map.entry("/households/import/{id}/report", OTHER + " (household.import.report)"),
			Map.entry("/api/v1/pairings/imports/{id}", OTHER + ": a pairing import's counts and problems"),
			Map.entry("/pairing/imports/{id}", OTHER + ": a pairing import's counts and problems"),
			Map.entry("/api/v1/pairings/imports/{id}/report", OTHER + ": a pairing import's error report"),
			Map.entry("/pairing/imports/{id}/report", OTHER + ": a pairing import's error report"),
			Map.entry("/api/v1/decisions/{id}", OTHER + ": one decision (household.decision.view)"),
			Map.entry("/identification/decisions/{id}", OTHER + ": one decision (household.decision.view)"),
			Map.entry("/api/v1/rosters/{cycleId}/lines", OTHER + ": a roster (roster.view)"),
			Map.entry("/api/v1/rosters/{cycleId}/checks", OTHER + ": a roster's checks (roster.view)"),
			Map.entry("/programs/cycles/{id}", OTHER + ": a cycle and its roster (roster.view)"),
			Map.entry("/programs/cycles/{id}/corrections", OTHER + ": a cycle's failed bank lines, masked (roster.corrections.view)"),
			Map.entry("/programs/cycles/{id}/lines/{lineId}", OTHER + ": a roster line (roster.view)"),
			Map.entry("/api/v1/bank-batches/{id}/lines", OTHER + ": a bank batch (bank.batch.lines.view)"),
			Map.entry("/api/v1/bank-batches/{id}/failures", OTHER + ": a bank batch's failed lines"),
			Map.entry("/api/v1/bank-batches/{id}/outcomes", OTHER + ": a bank batch's outcomes"),
			Map.entry("/api/v1/bank-batches/{id}/file", OTHER + ": the bank file (bank.batch.download)"),
			Map.entry("/bank/batches/{id}", OTHER + ": a bank batch (bank.batch.lines.view)"),
			Map.entry("/bank/batches/{id}/file", OTHER + ": the bank file (bank.batch.download)"),
			Map.entry("/api/v1/notices/{id}", OTHER + ": a notice (names and reasons as published)"),
			Map.entry("/api/v1/notices/{id}/objections", OTHER + ": objections to a notice"),
			Map.entry("/api/v1/notices/{id}/pdf", OTHER + ": a notice's PDF as posted"),
			Map.entry("/notices/{id}", OTHER + ": a notice (names and reasons as published)"),
			Map.entry("/notices/{id}.pdf", OTHER + ": a notice's PDF as posted"),
			Map.entry("/api/v1/jobs", NONE + ": jobs"), Map.entry("/api/v1/jobs/{id}", NONE + ": a job"),
			Map.entry("/jobs", NONE + ": jobs"), Map.entry("/jobs/{id}", NONE + ": a job"),
			Map.entry("/jobs/{id}/progress", NONE + ": a job's progress"),
			Map.entry("/api/v1/audit", NONE + ": the audit trail (auditors' own tool, masked detail)"),
			Map.entry("/api/v1/audit/export", NONE + ": the audit trail, itself audited"),
			Map.entry("/api/v1/audit/verify", NONE), Map.entry("/audit", NONE + ": the audit trail"),
			Map.entry("/audit/export", NONE + ": the audit trail, itself audited"),
			Map.entry("/api/v1/users", NONE + ": staff accounts"), Map.entry("/api/v1/users/{id}", NONE + ": a staff account (user.view)"),
			Map.entry("/users", NONE + ": staff accounts"), Map.entry("/users/new", NONE), Map.entry("/users/{id}/edit", NONE + ": a staff account (user.view)"),
			Map.entry("/api/v1/tokens", NONE), Map.entry("/tokens", NONE),
			Map.entry("/api/v1/organisations", NONE), Map.entry("/api/v1/organisations/{id}", NONE),
			Map.entry("/organisations", NONE), Map.entry("/organisations/new", NONE), Map.entry("/organisations/{id}/edit", NONE),
			Map.entry("/api/v1/regions", NONE), Map.entry("/api/v1/regions/{code}", NONE),
			Map.entry("/api/v1/regions/{code}/lineage", NONE), Map.entry("/regions", NONE), Map.entry("/regions/picker", NONE),
			Map.entry("/regions/villages", NONE), Map.entry("/regions/villages/jobs/{id}", NONE),
			Map.entry("/api/v1/calendar/{year}", NONE), Map.entry("/calendar", NONE),
			Map.entry("/api/v1/chains", NONE), Map.entry("/api/v1/chains/{id}", NONE),
			Map.entry("/api/v1/chains/checklists/{type}", NONE), Map.entry("/chains", NONE), Map.entry("/chains/new", NONE),
			Map.entry("/chains/{id}", NONE), Map.entry("/checklists", NONE),
			Map.entry("/api/v1/casesapplication/pdf", NONE + ": the blank application form"),
			Map.entry("/api/v1/casesapplication/zip", NONE + ": the blank application forms"),
			Map.entry("/api/v1application/pdf", NONE + ": the blank application form"),
			Map.entry("/cases/new", NONE + ": the form to open a case"),
			Map.entry("/notices", NONE + ": the list of notices (titles)"), Map.entry("/api/v1/notices", NONE + ": the list of notices (titles)"),
			Map.entry("/notices/new", NONE),
			Map.entry("/public/notices", NONE + ": published notices, public by law (masked)"),
			Map.entry("/public/notices.json", NONE + ": published notices, public by law (masked)"),
			Map.entry("/public/notices/{id}", NONE + ": a published notice, public by law (masked)"),
			Map.entry("/public/notices/{id}.json", NONE + ": a published notice, public by law (masked)"),
			Map.entry("/public/notices/{id}.pdf", NONE + ": a published notice, public by law (masked)"),
			Map.entry("/public/notices/{id}/print", NONE + ": a published notice, public by law (masked)"),
			Map.entry("/households/new", NONE + ": an empty form"),
			Map.entry("/households/{householdId}/members/{memberId}/bank-account", NONE + ": an empty form for a new account (nothing stored is shown)"), Map.entry("/households/import", NONE + ": the upload form and recent imports"),
			Map.entry("/households/import/template", NONE + ": the empty template"),
			Map.entry("/pairing/import", NONE + ": the upload form"), Map.entry("/pairing/import/template", NONE + ": the empty template"),
			Map.entry("/api/v1/rule-sets", NONE), Map.entry("/api/v1/rule-sets/{id}", NONE),
			Map.entry("/api/v1/rule-sets/{id}/versions", NONE), Map.entry("/identification/rule-sets", NONE),
			Map.entry("/identification/rule-sets/{id}", NONE), Map.entry("/api/v1/standards", NONE),
			Map.entry("/api/v1/standards/applicable", NONE), Map.entry("/api/v1/standards/history", NONE),
			Map.entry("/api/v1/standards/kinds", NONE), Map.entry("/api/v1/standards/{id}", NONE),
			Map.entry("/identification/standards", NONE), Map.entry("/identification/standards/applicable", NONE),
			Map.entry("/identification/standards/history", NONE),
			Map.entry("/identification/what-if", NONE + ": counts of a what-if run"),
			Map.entry("/api/v1/indicators", NONE + ": roll-ups"), Map.entry("/visits/indicators", NONE + ": roll-ups"),
			Map.entry("/api/v1/pairings/coverage", NONE + ": counts"), Map.entry("/pairing/coverage", NONE + ": counts"),
			Map.entry("/api/v1/organisation-pairings", NONE), Map.entry("/api/v1/organisation-pairings/{id}", NONE),
			Map.entry("/api/v1/organisation-pairings/capacity/{helperId}", NONE),
			Map.entry("/api/v1/pairing-settings/{organisationId}", NONE), Map.entry("/pairing/settings", NONE),
			Map.entry("/api/v1/visit-policies", NONE), Map.entry("/visits/policies", NONE),
			Map.entry("/visits/new", NONE + ": the form to record a visit"),
			Map.entry("/api/v1/programs", NONE), Map.entry("/api/v1/programs/{id}", NONE),
			Map.entry("/api/v1/programs/{id}/versions", NONE), Map.entry("/programs", NONE), Map.entry("/programs/new", NONE),
			Map.entry("/programs/{id}", NONE), Map.entry("/programs/{id}/edit", NONE), Map.entry("/programs/calendar", NONE),
			Map.entry("/programs/cycles", NONE + ": cycles with counts and totals"),
			Map.entry("/api/v1/cycles", NONE + ": cycles with counts and totals"),
			Map.entry("/api/v1/cycles/{id}", NONE + ": a cycle with counts and totals"),
			Map.entry("/programs/events", NONE), Map.entry("/programs/events/new", NONE),
			Map.entry("/programs/events/{id}", NONE + ": an event with counts"), Map.entry("/api/v1/events", NONE),
			Map.entry("/api/v1/events/{id}", NONE), Map.entry("/api/v1/events/{id}/reach", NONE + ": counts"),
			Map.entry("/api/v1/schedules/festivals", NONE), Map.entry("/api/v1/schedules/lunar", NONE),
			Map.entry("/api/v1/schedules/occurrences", NONE),
			Map.entry("/api/v1/bank-batches", NONE + ": batches with counts and totals"),
			Map.entry("/api/v1/bank-batches/{id}", NONE + ": a batch with counts and totals"),
			Map.entry("/bank/batches", NONE + ": batches with counts and totals"),
			Map.entry("/api/v1/bank-layouts", NONE), Map.entry("/api/v1/bank-layouts/{id}", NONE),
			Map.entry("/api/v1/bank-layouts/{id}/preview", NONE + ": a layout with made-up sample lines"),
			Map.entry("/bank/layouts", NONE), Map.entry("/bank/layouts/new", NONE), Map.entry("/bank/layouts/{id}", NONE),
			Map.entry("/bank/layouts/{id}/sample", NONE + ": made-up sample lines"),
			Map.entry("/api/v1/bank/payer", NONE + ": the organisation's own payer account"),
			Map.entry("/bank/payer", NONE + ": the organisation's own payer account"),
			Map.entry("/api/v1/bank-jobs/{id}", OTHER + ": a bank job's progress, batches and refused lines (bank.batch views)"),
			Map.entry("/bank/jobs/{id}/panel", OTHER + ": a bank job's progress, batches and refused lines (bank.batch views)"),
			Map.entry("/api/v1/funds", NONE + ": funds and balances"), Map.entry("/api/v1/funds/{id}", NONE + ": a fund and its balances"),
			Map.entry("/funds", NONE + ": funds and balances"), Map.entry("/funds/{id}", NONE + ": a fund's entries (amounts by cycle, no names)"),
			Map.entry("/api/v1/budgets", NONE), Map.entry("/funds/budgets", NONE),
			Map.entry("/api/v1/donations", NONE + ": donors are not households; anonymous donors are never named"),
			Map.entry("/funds/donations", NONE + ": donors are not households; anonymous donors are never named"),
			Map.entry("/api/v1/fund-transfers", NONE), Map.entry("/funds/transfers", NONE),
			Map.entry("/crosscheck", NONE + ": extracts (registry, source, row counts), never an ID number"),
			Map.entry("/api/v1/crosscheck/extracts", NONE + ": extracts (registry, source, row counts), never an ID number"),
			Map.entry("/crosscheck/findings", OTHER + "; every look writes crosscheck.findings.view (CrossCheckMatchingIntegrationTests)"),
			Map.entry("/api/v1/crosscheck/findings", OTHER + "; every look writes crosscheck.findings.view (CrossCheckMatchingIntegrationTests)"),
			Map.entry("/api/v1/crosscheck/findings/{id}", OTHER + "; every look writes crosscheck.finding.view (CrossCheckMatchingIntegrationTests)"),
			Map.entry("/api/v1/ledger/balances", NONE), Map.entry("/api/v1/ledger/entries", NONE + ": amounts by fund and cycle"),
			Map.entry("/api/v1/ledger/reports/{kind}.pdf", NONE + ": the books (amounts)"),
			Map.entry("/api/v1/ledger/reports/{kind}.xlsx", NONE + ": the books (amounts)"),
			Map.entry("/funds/reports/{kind}.pdf", NONE + ": the books (amounts)"),
			Map.entry("/funds/reports/{kind}.xlsx", NONE + ": the books (amounts)"),
			Map.entry("/public/funds", NONE + ": fund use disclosed by program and period, no personal data"),
			Map.entry("/public/funds.pdf", NONE + ": fund use disclosed by program and period, no personal data"),
			Map.entry("/public/roster-notices", NONE + ": published roster notices, public by law (masked)"),
			Map.entry("/public/roster-notices.json", NONE + ": published roster notices, public by law (masked)"),
			Map.entry("/public/roster-notices/{id}", NONE + ": a published roster notice, public by law (masked)"),
			Map.entry("/public/roster-notices/{id}/pdf", NONE + ": the same published roster notice as a PDF (masked)"),
			Map.entry("/api/v1/handovers", NONE + ": rosters to hand over with counts"),
			Map.entry("/programs/handovers", NONE + ": rosters to hand over with counts"),
			Map.entry("/api/v1/cycles/{id}/handovers/progress", NONE + ": counts"),
			Map.entry("/api/v1/cycles/{id}/handovers", OTHER + ": a roster's hand-overs (handover.view)"),
			Map.entry("/programs/cycles/{id}/handover", OTHER + ": a roster's hand-overs (handover.view)"),
			Map.entry("/programs/cycles/{id}/handover/sheet", OTHER + ": the sheet to sign (handover.sheet)"),
			Map.entry("/programs/cycles/{id}/handover/{lineId}", OTHER + ": a roster line's hand-over (handover.view)"),
			Map.entry("/programs/cycles/{id}/handover/{lineId}/confirmation", OTHER + ": a confirmation image (handover.confirmation.view)"),
			Map.entry("/api/v1/posts", LIST), Map.entry("/posts", LIST), Map.entry("/api/v1/posts/flags", LIST),
			Map.entry("/posts/flags", LIST),
			Map.entry("/api/v1/posts/{id}", OTHER + ": a person's post (post.view)"),
			Map.entry("/posts/{id}", OTHER + ": a person's post (post.view)"),
			Map.entry("/api/v1/posts/tiers", NONE), Map.entry("/posts/tiers", NONE), Map.entry("/posts/new", NONE + ": an empty form"),
			Map.entry("/posts/import", NONE + ": the upload form"),
			Map.entry("/monitoring", LIST), Map.entry("/api/v1/monitoring/flags", LIST),
			Map.entry("/monitoring/screenings", NONE + ": screenings by event with counts"),
			Map.entry("/api/v1/monitoring/screenings", NONE + ": screenings by event with counts"),
			Map.entry("/monitoring/screenings/{id}", LIST + ": the households of a disaster screening to visit"),
			Map.entry("/api/v1/monitoring/screenings/{id}/households", LIST + ": the households of a disaster screening to visit"),
			Map.entry("/monitoring/reliefs", LIST + ": relief granted first (file numbers, amounts)"),
			Map.entry("/api/v1/monitoring/reliefs", LIST + ": relief granted first (file numbers, amounts)"),
			Map.entry("/monitoring/settings", NONE + ": the organisation's deadlines"),
			Map.entry("/api/v1/monitoring/settings", NONE + ": the organisation's deadlines"),
			Map.entry("/api/v1/exit-proposals", LIST + " (audited anyway: exits.proposals.view)"),
			Map.entry("/exit-proposals", LIST + " (audited anyway: exits.proposals.view)"),
			Map.entry("/api/v1/follow-ups", LIST + " (audited anyway: exits.followUps.view)"),
			Map.entry("/follow-ups", LIST + " (audited anyway: exits.followUps.view)"),
			Map.entry("/api/v1/exit-settings", NONE + ": the organisation's exit settings"),
			Map.entry("/api/v1/status-corrections", NONE + ": file numbers, statuses and reasons of corrections, no names or ID numbers"),
			Map.entry("/status-corrections", NONE + ": file numbers, statuses and reasons of corrections, no names or ID numbers"),
			Map.entry("/dashboards", NONE + ": counts and amounts of a subtree"), Map.entry("/api/v1/dashboards", NONE + ": counts and amounts of a subtree"),
			Map.entry("/reporting/notifications", NONE + ": reports due"),
			Map.entry("/reports", NONE + ": reports are figures of organisations"), Map.entry("/api/v1/reports", NONE + ": figures of organisations"),
			Map.entry("/api/v1/reports/templates", NONE), Map.entry("/reports/{template}/{period}", NONE + ": who has reported"),
			Map.entry("/api/v1/reports/{template}/{period}", NONE + ": who has reported"),
			Map.entry("/reports/{id:\\d+}", NONE + ": a report's figures"), Map.entry("/api/v1/reports/{id:\\d+}", NONE + ": a report's figures"),
			Map.entry("/reports/{id:\\d+}.xlsx", NONE + ": a report's figures (reporting.report.export)"),
			Map.entry("/reports/{id:\\d+}.pdf", NONE + ": a report's figures (reporting.report.export)"),
			Map.entry("/api/v1/reports/{id:\\d+}.xlsx", NONE + ": a report's figures (reporting.report.export)"),
			Map.entry("/api/v1/reports/{id:\\d+}.pdf", NONE + ": a report's figures (reporting.report.export)"),
			Map.entry("/assessments", NONE + ": scores of organisations"), Map.entry("/api/v1/assessments/{year}", NONE + ": scores of organisations"),
			Map.entry("/assessments/{year}.xlsx", NONE + ": scores of organisations"), Map.entry("/assessments/{year}.pdf", NONE + ": scores of organisations"),
			Map.entry("/api/v1/assessments/{year}.xlsx", NONE + ": scores of organisations"),
			Map.entry("/api/v1/assessments/{year}.pdf", NONE + ": scores of organisations"));

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Visits visits;

	@Autowired
	Assistance assistance;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyGetEndpointIsEitherAnAuditedPersonalViewOrListedWithItsReason() {
		TreeSet<String> unclassified = new TreeSet<>();
		TreeSet<String> both = new TreeSet<>();
		for (String pattern : getPatterns()) {
			boolean personal = PERSONAL.containsKey(pattern);
			boolean not = NOT_A_PERSONAL_VIEW.containsKey(pattern);
			if (personal && not) {
				both.add(pattern);
			}
			else if (!personal && !not && !pattern.startsWith("/actuator") && !pattern.startsWith("/v3/api-docs")
					&& !pattern.startsWith("/swagger-ui") && !pattern.equals("/error")) {
				unclassified.add(pattern);
			}
		}
		assertThat(unclassified).as("GET endpoints to classify here (personal view, audited, or not, with why)").isEmpty();
		assertThat(both).isEmpty();
		assertThat(getPatterns()).containsAll(PERSONAL.keySet());
	}

	@Test
	void openingEveryPersonalViewWritesAnAuditRowForTheUser() {
		OrganisationView org = fixtures.organisation("审计查看");
		String login = fixtures.user(org.id(), Role.ADMIN, Role.CASEWORKER);
		Actor admin = new BangfuUser(fixtures.userId(login), login, "测试用户" + login, org.id(), org.path(), org.name(),
				EnumSet.of(Role.ADMIN, Role.CASEWORKER), "", true, null);
		HouseholdView h = registry.file(admin.scope(), Households.headOnly(Households.idNumber(
				java.time.LocalDate.of(1968, 4, 4).plusDays(System.nanoTime() % 2000), true)));
		registry.addMember(admin.scope(), h.id(), new AddMember(Households.person("李梅",
				Households.idNumber(java.time.LocalDate.of(1970, 1, 1).plusDays(System.nanoTime() % 2000), false),
				Relation.SPOUSE, "700")));
		long member = registry.find(admin.scope(), h.id()).orElseThrow().members().get(1).id();
		VisitView v = visits.recordWithPhotos(admin, new RecordVisit(h.id(), visits.today(), VisitKind.HOME, "走访人", "情况",
				null, null, Checklist.of(Map.of(Indicator.FOOD, true)), null), List.of(png()));
		AgreementView signed = assistance.addAgreement(admin, new AddAgreement(h.id(), "帮扶协议", null, null,
				List.of(new ClauseData("修屋顶", "准备", null))));
		assistance.signByUpload(admin, signed.id(), png());
		Http api = Http.basic(port, login, Fixtures.PASSWORD);
		Http page = Http.loggedIn(port, login, Fixtures.PASSWORD);
		HttpResponse<String> opened = api.json("POST", "/api/v1/cases", """
				{"type": "NEW_FILING", "householdId": %d, "summary": "因病致困"}""".formatted(h.id()));
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		long caseId = JSON.readTree(opened.body()).path("id").asLong();
		long document = uploadDocument(api, caseId);

		List<String> unaudited = new ArrayList<>();
		for (Map.Entry<String, String> e : new java.util.TreeMap<>(PERSONAL).entrySet()) {
			String path = e.getValue().replace("{h}", Long.toString(h.id())).replace("{m}", Long.toString(member))
				.replace("{v}", Long.toString(v.id())).replace("{p}", Long.toString(v.photos().get(0).id()))
				.replace("{c}", Long.toString(caseId)).replace("{d}", Long.toString(document))
				.replace("{a}", Long.toString(signed.id()));
			long before = rows(login);
			Http http = path.startsWith("/api/") ? api : page;
			int status = http.send(http.request(path).GET().build()).statusCode();
			assertThat(status).as(path).isBetween(200, 299);
			if (rows(login) == before) {
				unaudited.add(path + " (" + e.getKey() + ")");
			}
		}
		assertThat(unaudited).as("views of personal data that wrote no audit row").isEmpty();
	}

	private java.util.Set<String> getPatterns() {
		java.util.Set<String> out = new TreeSet<>();
		mapping.getHandlerMethods().forEach((info, method) -> {
			var methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
				out.addAll(info.getPatternValues());
			}
		});
		return out;
	}

	private long rows(String login) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor_login = ?").param(login).query(Long.class).single();
	}

	private long uploadDocument(Http api, long caseId) {
		String boundary = "----bangfu" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nAPPLICATION\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\""
				+ "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> res = api.send(api.request("/api/v1/cases/" + caseId + "/documents")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
		assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
		return JSON.readTree(res.body()).path("id").asLong();
	}

	private static byte[] png() {
		BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
