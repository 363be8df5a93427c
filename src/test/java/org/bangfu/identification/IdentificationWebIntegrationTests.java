package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pages and API of identification: what users see, what their roles allow, scope by organisation. */
@IntegrationTest
@Import({ Fixtures.class, Places.class })
class IdentificationWebIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Places places;

	@Autowired
	Standards standards;

	@Autowired
	RuleSets ruleSets;

	Places.Place place;

	HouseholdView household;

	LocalDate today;

	@BeforeEach
	void setUp() {
		place = places.county("页面测试工会");
		today = LocalDate.now(org.bangfu.shared.BusinessClock.zone());
		standards.add(place.scope(), new AddStandard("dibao_urban", place.county(), new BigDecimal("300"), null,
				LocalDate.of(2020, 1, 1), null, null));
		household = places.workedExample(place.scope(), place.township(), today);
	}

	Http api(Role role) {
		return Http.basic(port, fixtures.user(place.organisation().id(), role), Fixtures.PASSWORD);
	}

	Http browser(Role role) {
		return Http.loggedIn(port, fixtures.user(place.organisation().id(), role), Fixtures.PASSWORD);
	}

	@Test
	void theHouseholdPageLoadsTheDecisionPanelWhichExplainsTheClass() {
		Http cadre = browser(Role.PAIRING_CADRE);
		String page = cadre.get("/households/" + household.id()).body();
		assertThat(page).contains("hx-get=\"/identification/households/" + household.id() + "/panel\"");
		HttpResponse<String> panel = cadre.get("/identification/households/" + household.id() + "/panel");
		assertThat(panel.statusCode()).isEqualTo(200);
		assertThat(panel.body()).contains("深度困难").contains("(家庭年收入 8,400.00 − 年刚性支出 0.00) ÷ 12 ÷ 家庭人口 3 = 233.333333… &lt; 城市低保标准（每人每月） 300.00 ✓ → 深度困难")
			.contains("城市低保标准").contains(place.county()).doesNotContain("记录此认定");
		Http caseworker = browser(Role.CASEWORKER);
		caseworker.get("/households/" + household.id());
		HttpResponse<String> recorded = caseworker.form("/identification/households/" + household.id() + "/decisions",
				Map.of("ruleSet", "union-classes", "asOf", today.toString()));
		assertThat(recorded.statusCode()).isEqualTo(302);
		String history = caseworker.get("/identification/households/" + household.id() + "/decisions").body();
		assertThat(history).contains("工会困难职工分类（深度困难／相对困难／意外致困） 第 1 版").doesNotContain("union-classes v1").contains("深度困难");
		assertThat(caseworker.get("/identification/households/" + household.id() + "/panel?lang=en").body())
			.contains("Deep hardship").contains("Recorded: Deep hardship");
	}

	@Test
	void anotherOrganisationSeesNeitherThePanelNorTheDecisions() {
		Places.Place other = places.county("别家工会");
		Http stranger = Http.loggedIn(port, fixtures.user(other.organisation().id(), Role.ADMIN), Fixtures.PASSWORD);
		assertThat(stranger.get("/identification/households/" + household.id() + "/panel").statusCode()).isEqualTo(404);
		Http strangerApi = Http.basic(port, fixtures.user(other.organisation().id(), Role.ADMIN), Fixtures.PASSWORD);
		assertThat(strangerApi.get("/api/v1/households/" + household.id() + "/decision").statusCode()).isEqualTo(404);
		assertThat(strangerApi.json("POST", "/api/v1/households/" + household.id() + "/decisions",
				"{\"ruleSetCode\": \"union-classes\"}").statusCode()).isEqualTo(404);
	}

	@Test
	void anAdministratorAddsAStandardOnThePageAndSeesWhereItApplies() {
		Http admin = browser(Role.ADMIN);
		String list = admin.get("/identification/standards").body();
		assertThat(list).contains("城市低保标准（每人每月）");
		HttpResponse<String> added = admin.form("/identification/standards", Map.of("kind", "dibao_urban", "regionCode",
				place.township(), "value", "250.00", "effectiveFrom", today.toString(), "note", "2026 年调标"));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(admin.get("/identification/standards?region=" + place.county().substring(0, 6)).body())
			.contains("已新增标准 dibao_urban = 250.00（第 1 版）").contains("2026 年调标");
		String applicable = admin.get("/identification/standards/applicable?regionCode=" + place.otherTownship()).body();
		assertThat(applicable).contains("300.00").contains("上级区划");
		HttpResponse<String> outside = admin.form("/identification/standards", Map.of("kind", "dibao_urban", "regionCode",
				"110101001000", "value", "250.00", "effectiveFrom", today.toString()));
		assertThat(outside.statusCode()).isEqualTo(302);
		assertThat(admin.get("/identification/standards").body()).contains("只能为本机构所在区划及其下级区划设置标准");
		Http caseworker = browser(Role.CASEWORKER);
		caseworker.get("/identification/standards");
		assertThat(caseworker.form("/identification/standards", Map.of("kind", "dibao_urban", "value", "1",
				"effectiveFrom", today.toString())).statusCode()).isEqualTo(403);
	}

	@Test
	void theRuleSetEditorRunsTestCasesAndShowsRowErrorsBeforeSaving() {
		long union = ruleSets.list(place.scope()).stream()
			.filter(r -> r.code().equals("union-classes") && r.active())
			.findFirst()
			.orElseThrow()
			.id();
		Http admin = browser(Role.ADMIN);
		String page = admin.get("/identification/rule-sets/" + union).body();
		assertThat(page).contains("std_month(&#39;dibao_urban&#39;)").contains("可以查看、运行测试或复制");
		assertThat(page).as("one form row per shipped test case, facts as name = value")
			.contains("income_year = 24000", "essential_spending_year = 6000", "size = 3")
			.contains("value=\"dibao_urban = 300\"");
		Map<String, String> form = new java.util.HashMap<>(Map.of(
				"nameZh", "甲", "nameEn", "A", "rows[0].condition", "per_capita_income_month < std_month('dibao_urban')",
				"rows[0].outcome", "DEEP", "rows[0].labelZh", "深度困难", "rows[0].labelEn", "Deep", "defaultOutcome", "NONE",
				"defaultLabelZh", "否", "defaultLabelEn", "No"));
		form.putAll(Map.of("cases[0].name", "低于", "cases[0].facts", "per_capita_income_month = 299.99",
				"cases[0].standards", "dibao_urban = 300", "cases[0].expected", "DEEP",
				"cases[1].name", "等于", "cases[1].facts", "per_capita_income_month = 300", "cases[1].standards", "dibao_urban = 300",
				"cases[1].expected", "DEEP", "cases[2].name", "删掉的", "cases[2].expected", "NONE"));
		form.put("cases[2].remove", "true");
		HttpResponse<String> pass = admin.form("/identification/rule-sets/" + union + "/tests", form);
		assertThat(pass.body()).contains("1 个测试用例未通过（共 2 个）").contains("期望 DEEP，实际 NONE");
		form.put("cases[1].facts", "per_capita_income_month 300");
		assertThat(admin.form("/identification/rule-sets/" + union + "/tests", form).body())
			.contains("测试用例第 2 行：无法读取“per_capita_income_month 300”");
		HttpResponse<String> broken = admin.form("/identification/rule-sets/" + union + "/tests", Map.of(
				"nameZh", "甲", "nameEn", "A", "rows[0].condition", "while (true) { income_year > 1 }", "rows[0].outcome", "DEEP",
				"rows[0].labelZh", "深度困难", "rows[0].labelEn", "Deep", "defaultOutcome", "NONE", "defaultLabelZh", "否",
				"defaultLabelEn", "No"));
		assertThat(broken.body()).contains("第 1 行：第 1 个字符处：“while”不属于规则语言");
	}

	@Test
	void theApiEvaluatesRecordsBatchesAndTriesProposals() {
		Http caseworker = api(Role.CASEWORKER);
		HttpResponse<String> live = caseworker.get("/api/v1/households/" + household.id() + "/decision?ruleSet=union-classes");
		assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
		JsonNode e = JSON.readTree(live.body()).get(0);
		assertThat(e.path("outcome").asText()).isEqualTo("DEEP");
		assertThat(e.path("explanation").path("standards").get(0).path("regionCode").asText()).isEqualTo(place.county());
		HttpResponse<String> rec = caseworker.json("POST", "/api/v1/households/" + household.id() + "/decisions",
				"{\"ruleSetCode\": \"union-classes\"}");
		assertThat(rec.statusCode()).as(rec.body()).isEqualTo(201);
		long decision = JSON.readTree(rec.body()).path("id").asLong();
		JsonNode stored = JSON.readTree(caseworker.get("/api/v1/decisions/" + decision).body());
		assertThat(stored.path("explanation").path("summary").asText()).endsWith("→ 深度困难");
		HttpResponse<String> listed = caseworker.language("en").get("/api/v1/decisions?ruleSet=union-classes");
		assertThat(JSON.readTree(listed.body()).path("total").asLong()).as(listed.body()).isEqualTo(1);
		HttpResponse<String> batch = caseworker.json("POST", "/api/v1/evaluations", "{\"ruleSetCode\": \"near-dibao\"}");
		assertThat(batch.statusCode()).as(batch.body()).isEqualTo(202);
		assertThat(batch.headers().firstValue("Location").orElse("")).startsWith("/api/v1/jobs/");
		HttpResponse<String> selection = caseworker.json("POST", "/api/v1/evaluations",
				"{\"ruleSetCode\": \"tiers-plan4\", \"householdIds\": [" + household.id() + "]}");
		assertThat(JSON.readTree(selection.body()).path("evaluated").asInt()).isEqualTo(1);
		HttpResponse<String> whatIf = caseworker.json("POST", "/api/v1/what-if", """
				{"ruleSetCode": "union-classes", "standard": {"kind": "dibao_urban", "regionCode": "%s", "value": 200}}
				""".formatted(place.county()));
		assertThat(whatIf.statusCode()).as(whatIf.body()).isEqualTo(200);
		JsonNode w = JSON.readTree(whatIf.body());
		assertThat(w.path("households").asLong()).isEqualTo(1);
		assertThat(w.path("changed").asLong()).isEqualTo(1);
		assertThat(w.path("moves").get(0).path("to").asText()).isEqualTo("RELATIVE");
		assertThat(caseworker.json("POST", "/api/v1/standards", """
				{"kind": "dibao_urban", "regionCode": "%s", "value": 200, "effectiveFrom": "2026-01-01"}""".formatted(place.county()))
			.statusCode()).isEqualTo(403);
		Http approver = api(Role.APPROVER);
		HttpResponse<String> std = approver.json("POST", "/api/v1/standards", """
				{"kind": "dibao_urban", "regionCode": "%s", "value": 200, "effectiveFrom": "%s"}""".formatted(place.county(), today));
		assertThat(std.statusCode()).as(std.body()).isEqualTo(201);
		for (JsonNode d : JSON.readTree(caseworker.get("/api/v1/households/" + household.id() + "/decisions").body())) {
			String code = d.path("ruleSetCode").asText();
			if (code.equals("union-classes") || code.equals("tiers-plan4")) {
				assertThat(d.path("stale").asBoolean()).as("uses the dibao line: " + d).isEqualTo(code.equals("union-classes"));
			}
		}
		HttpResponse<String> check = approver.json("POST", "/api/v1/rule-sets/check", """
				{"nameZh": "甲", "nameEn": "A", "rows": [{"condition": "incme_year < 1", "outcome": "A", "labelZh": "甲", "labelEn": "A"}],
				 "defaultOutcome": "NONE", "defaultLabelZh": "否", "defaultLabelEn": "No"}""");
		assertThat(JSON.readTree(check.body()).get(0).path("message").asText()).contains("是不是“income_year”");
		assertThat(Http.browser(port).get("/v3/api-docs").body()).contains("/api/v1/what-if").contains("/api/v1/rule-sets/{id}/tests")
			.contains("/api/v1/standards/applicable").contains("/api/v1/evaluations");
	}

	@Test
	void theWhatIfPageShowsTheMovesWithoutSavingAnything() {
		Http reviewer = browser(Role.REVIEWER);
		String page = reviewer.get("/identification/what-if?ruleSet=union-classes&kind=dibao_urban&regionCode=" + place.county()
				+ "&value=200").body();
		assertThat(page).contains("共 1 户，1 户结果改变").contains("深度困难").contains("相对困难").contains(household.fileNo());
		assertThat(standards.resolve(place.township(), today, java.util.Set.of("dibao_urban")).get("dibao_urban").value())
			.isEqualByComparingTo("300");
	}

	@Test
	void aRefusedActivationListsTheFailingCasesOnThePageAndInTheProblemDetails() {
		String code = "refused-" + System.nanoTime() % 100000000;
		RuleSetView draft = ruleSets.create(place.scope(), code, new RuleSetContent("线", "Line", null,
				java.util.List.of(new RuleRow("per_capita_income_month < 300", "LOW", "低", "Low")), "NONE", "否", "No",
				java.util.List.of(new TestCase("低于", Map.of("per_capita_income_month", 299.99), Map.of(), "LOW"),
						new TestCase("恰为 300", Map.of("per_capita_income_month", 300), Map.of(), "LOW"),
						new TestCase("899.99 ÷ 3", Map.of("income_month", 899.99, "size", 3), Map.of(), "NONE"))));
		HttpResponse<String> refused = api(Role.ADMIN).language("en").json("POST", "/api/v1/rule-sets/" + draft.id() + "/activate", "{}");
		assertThat(refused.statusCode()).isEqualTo(409);
		JsonNode problem = JSON.readTree(refused.body());
		assertThat(problem.get("detail").asText()).isEqualTo("2 test case(s) fail: the rule set cannot be activated. "
				+ "case 2 “恰为 300” expected LOW, got NONE; case 3 “899.99 ÷ 3” expected NONE, got LOW");
		assertThat(problem.get("failedCases")).hasSize(2);
		assertThat(problem.get("failedCases").get(1).get("expected").asText()).isEqualTo("NONE");
		assertThat(problem.get("failedCases").get(1).get("actual").asText()).isEqualTo("LOW");

		Http admin = browser(Role.ADMIN);
		admin.get("/identification/rule-sets/" + draft.id());
		HttpResponse<String> post = admin.form("/identification/rule-sets/" + draft.id() + "/activate", Map.of());
		assertThat(post.statusCode()).isEqualTo(302);
		String page = admin.get("/identification/rule-sets/" + draft.id()).body();
		assertThat(page).contains("有 2 个测试用例未通过，不能启用。").contains("未通过的测试用例")
			.contains("第 2 个用例“恰为 300”期望 LOW，实际 NONE").contains("第 3 个用例“899.99 ÷ 3”期望 NONE，实际 LOW");
	}

}
