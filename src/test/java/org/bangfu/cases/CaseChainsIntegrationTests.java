package org.bangfu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.organisation.OrganisationType.CIVIL_AFFAIRS;
import static org.bangfu.organisation.OrganisationType.COMPANY;
import static org.bangfu.organisation.OrganisationType.TOWNSHIP_GOVERNMENT;
import static org.bangfu.organisation.OrganisationType.UNION;
import static org.bangfu.organisation.OrganisationType.VILLAGE_COMMITTEE;
import static org.bangfu.shared.Role.APPROVER;
import static org.bangfu.shared.Role.CASEWORKER;
import static org.bangfu.shared.Role.REVIEWER;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.bangfu.cases.CaseWorld.Family;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.shared.BusinessClock;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Each shipped chain walked end to end through the API by different people at the right levels. */
@IntegrationTest
@Import(Fixtures.class)
class CaseChainsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Notices notices;

	@Autowired
	BusinessClock clock;

	@Autowired
	JdbcClient jdbc;

	CaseWorld world;

	@BeforeEach
	void setUp() {
		world = new CaseWorld(port, fixtures, organisations, registry);
	}

	@AfterEach
	void resetClock() {
		clock.set(Clock.system(BusinessClock.zone()));
	}

	void daysLater(int days) {
		clock.set(Clock.offset(Clock.system(BusinessClock.zone()), Duration.ofDays(days)));
	}

	long chain(String code) {
		return jdbc.sql("SELECT id FROM cases_chain WHERE code = ?").param(code).query(Long.class).single();
	}

	@Test
	void unionFilingBaseUnionDeclaresCountyReviewsCrossChecksPublishesAndTheFederationApproves() {
		OrganisationView county = world.org(null, "县总工会", UNION, "420102");
		OrganisationView base = world.org(county.id(), "机械厂工会", UNION, "420102");
		Http caseworker = world.api(base.id(), CASEWORKER);
		Http reviewer = world.api(county.id(), REVIEWER);
		Http checker = world.api(county.id(), REVIEWER);
		Http approver = world.api(county.id(), APPROVER);
		Family f = world.family(base, "张建国");

		long id = world.open(caseworker, "NEW_FILING", f.id(), null).path("id").asLong();
		JsonNode opened = world.get(caseworker, id);
		assertThat(opened.path("case").path("chainId").asLong()).isEqualTo(chain("union-filing"));
		assertThat(opened.path("missing")).hasSize(6);
		world.uploadFilingDocuments(caseworker, id, f);
		assertThat(world.submit(caseworker, id).statusCode()).isEqualTo(200);

		world.pass(reviewer, id, CaseWorld.VISIT);
		HttpResponse<String> noReport = world.act(checker, id, "PASS", null, CaseWorld.CROSS_CHECK);
		assertThat(noReport.statusCode()).isEqualTo(400);
		assertThat(noReport.body()).contains("信息比对报告");
		world.upload(checker, id, "CROSS_CHECK_REPORT", null, "比对报告.pdf", CaseWorld.PDF);
		world.pass(checker, id, CaseWorld.CROSS_CHECK);

		JsonNode atNotice = world.get(reviewer, id);
		assertThat(atNotice.path("case").path("currentPosition").asInt()).isEqualTo(3);
		assertThat(atNotice.path("next").path("reasonKey").asText()).isEqualTo("cases.next.byNotice");
		assertThat(world.act(reviewer, id, "PASS", null, null).statusCode()).isEqualTo(409);

		world.publishNotice(reviewer, "2026 年困难职工建档公示（工会）", id);
		assertThat(notices.closeExpired()).as("the period has not ended").isZero();
		daysLater(2);
		notices.closeExpired();
		JsonNode afterNotice = world.get(approver, id);
		assertThat(afterNotice.path("case").path("currentPosition").asInt()).isEqualTo(4);
		JsonNode noticeStep = afterNotice.path("steps").get(2);
		assertThat(noticeStep.path("automatic").asBoolean()).isTrue();
		assertThat(noticeStep.path("comment").asText()).contains("无异议");

		world.pass(approver, id, null);
		JsonNode approved = world.get(approver, id).path("case");
		assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
		assertThat(approved.path("effectiveDate").asText()).isEqualTo(clock.today().toString());
		assertThat(approved.path("outcomeApplied").asText()).isEqualTo("filed");
		assertThat(registry.find(fixtures.everything(), f.id()).orElseThrow().status().name()).isEqualTo("FILED");
		assertThat(world.get(approver, id).path("timeline").toString())
			.contains("\"action\":\"submit\"", "\"action\":\"notice\"", "\"action\":\"approve\"");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_type = 'case' AND object_id = ? AND action LIKE 'case.%'")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(6);
	}

	@Test
	void dibaoCommunityTakesItInTownshipVisitsAndAppraisesCountyChecksAndApprovesPaymentFromNextMonth() {
		OrganisationView bureau = world.org(null, "区民政局", CIVIL_AFFAIRS, "420102");
		OrganisationView street = world.org(bureau.id(), "大智街道办事处", TOWNSHIP_GOVERNMENT, org.bangfu.registry.Households.TOWNSHIP);
		OrganisationView community = world.org(street.id(), "幸福社区居委会", VILLAGE_COMMITTEE, org.bangfu.registry.Households.TOWNSHIP);
		Http intake = world.api(community.id(), CASEWORKER);
		Http visitor = world.api(street.id(), REVIEWER);
		Http appraiser = world.api(street.id(), REVIEWER);
		Http countyReviewer = world.api(bureau.id(), REVIEWER);
		Http countyApprover = world.api(bureau.id(), APPROVER);
		Family f = world.family(community, "王桂兰");

		long id = world.open(intake, "NEW_FILING", f.id(), "\"chainId\": " + chain("dibao-filing")).path("id").asLong();
		world.uploadFilingDocuments(intake, id, f);
		assertThat(world.submit(intake, id).statusCode()).isEqualTo(200);

		HttpResponse<String> wrongLevel = world.act(countyReviewer, id, "PASS", null, CaseWorld.VISIT);
		assertThat(wrongLevel.statusCode()).isEqualTo(403);
		assertThat(wrongLevel.body()).contains("层级");
		world.pass(visitor, id, CaseWorld.VISIT);
		assertThat(world.act(visitor, id, "PASS", null, CaseWorld.MEETING).statusCode()).as("four eyes").isEqualTo(403);
		world.pass(appraiser, id, CaseWorld.MEETING);

		world.publishNotice(visitor, "低保申请公示（幸福社区）", id);
		daysLater(8);
		notices.closeExpired();
		assertThat(world.get(countyReviewer, id).path("case").path("currentPosition").asInt()).isEqualTo(4);
		world.upload(countyReviewer, id, "CROSS_CHECK_REPORT", null, "核对报告.pdf", CaseWorld.PDF);
		world.pass(countyReviewer, id, CaseWorld.CROSS_CHECK);
		world.pass(countyApprover, id, null);

		JsonNode approved = world.get(countyApprover, id).path("case");
		assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
		LocalDate firstOfNextMonth = clock.today().withDayOfMonth(1).plusMonths(1);
		assertThat(approved.path("effectiveDate").asText()).isEqualTo(firstOfNextMonth.toString());
	}

	@Test
	void companyDepartmentChecksCompanyInvestigatesManagersDecideThreeDayNoticeThenReportUp() {
		OrganisationView company = world.org(null, "某某烟草公司", COMPANY, "420102");
		Http applicantSide = world.api(company.id(), CASEWORKER);
		Http department = world.api(company.id(), REVIEWER);
		Http investigator = world.api(company.id(), REVIEWER);
		Http managers = world.api(company.id(), APPROVER);
		Family f = world.family(company, "赵卫东");

		long id = world.open(applicantSide, "NEW_FILING", f.id(), null).path("id").asLong();
		assertThat(world.get(applicantSide, id).path("case").path("chainId").asLong()).isEqualTo(chain("company-filing"));
		world.uploadFilingDocuments(applicantSide, id, f);
		world.submit(applicantSide, id);
		world.pass(department, id, null);
		world.pass(investigator, id, CaseWorld.VISIT);
		HttpResponse<String> noMajority = world.act(managers, id, "PASS", null, """
				{"meetingDate": "%s", "attendees": "甲、乙、丙、丁", "votesFor": "2", "votesAgainst": "2"}"""
			.formatted(clock.today().minusDays(1)));
		assertThat(noMajority.statusCode()).isEqualTo(400);
		assertThat(noMajority.body()).contains("半数");
		world.pass(managers, id, CaseWorld.MEETING);

		long notice = world.publishNotice(department, "困难职工评定公示", id);
		JsonNode n = CaseWorld.JSON.readTree(department.get("/api/v1/notices/" + notice).body());
		assertThat(n.path("endsOn").asText()).isEqualTo(n.path("startsOn").asText());
		daysLater(4);
		notices.closeExpired();
		world.pass(managers, id, null);
		assertThat(world.status(managers, id)).isEqualTo("APPROVED");
		assertThat(CaseWorld.JSON.readTree(department.get("/api/v1/notices/" + notice).body()).path("status").asText())
			.isEqualTo("CLOSED");
	}

	@Test
	void unionExitBaseUnionDeclaresCountyRechecksPublishesAndDecidesWithTheExitForm() {
		OrganisationView county = world.org(null, "县总工会", UNION, "420102");
		OrganisationView base = world.org(county.id(), "纺织厂工会", UNION, "420102");
		Http caseworker = world.api(base.id(), CASEWORKER);
		Http rechecker = world.api(county.id(), REVIEWER);
		Http publisher = world.api(county.id(), REVIEWER);
		Http approver = world.api(county.id(), APPROVER);
		Family f = world.family(base, "陈志强");
		LocalDate exitDate = clock.today();

		long id = world.open(caseworker, "EXIT", f.id(), "\"exitDate\": \"" + exitDate + "\"").path("id").asLong();
		assertThat(world.get(caseworker, id).path("case").path("chainId").asLong()).isEqualTo(chain("union-exit"));
		HttpResponse<String> early = world.submit(caseworker, id);
		assertThat(early.statusCode()).isEqualTo(400);
		assertThat(early.body()).contains("收入证明");
		world.upload(caseworker, id, "INCOME", null, "近6个月工资流水.pdf", CaseWorld.PDF);
		assertThat(world.submit(caseworker, id).statusCode()).isEqualTo(200);
		world.pass(rechecker, id, CaseWorld.VISIT);
		world.publishNotice(publisher, "困难职工脱困公示", id);
		daysLater(10);
		notices.closeExpired();
		HttpResponse<String> noForm = world.act(approver, id, "PASS", null, null);
		assertThat(noForm.statusCode()).isEqualTo(400);
		assertThat(noForm.body()).contains("脱困登记表");
		world.upload(approver, id, "EXIT_FORM", null, "脱困登记表.pdf", CaseWorld.PDF);
		world.pass(approver, id, null);
		JsonNode done = world.get(approver, id).path("case");
		assertThat(done.path("status").asText()).isEqualTo("APPROVED");
		assertThat(done.path("exitDate").asText()).isEqualTo(exitDate.toString());
		assertThat(done.path("outcomeApplied").asText()).contains("exited " + exitDate);
		assertThat(registry.find(fixtures.everything(), f.id()).orElseThrow().status().name()).isEqualTo("EXITED");
	}

	@Test
	void aChangeOfFileUpdatesTheRegisterOnApprovalAndAReopeningReopensAClosedFile() {
		OrganisationView county = world.org(null, "县总工会", UNION, "420102");
		OrganisationView base = world.org(county.id(), "化工厂工会", UNION, "420102");
		Http caseworker = world.api(base.id(), CASEWORKER);
		Http reviewer = world.api(county.id(), REVIEWER);
		Http approver = world.api(county.id(), APPROVER);
		Family f = world.family(base, "刘永福");
		var scope = new org.bangfu.shared.Scope(base.id(), base.path());
		var before = registry.find(scope, f.id()).orElseThrow();

		String change = """
				"change": {"fileNo": "%s", "regionCode": "%s", "address": "江岸区新村 8 栋 2 单元", "phone": "%s",
				  "mainCause": "ILLNESS", "housingType": "OWN", "vehicles": 0, "savings": 300}"""
			.formatted(f.fileNo(), org.bangfu.registry.Households.TOWNSHIP, f.phone());
		long id = world.open(caseworker, "CHANGE", f.id(), change).path("id").asLong();
		world.upload(caseworker, id, "CHANGE_PROOF", null, "购房合同.pdf", CaseWorld.PDF);
		assertThat(world.submit(caseworker, id).statusCode()).isEqualTo(200);
		world.pass(reviewer, id, null);
		assertThat(registry.find(scope, f.id()).orElseThrow().address()).as("not before approval")
			.isEqualTo(before.address());
		world.pass(approver, id, null);
		var after = registry.find(scope, f.id()).orElseThrow();
		assertThat(after.address()).isEqualTo("江岸区新村 8 栋 2 单元");
		assertThat(after.housingType().name()).isEqualTo("OWN");
		assertThat(after.bankAccountMasked()).as("a blank account keeps the stored one").isEqualTo(before.bankAccountMasked());
		assertThat(world.get(approver, id).path("case").path("outcomeApplied").asText()).startsWith("file updated");

		registry.close(scope, f.id(), new org.bangfu.registry.HouseholdCommands.CloseHousehold(
				org.bangfu.registry.Vocabulary.CloseReason.TRANSFER, "调离"));
		long reopen = world.open(caseworker, "REOPEN", f.id(), null).path("id").asLong();
		world.upload(caseworker, reopen, "APPLICATION", null, "申请.pdf", CaseWorld.PDF);
		world.upload(caseworker, reopen, "AUTHORISATION", null, "授权书.pdf", CaseWorld.PDF);
		world.submit(caseworker, reopen);
		world.pass(reviewer, reopen, CaseWorld.VISIT);
		world.publishNotice(world.api(county.id(), REVIEWER), "重新纳入公示", reopen);
		daysLater(2);
		notices.closeExpired();
		world.pass(world.api(county.id(), APPROVER), reopen, null);
		assertThat(registry.find(scope, f.id()).orElseThrow().status().name()).isEqualTo("FILED");
	}

}
