package org.bangfu.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Review chains are data: shipped by migration, listed on a page and the API, edited by a root administrator. */
@IntegrationTest
@Import(Fixtures.class)
class ReviewChainsIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingCalendar calendar;

	long chainId;

	long stepId;

	@BeforeEach
	void aChainOfItsOwn() {
		String code = "test-" + System.nanoTime();
		chainId = jdbc.sql("""
				INSERT INTO cases_chain (code, name, name_en, case_type, notice_days, active)
				VALUES (?, '测试流程', 'Test chain', 'ASSISTANCE', 5, FALSE) RETURNING id""")
			.param(code)
			.query(Long.class)
			.single();
		stepId = jdbc.sql("""
				INSERT INTO cases_chain_step (chain_id, position, code, name, name_en, role, level, sla_days, form)
				VALUES (?, 1, 'review', '审核', 'Review', 'REVIEWER', 'ANY', 5, 'COMMENT') RETURNING id""")
			.param(chainId)
			.query(Long.class)
			.single();
	}

	@Test
	void theShippedChainsFollowThePlansAndAreListedForEveryCaseUser() {
		OrganisationView org = fixtures.organisation("流程查看");
		Http caseworker = Http.basic(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		JsonNode chains = JSON.readTree(caseworker.get("/api/v1/chains").body());
		Map<String, JsonNode> byCode = new java.util.HashMap<>();
		chains.forEach(c -> byCode.put(c.path("code").asText(), c));
		assertThat(byCode).containsKeys("union-filing", "dibao-filing", "company-filing", "union-exit");
		JsonNode dibao = byCode.get("dibao-filing");
		assertThat(dibao.path("noticeDays").asInt()).isEqualTo(7);
		assertThat(dibao.path("effectiveFrom").asText()).isEqualTo("NEXT_MONTH");
		assertThat(dibao.path("steps").get(0).path("form").asText()).isEqualTo("INVESTIGATION");
		assertThat(dibao.path("steps").get(0).path("level").asText()).isEqualTo("TOWNSHIP");
		assertThat(dibao.path("steps").get(1).path("form").asText()).isEqualTo("COLLECTIVE_DECISION");
		JsonNode company = byCode.get("company-filing");
		assertThat(company.path("noticeDays").asInt()).isEqualTo(3);
		assertThat(company.path("steps")).hasSize(5);
		assertThat(company.path("steps").get(3).path("form").asText()).isEqualTo("NOTICE");
		JsonNode union = byCode.get("union-filing");
		assertThat(union.path("steps").get(1).path("requiredDocuments").get(0).asText()).isEqualTo("CROSS_CHECK_REPORT");
		assertThat(union.path("steps").get(3).path("role").asText()).isEqualTo("APPROVER");
		assertThat(byCode.get("union-exit").path("caseType").asText()).isEqualTo("EXIT");

		JsonNode checklist = JSON.readTree(caseworker.get("/api/v1/chains/checklists/NEW_FILING").body());
		assertThat(checklist.toString()).contains("AUTHORISATION", "LABOUR_RELATION", "HARDSHIP")
			.contains("\"kind\":\"IDENTITY\",\"rule\":\"EACH_MEMBER\"");

		Http page = Http.loggedIn(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		String list = page.get("/chains").body();
		assertThat(list).contains("最低生活保障申请（民政）", "公示栏公示3天", "7 天");
		String detail = page.get("/chains/" + byCode.get("company-filing").path("id").asLong()).body();
		assertThat(detail).contains("经理办公会研究", "集体研究").doesNotContain("step-form");
	}

	@Test
	void aRootAdministratorChangesStepRolesSlaAndDocumentsOnThePageAndTheChangeIsAudited() {
		long root = fixtures.everything().organisationId();
		Http admin = Http.loggedIn(port, fixtures.user(root, Role.ADMIN), Fixtures.PASSWORD);
		String detail = admin.get("/chains/" + chainId).body();
		assertThat(detail).contains("step-form");
		int version = jdbc.sql("SELECT version FROM cases_chain WHERE id = ?").param(chainId).query(Integer.class).single();
		HttpResponse<String> save = admin.form("/chains/" + chainId + "/steps/" + stepId, Map.of("version",
				String.valueOf(version), "role", "APPROVER", "level", "COUNTY", "organisationType", "UNION", "slaDays", "12",
				"slaWorkingDays", "true", "requiredDocuments", "EXIT_FORM", "outcomes", "PASS"));
		assertThat(save.statusCode()).isEqualTo(302);
		String after = admin.get("/chains/" + chainId).body();
		assertThat(after).contains("流程已保存");
		var row = jdbc.sql("SELECT role, level, organisation_type, sla_days, required_documents::text, outcomes::text FROM cases_chain_step WHERE id = ?")
			.param(stepId)
			.query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getInt(4) + "|"
					+ rs.getString(5) + "|" + rs.getString(6))
			.single();
		assertThat(row).isEqualTo("APPROVER|COUNTY|UNION|12|{EXIT_FORM}|{PASS}");
		String audit = jdbc.sql("SELECT detail::text FROM audit_event WHERE action = 'chain.step.update' AND object_id = ? ORDER BY id DESC LIMIT 1")
			.param(String.valueOf(chainId))
			.query(String.class)
			.single();
		assertThat(audit).contains("\"slaDays\":5").contains("\"slaDays\":12");

		// The notice period through the API; an old version is refused.
		Http api = Http.basic(port, fixtures.user(root, Role.ADMIN), Fixtures.PASSWORD);
		HttpResponse<String> put = api.json("PUT", "/api/v1/chains/" + chainId,
				"{\"version\": " + (version + 1) + ", \"noticeDays\": 9, \"noticeWorkingDays\": true, \"active\": false}");
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		assertThat(JSON.readTree(put.body()).path("noticeDays").asInt()).isEqualTo(9);
		HttpResponse<String> stale = api.json("PUT", "/api/v1/chains/" + chainId,
				"{\"version\": " + version + ", \"noticeDays\": 4, \"noticeWorkingDays\": true, \"active\": false}");
		assertThat(stale.statusCode()).isEqualTo(409);
	}

	@Test
	void onlyAnAdministratorOfTheRootChangesChains() {
		OrganisationView county = fixtures.organisation("县工会");
		Http countyAdmin = Http.basic(port, fixtures.user(county.id(), Role.ADMIN), Fixtures.PASSWORD);
		String body = "{\"version\": 0, \"noticeDays\": 9, \"noticeWorkingDays\": true, \"active\": false}";
		assertThat(countyAdmin.json("PUT", "/api/v1/chains/" + chainId, body).statusCode()).isEqualTo(403);
		Http reviewer = Http.basic(port, fixtures.user(county.id(), Role.REVIEWER), Fixtures.PASSWORD);
		assertThat(reviewer.json("PUT", "/api/v1/chains/" + chainId, body).statusCode()).isEqualTo(403);
		Http admin = Http.basic(port, fixtures.user(fixtures.everything().organisationId(), Role.ADMIN), Fixtures.PASSWORD);
		String step = "{\"version\": 0, \"role\": \"REVIEWER\", \"level\": \"ANY\", \"slaDays\": 5, \"outcomes\": [\"RETURN\"]}";
		HttpResponse<String> noPass = admin.json("PUT", "/api/v1/chains/" + chainId + "/steps/" + stepId, step);
		assertThat(noPass.statusCode()).isEqualTo(400);
		assertThat(noPass.body()).contains("通过");
		assertThat(jdbc.sql("SELECT notice_days FROM cases_chain WHERE id = ?").param(chainId).query(Integer.class).single())
			.isEqualTo(5);
	}

	@Test
	void aRootAdministratorAddsNextYearsHolidaysAndWorkingDaysFollow() {
		java.time.LocalDate day = java.time.LocalDate.of(2027, 2, 8);
		assertThat(calendar.isWorkingDay(day)).as("a Monday").isTrue();
		Http countyAdmin = Http.basic(port, fixtures.user(fixtures.organisation("县工会").id(), Role.ADMIN), Fixtures.PASSWORD);
		String body = "{\"kind\": \"holiday\", \"name\": \"春节\", \"nameEn\": \"Spring Festival\"}";
		assertThat(countyAdmin.json("PUT", "/api/v1/calendar/" + day, body).statusCode()).isEqualTo(403);
		Http admin = Http.basic(port, fixtures.user(fixtures.everything().organisationId(), Role.ADMIN), Fixtures.PASSWORD);
		try {
			assertThat(admin.json("PUT", "/api/v1/calendar/" + day, body).statusCode()).isEqualTo(200);
			assertThat(calendar.isWorkingDay(day)).isFalse();
			Http page = Http.loggedIn(port, fixtures.user(fixtures.organisation("查看").id(), Role.REVIEWER), Fixtures.PASSWORD);
			assertThat(page.get("/calendar?year=2027").body()).contains("2027-02-08", "春节").doesNotContain("calendar-form");
			assertThat(page.get("/calendar?year=2026").body()).contains("2026-10-10", "调休上班");
		}
		finally {
			admin.delete("/api/v1/calendar/" + day);
		}
		assertThat(calendar.isWorkingDay(day)).isTrue();
	}

}
