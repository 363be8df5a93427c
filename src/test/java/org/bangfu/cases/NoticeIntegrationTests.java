package org.bangfu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.organisation.OrganisationType.UNION;
import static org.bangfu.shared.Role.APPROVER;
import static org.bangfu.shared.Role.CASEWORKER;
import static org.bangfu.shared.Role.REVIEWER;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bangfu.cases.CaseWorld.Family;
import org.bangfu.cases.notice.NoticePeriodTask;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.Masking;
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

/**
 * The public notice board works without login, takes objections (CSRF, rate limit, honeypot),
 * never shows personal numbers or health details, and ends its period by itself.
 */
@IntegrationTest
@Import(Fixtures.class)
class NoticeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	BusinessClock clock;

	@Autowired
	Jobs jobs;

	@Autowired
	JdbcClient jdbc;

	CaseWorld world;

	OrganisationView county;

	Http reviewer;

	Family first;

	Family second;

	long firstCase;

	long secondCase;

	@BeforeEach
	void twoCasesWaitingForTheirNotice() {
		world = new CaseWorld(port, fixtures, organisations, registry);
		county = world.org(null, "县总工会", UNION, "420102");
		OrganisationView base = world.org(county.id(), "基层工会", UNION, "420102");
		Http caseworker = world.api(base.id(), CASEWORKER);
		reviewer = world.api(county.id(), REVIEWER);
		Http checker = world.api(county.id(), REVIEWER);
		first = world.family(base, "孙立新");
		second = world.family(base, "欧阳小明");
		firstCase = waitingForNotice(caseworker, checker, first);
		secondCase = waitingForNotice(caseworker, checker, second);
		jdbc.sql("DELETE FROM cases_objection_rate").update();
	}

	long waitingForNotice(Http caseworker, Http checker, Family f) {
		long id = world.open(caseworker, "NEW_FILING", f.id(), null).path("id").asLong();
		world.uploadFilingDocuments(caseworker, id, f);
		world.submit(caseworker, id);
		world.pass(reviewer, id, CaseWorld.VISIT);
		world.upload(checker, id, "CROSS_CHECK_REPORT", null, "report.pdf", CaseWorld.PDF);
		world.pass(checker, id, CaseWorld.CROSS_CHECK);
		return id;
	}

	@AfterEach
	void reset() {
		clock.set(Clock.system(BusinessClock.zone()));
		jdbc.sql("DELETE FROM cases_objection_rate").update();
	}

	@Test
	void noNoticeOutputShowsIdNumbersPhonesBankAccountsOrHealthDetails() {
		long notice = world.publishNotice(reviewer, "困难职工建档公示（第一批）", firstCase, secondCase);
		Http anonymous = Http.browser(port);
		Http staffPage = Http.loggedIn(port, fixtures.user(county.id(), REVIEWER), Fixtures.PASSWORD);
		Map<String, String> outputs = Map.of(
				"public list", anonymous.get("/public/notices").body(),
				"public page", anonymous.get("/public/notices/" + notice).body(),
				"print page", anonymous.get("/public/notices/" + notice + "/print").body(),
				"public JSON list", anonymous.get("/public/notices.json").body(),
				"public JSON", anonymous.get("/public/notices/" + notice + ".json").body(),
				"staff API", reviewer.get("/api/v1/notices/" + notice).body(),
				"staff page", staffPage.get("/notices/" + notice).body(),
				"public PDF", PdfText.of(anonymous.getBytes("/public/notices/" + notice + ".pdf").body()),
				"staff PDF", PdfText.of(staffPage.getBytes("/notices/" + notice + ".pdf").body()),
				"API PDF", PdfText.of(reviewer.getBytes("/api/v1/notices/" + notice + "/pdf").body()));
		assertThat(outputs.get("public PDF")).contains("困难职工建档公示（第一批）", "孙*新", "欧**明");
		assertThat(outputs.get("public page")).contains("困难职工建档公示（第一批）", "孙*新", "欧**明");
		assertThat(outputs.get("public JSON")).contains("孙*新");
		for (Family f : List.of(first, second)) {
			List<String> secrets = new ArrayList<>(List.of(f.headId(), f.spouseId(), IdNumber.mask(f.headId()),
					f.headId().substring(6, 14), f.phone(), Masking.phone(f.phone()), f.bank(), Masking.account(f.bank()),
					CaseWorld.DISEASE, "MAJOR_ILLNESS", "大病", f.headName()));
			outputs.forEach((what, text) -> assertThat(text).as(what).doesNotContain(secrets));
		}
	}

	@Test
	void theNoticeIsAPrintablePdfWithChineseTextForTheBoardAndNeverCarriesPersonalNumbers() {
		HttpResponse<String> created = reviewer.json("POST", "/api/v1/notices", """
				{"title": "二〇二六年困难职工建档公示", "body": "经审核，以下职工拟纳入帮扶范围。", "periodDays": 5,
				 "workingDays": false, "maskNames": false, "contact": "县总工会帮扶中心",
				 "caseIds": [%d, %d], "columns": ["NAME", "ORGANISATION", "HOUSEHOLD_SIZE", "CASE_TYPE"]}""".formatted(firstCase, secondCase));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode draft = CaseWorld.JSON.readTree(created.body());
		long notice = draft.path("id").asLong();
		Http staffPage = Http.loggedIn(port, fixtures.user(county.id(), REVIEWER), Fixtures.PASSWORD);
		assertThat(staffPage.getBytes("/notices/" + notice + ".pdf").statusCode()).as("a draft has nothing to print").isEqualTo(409);
		assertThat(Http.browser(port).getBytes("/public/notices/" + notice + ".pdf").statusCode()).isEqualTo(404);
		assertThat(reviewer.json("POST", "/api/v1/notices/" + notice + "/publish", "{\"version\": " + draft.path("version").asInt() + "}")
			.statusCode()).isEqualTo(200);
		JsonNode published = CaseWorld.JSON.readTree(reviewer.get("/api/v1/notices/" + notice).body());

		HttpResponse<byte[]> pdf = Http.browser(port).getBytes("/public/notices/" + notice + ".pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		String text = PdfText.of(pdf.body());
		assertThat(text).as("text of the PDF").contains("二〇二六年困难职工建档公示", "经审核，以下职工拟纳入帮扶范围。", first.headName(),
				second.headName(), "县总工会", "公示期", published.path("startsOn").asText(), published.path("endsOn").asText(),
				"姓名", "家庭人口", "新建档", "县总工会帮扶中心", "（盖章）", "第1页");
		for (Family f : List.of(first, second)) {
			assertThat(text).doesNotContain(f.headId(), f.spouseId(), IdNumber.mask(f.headId()), f.headId().substring(6, 14),
					f.phone(), Masking.phone(f.phone()), f.bank(), Masking.account(f.bank()), CaseWorld.DISEASE, "大病", "李秀英");
		}
		assertThat(text.replaceAll("\\s", "")).as("no public address is configured: none printed, never the request's Host")
			.doesNotContain("localhost:" + port).doesNotContain("/public/notices/" + notice);
		assertThat(Http.browser(port).get("/public/notices/" + notice).body()).contains("/public/notices/" + notice + ".pdf");
		assertThat(staffPage.get("/notices/" + notice).body()).contains("/notices/" + notice + ".pdf");
		assertThat(PdfText.of(reviewer.language("en").getBytes("/api/v1/notices/" + notice + "/pdf").body()))
			.contains("Page1", first.headName());
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'notice.pdf' AND object_id = ?")
			.param(String.valueOf(notice)).query(Long.class).single()).isEqualTo(1);
		Http stranger = world.api(world.org(null, "别的工会", UNION, "420102").id(), REVIEWER);
		assertThat(stranger.getBytes("/api/v1/notices/" + notice + "/pdf").statusCode()).isEqualTo(404);
	}

	@Test
	void theNoticeFormShowsErrorsNextToTheirFieldsAndKeepsWhatWasTyped() {
		Http page = Http.loggedIn(port, fixtures.user(county.id(), REVIEWER), Fixtures.PASSWORD);
		String form = page.get("/notices/new").body();
		assertThat(form).contains("notice-form", "case-" + firstCase, "经审核");
		HttpResponse<String> noTitle = page.form("/notices", Map.of("title", "", "periodDays", "5",
				"caseIds", String.valueOf(firstCase), "contact", "帮扶中心"));
		assertThat(noTitle.statusCode()).isEqualTo(200);
		assertThat(noTitle.body()).contains("title-error", "请填写公示标题", "is-invalid", "帮扶中心").doesNotContain("periodDays-error");
		HttpResponse<String> badPeriod = page.form("/notices", Map.of("title", "第二批公示", "periodDays", "99",
				"caseIds", String.valueOf(firstCase)));
		assertThat(badPeriod.body()).contains("periodDays-error", "公示天数为 1 至 60 天", "第二批公示");
		HttpResponse<String> noCases = page.form("/notices", Map.of("title", "第二批公示", "periodDays", "5"));
		assertThat(noCases.body()).contains("caseIds-error", "请选择要公示的案件");
		HttpResponse<String> created = page.form("/notices", Map.of("title", "第二批公示", "periodDays", "5",
				"caseIds", String.valueOf(firstCase), "columns", "NAME"));
		assertThat(created.statusCode()).isEqualTo(302);
	}

	@Test
	void theObjectionFormsOnTheStaffPageShowErrorsNextToTheirFieldsKeepWhatWasTypedAndChangeNothing() {
		long notice = world.publishNotice(reviewer, "异议表单公示", firstCase, secondCase);
		Http page = Http.loggedIn(port, fixtures.user(county.id(), REVIEWER), Fixtures.PASSWORD);
		assertThat(page.get("/notices/" + notice).body()).contains("record-objection");
		HttpResponse<String> noText = page.form("/notices/" + notice + "/objections", Map.of("caseId", String.valueOf(secondCase),
				"channel", "PHONE", "objectorName", "王大伯", "objectorContact", "村东头", "text", " "));
		assertThat(noText.statusCode()).isEqualTo(200);
		assertThat(noText.body()).contains("id=\"rec-text-error\"", "请填写异议内容", "value=\"王大伯\"", "value=\"村东头\"",
				"value=\"PHONE\" selected", "value=\"" + secondCase + "\" selected", "is-invalid")
			.doesNotContain("rec-channel-error");
		HttpResponse<String> noChannel = page.form("/notices/" + notice + "/objections", Map.of("caseId", String.valueOf(firstCase),
				"channel", "FAX", "text", "他家有车"));
		assertThat(noChannel.body()).contains("id=\"rec-channel-error\"", "他家有车");
		HttpResponse<String> noRow = page.form("/notices/" + notice + "/objections", Map.of("caseId", "第三户",
				"channel", "VISIT", "text", "他家有车"));
		assertThat(noRow.statusCode()).isEqualTo(200);
		assertThat(noRow.body()).contains("id=\"rec-caseId-error\"", "他家有车", "value=\"VISIT\" selected");
		assertThat(jdbc.sql("SELECT count(*) FROM cases_objection WHERE notice_id = ?").param(notice).query(Long.class).single())
			.as("nothing recorded").isZero();

		HttpResponse<String> recorded = page.form("/notices/" + notice + "/objections", Map.of("caseId", String.valueOf(firstCase),
				"channel", "PAPER", "text", "他家有车"));
		assertThat(recorded.statusCode()).isEqualTo(302);
		long objection = jdbc.sql("SELECT id FROM cases_objection WHERE notice_id = ?").param(notice).query(Long.class).single();
		page.get("/notices/" + notice);
		HttpResponse<String> noFinding = page.form("/notices/" + notice + "/objections/" + objection + "/resolve",
				Map.of("upheld", "true", "finding", ""));
		assertThat(noFinding.statusCode()).isEqualTo(200);
		assertThat(noFinding.body()).contains("id=\"finding-" + objection + "-error\"", "请写明核查结论");
		assertThat(ChainAdministrationIntegrationTests.between(noFinding.body(), "id=\"upheld-" + objection + "\"", ">"))
			.as("the choice typed is kept").contains("checked");
		assertThat(jdbc.sql("SELECT resolved_at IS NULL FROM cases_objection WHERE id = ?").param(objection)
			.query(Boolean.class).single()).as("still open").isTrue();
		assertThat(world.status(reviewer, firstCase)).isNotEqualTo("RETURNED");
		HttpResponse<String> resolved = page.form("/notices/" + notice + "/objections/" + objection + "/resolve",
				Map.of("upheld", "false", "finding", "车辆为单位所有，异议不成立"));
		assertThat(resolved.statusCode()).isEqualTo(302);
	}

	@Test
	void anyoneReadsTheNoticeAndObjectsWithoutLoggingInThroughTheCsrfProtectedForm() {
		long notice = world.publishNotice(reviewer, "公示：可提异议", firstCase);
		Http anonymous = Http.browser(port);
		HttpResponse<String> page = anonymous.get("/public/notices/" + notice);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("objection-form", "_csrf");
		HttpResponse<String> sent = anonymous.form("/public/notices/" + notice + "/objections",
				Map.of("rowNo", "1", "text", "该户子女已参加工作", "name", "", "contact", "", "website", ""));
		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(anonymous.get("/public/notices/" + notice).body()).contains("您的异议已收到");
		assertThat(openObjections(firstCase)).isEqualTo(1);
		assertThat(Http.browser(port).formWithoutCsrf("/public/notices/" + notice + "/objections",
				Map.of("rowNo", "1", "text", "无令牌")).statusCode()).isEqualTo(403);
		assertThat(openObjections(firstCase)).isEqualTo(1);
		assertThat(anonymous.get("/notices/" + notice).statusCode()).as("staff pages need a login").isEqualTo(302);
		assertThat(anonymous.get("/api/v1/notices/" + notice).statusCode()).isEqualTo(401);
	}

	@Test
	void objectionsAreRateLimitedPerAddressAndAScriptFillingTheHiddenFieldIsIgnored() {
		long notice = world.publishNotice(reviewer, "公示：限流", firstCase);
		Http anonymous = Http.browser(port);
		anonymous.get("/public/notices/" + notice);
		HttpResponse<String> bot = anonymous.form("/public/notices/" + notice + "/objections",
				Map.of("rowNo", "1", "text", "spam", "website", "http://spam.example"));
		assertThat(bot.statusCode()).isEqualTo(302);
		assertThat(openObjections(firstCase)).as("the honeypot drops it").isZero();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			anonymous.get("/public/notices/" + notice);
			statuses.add(anonymous.form("/public/notices/" + notice + "/objections",
					Map.of("rowNo", "1", "text", "异议 " + i, "website", "")).statusCode());
		}
		assertThat(statuses.subList(0, 4)).containsOnly(302);
		assertThat(statuses.get(5)).isEqualTo(429);
		assertThat(openObjections(firstCase)).isEqualTo(4);
		HttpResponse<String> limited = Http.browser(port).get("/public/notices/" + notice);
		assertThat(limited.statusCode()).as("reading stays open").isEqualTo(200);
	}

	@Test
	void theNoticePeriodEndsByItselfThroughTheRecurringJobAndTheNoticeRecordsItsResult() throws Exception {
		long notice = world.publishNotice(reviewer, "公示：到期自动完成", firstCase, secondCase);
		clock.set(Clock.offset(Clock.system(BusinessClock.zone()), Duration.ofDays(3)));
		long job = jobs.submit(NoticePeriodTask.KIND, "{}", null, null);
		for (int i = 0; i < 100 && !"DONE".equals(jobs.find(job).orElseThrow().status()); i++) {
			Thread.sleep(200);
		}
		assertThat(jobs.find(job).orElseThrow().status()).isEqualTo("DONE");
		JsonNode n = CaseWorld.JSON.readTree(reviewer.get("/api/v1/notices/" + notice).body());
		assertThat(n.path("status").asText()).isEqualTo("CLOSED");
		assertThat(n.path("result").asText()).isEqualTo("passed=2;upheld=0;removed=0");
		assertThat(world.get(reviewer, firstCase).path("case").path("currentPosition").asInt()).isEqualTo(4);
		Http staffPage = Http.loggedIn(port, fixtures.user(county.id(), APPROVER), Fixtures.PASSWORD);
		assertThat(staffPage.get("/notices/" + notice).body()).contains("2 户无异议通过");
		HttpResponse<String> late = Http.browser(port).get("/public/notices/" + notice);
		assertThat(late.body()).doesNotContain("objection-form").contains("本公示已结束");
	}

	@Test
	void aDraftIsNotPublicAndPeriodsInWorkingDaysSkipHolidaysAndCountMakeUpDays() {
		HttpResponse<String> created = reviewer.json("POST", "/api/v1/notices",
				"{\"title\": \"草稿公示\", \"caseIds\": [" + firstCase + "]}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode draft = CaseWorld.JSON.readTree(created.body());
		assertThat(draft.path("periodDays").asInt()).as("from the union chain").isEqualTo(5);
		assertThat(draft.path("workingDays").asBoolean()).isTrue();
		assertThat(draft.path("maskNames").asBoolean()).isTrue();
		assertThat(Http.browser(port).get("/public/notices/" + draft.path("id").asLong()).statusCode()).isEqualTo(404);
		HttpResponse<String> twice = reviewer.json("POST", "/api/v1/notices",
				"{\"title\": \"重复\", \"caseIds\": [" + firstCase + "]}");
		assertThat(twice.statusCode()).isEqualTo(400);

		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("Saturday make-up day").isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 11))).isFalse();
		assertThat(calendar.periodEnd(LocalDate.of(2026, 9, 29), 5, true)).isEqualTo(LocalDate.of(2026, 10, 10));
		assertThat(calendar.periodEnd(LocalDate.of(2026, 9, 29), 7, false)).isEqualTo(LocalDate.of(2026, 10, 5));
		assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1)).isEqualTo(LocalDate.of(2026, 10, 8));
	}

	long openObjections(long caseId) {
		return jdbc.sql("SELECT count(*) FROM cases_objection WHERE case_id = ? AND status = 'OPEN'")
			.param(caseId)
			.query(Long.class)
			.single();
	}

}
