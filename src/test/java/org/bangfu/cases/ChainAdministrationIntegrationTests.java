package org.bangfu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.organisation.OrganisationType.OTHER;
import static org.bangfu.organisation.OrganisationType.UNION;
import static org.bangfu.shared.Role.ADMIN;
import static org.bangfu.shared.Role.CASEWORKER;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bangfu.cases.CaseWorld.Family;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.registry.HouseholdRegistry;
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

/**
 * A root administrator creates chains (from scratch or as a copy, under the rules of step editing),
 * marks the default chain of a case type and kind of organisation, reorders checklists, and a step
 * form sent with bad input comes back with the message next to its field and changes nothing.
 */
@IntegrationTest
@Import(Fixtures.class)
class ChainAdministrationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	JdbcClient jdbc;

	CaseWorld world;

	Http rootAdmin;

	Http adminPage;

	@BeforeEach
	void setUp() {
		world = new CaseWorld(port, fixtures, organisations, registry);
		long root = fixtures.everything().organisationId();
		rootAdmin = Http.basic(port, fixtures.user(root, ADMIN), Fixtures.PASSWORD);
		adminPage = Http.loggedIn(port, fixtures.user(root, ADMIN), Fixtures.PASSWORD);
	}

	@Test
	void aStepFormWithBadInputAnswersWithTheMessageNextToTheFieldKeepsWhatWasTypedAndChangesNothing() {
		long chainId = testChain();
		String before = snapshot(chainId);
		JsonNode chain = chain(chainId);
		int version = chain.path("version").asInt();
		long review = chain.path("steps").get(0).path("id").asLong();
		adminPage.get("/chains/" + chainId);

		HttpResponse<String> badSla = post(adminPage, "/chains/" + chainId + "/steps/" + review, List.of(
				"version", "" + version, "name", "改过的审核", "nameEn", "Changed review", "role", "APPROVER", "level", "COUNTY",
				"organisationType", "", "slaDays", "三天", "slaWorkingDays", "true", "form", "COMMENT",
				"requiredDocuments", "EXIT_FORM", "outcomes", "PASS", "outcomes", "RETURN"));
		assertThat(badSla.statusCode()).isEqualTo(200);
		assertThat(badSla.body()).contains("id=\"step-" + review + "-slaDays-error\"", "办理时限为 1 至 365 天", "is-invalid",
				"value=\"三天\"", "value=\"改过的审核\"", "value=\"Changed review\"", "未保存")
			.doesNotContain("step-" + review + "-name-error");
		assertThat(between(badSla.body(), "id=\"step-" + review + "-role\"", "</select>"))
			.as("the role typed is kept").contains("value=\"APPROVER\" selected");

		HttpResponse<String> noPass = post(adminPage, "/chains/" + chainId + "/steps/" + review, List.of(
				"version", "" + version, "role", "REVIEWER", "level", "ANY", "slaDays", "5", "form", "COMMENT",
				"outcomes", "RETURN"));
		assertThat(noPass.body()).contains("id=\"step-" + review + "-outcomes-error\"", "每个步骤都必须允许“通过”");

		HttpResponse<String> noName = post(adminPage, "/chains/" + chainId + "/steps", List.of("version", "" + version,
				"position", "2", "name", " ", "nameEn", "Home visit", "role", "REVIEWER", "level", "TOWNSHIP", "slaDays", "8",
				"form", "INVESTIGATION", "outcomes", "PASS"));
		assertThat(noName.statusCode()).isEqualTo(200);
		assertThat(noName.body()).contains("id=\"new-name-error\"", "请填写步骤的中文和英文名称", "value=\"Home visit\"",
				"value=\"8\"");
		assertThat(between(noName.body(), "id=\"new-form\"", "</select>")).contains("value=\"INVESTIGATION\" selected");

		HttpResponse<String> noticeWithReturn = post(adminPage, "/chains/" + chainId + "/steps", List.of("version",
				"" + version, "name", "公示", "nameEn", "Notice", "role", "REVIEWER", "level", "ANY", "slaDays", "7",
				"form", "NOTICE", "outcomes", "PASS", "outcomes", "RETURN"));
		assertThat(noticeWithReturn.body()).contains("id=\"new-outcomes-error\"", "公示步骤只有“通过”一种结果");

		HttpResponse<String> bogusRole = post(adminPage, "/chains/" + chainId + "/steps/" + review, List.of("version",
				"" + version, "name", "保留的名字", "role", "BOSS", "level", "ANY", "slaDays", "5", "form", "COMMENT", "outcomes", "PASS"));
		assertThat(bogusRole.statusCode()).as("a choice not offered").isEqualTo(200);
		assertThat(bogusRole.body()).contains("id=\"step-" + review + "-role-error\"", "请选择办理角色", "value=\"保留的名字\"");
		HttpResponse<String> badPosition = post(adminPage, "/chains/" + chainId + "/steps", List.of("version", "" + version,
				"position", "x", "name", "核查", "nameEn", "Check", "role", "REVIEWER", "level", "ANY", "slaDays", "5",
				"form", "COMMENT", "outcomes", "PASS"));
		assertThat(badPosition.body()).contains("id=\"new-position-error\"", "value=\"核查\"");

		HttpResponse<String> stale = post(adminPage, "/chains/" + chainId + "/steps/" + review + "/remove",
				List.of("version", "" + (version + 7)));
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("id=\"step-" + review + "-global-error\"", "已被他人修改");

		assertThat(snapshot(chainId)).as("nothing changed").isEqualTo(before);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action LIKE 'chain.%' AND object_id = ?")
			.param(String.valueOf(chainId)).query(Long.class).single()).isZero();

		// The same form with good input saves.
		HttpResponse<String> ok = post(adminPage, "/chains/" + chainId + "/steps/" + review, List.of("version", "" + version,
				"name", "改过的审核", "nameEn", "Changed review", "role", "APPROVER", "level", "ANY", "slaDays", "3",
				"form", "COMMENT", "outcomes", "PASS"));
		assertThat(ok.statusCode()).isEqualTo(302);
		assertThat(names(chain(chainId))).containsExactly("改过的审核", "审批");
	}

	@Test
	void theSettingsFormWithABadValueAnswersWithTheMessageNextToTheFieldKeepsWhatWasTypedAndChangesNothing() {
		long chainId = testChain();
		String before = snapshot(chainId) + settings(chainId);
		int version = chain(chainId).path("version").asInt();
		String page = adminPage.get("/chains/" + chainId).body();
		assertThat(tag(page, "name=\"noticeDays\"")).as("the form shows the saved values").contains("value=\"5\"")
			.doesNotContain("is-invalid");
		assertThat(page).doesNotContain("noticeDays-error");

		HttpResponse<String> tooLong = post(adminPage, "/chains/" + chainId, List.of("version", "" + version,
				"noticeDays", "99", "noticeWorkingDays", "true", "active", "true"));
		assertThat(tooLong.statusCode()).as("the page answers").isEqualTo(200);
		assertThat(tag(tooLong.body(), "name=\"noticeDays\"")).contains("is-invalid", "value=\"99\"");
		assertThat(tooLong.body()).contains("id=\"noticeDays-error\"", "公示天数为 1 至 60 天", "未保存");
		assertThat(tag(tooLong.body(), "id=\"active\"")).as("the ticks typed are kept").contains("checked");
		assertThat(tag(tooLong.body(), "id=\"noticeWorkingDays\"")).contains("checked");
		assertThat(tag(tooLong.body(), "id=\"defaultChain\"")).doesNotContain("checked");

		Http english = Http.loggedIn(port, fixtures.user(fixtures.everything().organisationId(), ADMIN), Fixtures.PASSWORD);
		english.get("/chains/" + chainId + "?lang=en");
		HttpResponse<String> words = post(english, "/chains/" + chainId, List.of("version", "" + version,
				"noticeDays", "五天"));
		assertThat(words.statusCode()).isEqualTo(200);
		assertThat(tag(words.body(), "name=\"noticeDays\"")).contains("is-invalid", "value=\"五天\"");
		assertThat(words.body()).contains("id=\"noticeDays-error\"", "Notice days must be 1 to 60.");

		HttpResponse<String> stale = post(adminPage, "/chains/" + chainId, List.of("version", "" + (version + 7),
				"noticeDays", "9"));
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("id=\"chain-form-errors\"", "已被他人修改", "value=\"9\"")
			.doesNotContain("noticeDays-error");

		assertThat(snapshot(chainId) + settings(chainId)).as("nothing changed").isEqualTo(before);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'chain.update' AND object_id = ?")
			.param(String.valueOf(chainId)).query(Long.class).single()).isZero();

		HttpResponse<String> ok = post(adminPage, "/chains/" + chainId, List.of("version", "" + version, "noticeDays", "9",
				"noticeWorkingDays", "true"));
		assertThat(ok.statusCode()).isEqualTo(302);
		assertThat(settings(chainId)).isEqualTo("9|true|false|false");
		assertThat(adminPage.get("/chains/" + chainId).body()).contains("value=\"9\"").doesNotContain("is-invalid");
	}

	/** The chain's settings as text: notice days, working days, active, default. */
	String settings(long chainId) {
		return jdbc.sql("SELECT notice_days || '|' || notice_working_days || '|' || active || '|' || default_chain FROM cases_chain WHERE id = ?")
			.param(chainId).query(String.class).single();
	}

	/** The HTML tag that holds the marker (an attribute). */
	static String tag(String html, String marker) {
		int at = html.indexOf(marker);
		assertThat(at).as(marker).isNotNegative();
		return html.substring(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
	}

	@Test
	void checklistItemsAreReorderedOnThePageAndThroughTheApiAndTheMoveIsAudited() {
		List<String> original = kinds("NEW_FILING");
		assertThat(original).startsWith("APPLICATION", "AUTHORISATION", "IDENTITY");
		try {
			HttpResponse<String> moved = rootAdmin.json("POST", "/api/v1/chains/checklists/NEW_FILING/IDENTITY/move",
					"{\"position\": 1}");
			assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
			assertThat(kinds("NEW_FILING")).startsWith("IDENTITY", "APPLICATION", "AUTHORISATION");
			assertThat(rootAdmin.json("POST", "/api/v1/chains/checklists/NEW_FILING/IDENTITY/move", "{\"position\": 0}")
				.statusCode()).isEqualTo(400);
			assertThat(rootAdmin.json("POST", "/api/v1/chains/checklists/NEW_FILING/EXIT_FORM/move", "{\"position\": 1}")
				.statusCode()).as("not on the list").isEqualTo(404);
			OrganisationView org = world.org(null, "排序工会", UNION, "420102");
			assertThat(world.api(org.id(), ADMIN).json("POST", "/api/v1/chains/checklists/NEW_FILING/IDENTITY/move",
					"{\"position\": 2}").statusCode()).isEqualTo(403);

			String page = adminPage.get("/checklists").body();
			assertThat(page).contains("down-NEW_FILING-IDENTITY", "up-NEW_FILING-APPLICATION")
				.doesNotContain("up-NEW_FILING-IDENTITY");
			HttpResponse<String> down = adminPage.form("/checklists/NEW_FILING/IDENTITY/move", Map.of("position", "3"));
			assertThat(down.statusCode()).isEqualTo(302);
			assertThat(adminPage.get("/checklists").body()).contains("材料顺序已调整");
			assertThat(kinds("NEW_FILING")).startsWith("APPLICATION", "AUTHORISATION", "IDENTITY");
			Http reader = Http.loggedIn(port, fixtures.user(org.id(), CASEWORKER), Fixtures.PASSWORD);
			assertThat(reader.get("/checklists").body()).doesNotContain("down-NEW_FILING-IDENTITY");
			assertThat(jdbc.sql("SELECT detail::text FROM audit_event WHERE action = 'checklist.move' AND object_id = 'NEW_FILING' ORDER BY id")
				.query(String.class).list()).anySatisfy(d -> assertThat(d).contains("\"kind\":\"IDENTITY\"", "\"from\":3", "\"to\":1"))
				.anySatisfy(d -> assertThat(d).contains("\"from\":1", "\"to\":3"));
		}
		finally {
			for (int i = 0; i < original.size(); i++) {
				jdbc.sql("UPDATE cases_checklist SET position = ? WHERE case_type = 'NEW_FILING' AND kind = ?")
					.params(i + 1, original.get(i)).update();
			}
		}
	}

	@Test
	void aNewChainIsCreatedFromScratchOrCopiedAndTheDefaultOfItsTypeAndKindIsWhatACaseGetsWithoutAChoice() {
		String code = "t-assist-" + System.nanoTime() % 100000000;
		List<Long> created = new ArrayList<>();
		try {
			// The rules of step editing apply.
			String steps = """
					[{"name": "审核", "nameEn": "Review", "role": "REVIEWER", "level": "ANY", "slaDays": 5, "form": "COMMENT", "outcomes": ["PASS", "RETURN"]},
					 {"name": "审批", "nameEn": "Approval", "role": "APPROVER", "level": "ANY", "slaDays": 5, "form": "COMMENT", "outcomes": ["PASS", "REJECT"]}]""";
			assertThat(create(code, "[]").statusCode()).isEqualTo(400);
			HttpResponse<String> twoNotices = create(code, """
					[{"name": "公示", "nameEn": "Notice", "role": "REVIEWER", "level": "ANY", "slaDays": 7, "form": "NOTICE", "outcomes": ["PASS"]},
					 {"name": "再公示", "nameEn": "Notice again", "role": "REVIEWER", "level": "ANY", "slaDays": 7, "form": "NOTICE", "outcomes": ["PASS"]}]""");
			assertThat(twoNotices.statusCode()).isEqualTo(400);
			assertThat(twoNotices.body()).contains("一个流程只能有一个公示步骤");
			assertThat(create(code, """
					[{"name": "审核", "nameEn": "Review", "role": "REVIEWER", "level": "ANY", "slaDays": 5, "form": "COMMENT", "outcomes": ["RETURN"]}]""")
				.body()).contains("每个步骤都必须允许“通过”");
			StringBuilder many = new StringBuilder("[");
			for (int i = 0; i < 21; i++) {
				many.append(i == 0 ? "" : ",").append("""
						{"name": "步骤%d", "nameEn": "Step %d", "role": "REVIEWER", "level": "ANY", "slaDays": 5, "form": "COMMENT", "outcomes": ["PASS"]}""".formatted(i, i));
			}
			assertThat(create(code, many + "]").body()).contains("20");
			assertThat(create("Bad Code", steps).body()).contains("流程代码由");
			assertThat(world.api(world.org(null, "县级工会", UNION, "420102").id(), ADMIN)
				.json("POST", "/api/v1/chains", body(code, steps)).statusCode()).isEqualTo(403);
			assertThat(jdbc.sql("SELECT count(*) FROM cases_chain WHERE code = ?").param(code).query(Long.class).single()).isZero();

			// From scratch, the default for companies' assistance requests.
			HttpResponse<String> res = create(code, steps);
			assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
			JsonNode scratch = CaseWorld.JSON.readTree(res.body());
			created.add(scratch.path("id").asLong());
			assertThat(scratch.path("defaultChain").asBoolean()).isTrue();
			assertThat(scratch.path("organisationType").asText()).isEqualTo("OTHER");
			assertThat(scratch.path("revision").asInt()).isEqualTo(1);
			assertThat(names(scratch)).containsExactly("审核", "审批");
			assertThat(create(code, steps).body()).as("the code is taken").contains("已被使用");
			assertThat(jdbc.sql("SELECT detail::text FROM audit_event WHERE action = 'chain.create' AND object_id = ?")
				.param(String.valueOf(scratch.path("id").asLong())).query(String.class).single()).contains(code, "审批");

			OrganisationView other = world.org(null, "其他帮扶机构", OTHER, "420102");
			OrganisationView union = world.org(null, "默认流程工会", UNION, "420102");
			Http otherWorker = world.api(other.id(), CASEWORKER);
			Family f = world.family(other, "马立平");
			assertThat(world.open(otherWorker, "ASSISTANCE", f.id(), null).path("chainId").asLong())
				.as("the default for its kind").isEqualTo(scratch.path("id").asLong());
			Family u = world.family(union, "马立安");
			long unionChain = world.open(world.api(union.id(), CASEWORKER), "ASSISTANCE", u.id(), null).path("chainId").asLong();
			assertThat(chain(unionChain).path("code").asText()).as("the default for any kind").isEqualTo("union-assistance");

			// A copy on the page becomes the new default; the first stops being one.
			String newPage = adminPage.get("/chains/new?copyOf=" + scratch.path("id").asLong()).body();
			assertThat(newPage).contains("copy-chain-form", "new-chain-form");
			HttpResponse<String> badCopy = adminPage.form("/chains/copy", Map.of("sourceId", scratch.path("id").asText(),
					"code", code, "name", "复制的流程", "nameEn", "Copied chain", "defaultChain", "true"));
			assertThat(badCopy.statusCode()).isEqualTo(200);
			assertThat(badCopy.body()).contains("copy-code-error", "已被使用", "value=\"复制的流程\"");
			HttpResponse<String> copied = adminPage.form("/chains/copy", Map.of("sourceId", scratch.path("id").asText(),
					"code", code + "-b", "name", "复制的流程", "nameEn", "Copied chain", "defaultChain", "true"));
			assertThat(copied.statusCode()).isEqualTo(302);
			long copyId = Long.parseLong(copied.headers().firstValue("Location").orElseThrow().replaceAll(".*/chains/(\\d+).*", "$1"));
			created.add(copyId);
			JsonNode copy = chain(copyId);
			assertThat(names(copy)).containsExactly("审核", "审批");
			assertThat(copy.path("caseType").asText()).isEqualTo("ASSISTANCE");
			assertThat(copy.path("organisationType").asText()).isEqualTo("OTHER");
			assertThat(copy.path("defaultChain").asBoolean()).isTrue();
			assertThat(chain(scratch.path("id").asLong()).path("defaultChain").asBoolean()).isFalse();
			assertThat(adminPage.get("/chains/" + copyId).body()).contains("流程“复制的流程”已创建", "复制的流程");
			assertThat(adminPage.get("/chains").body()).contains("default-" + code + "-b").doesNotContain("default-" + code + "\"");
			Family g = world.family(other, "马立春");
			assertThat(world.open(otherWorker, "ASSISTANCE", g.id(), null).path("chainId").asLong()).isEqualTo(copyId);
			assertThat(world.open(otherWorker, "ASSISTANCE", world.family(other, "马立秋").id(),
					"\"chainId\": " + scratch.path("id").asLong()).path("chainId").asLong())
				.as("the chain chosen on the case form wins").isEqualTo(scratch.path("id").asLong());
			assertThat(jdbc.sql("SELECT detail::text FROM audit_event WHERE action = 'chain.copy' AND object_id = ?")
				.param(String.valueOf(copyId)).query(String.class).single()).contains("\"copyOf\":" + scratch.path("id").asLong());

			// From scratch on the page: a bad entry comes back next to its field; a good one creates the chain.
			Map<String, String> form = new java.util.HashMap<>(Map.ofEntries(Map.entry("code", code + "-c"),
					Map.entry("name", "页面新建流程"), Map.entry("nameEn", "Page chain"), Map.entry("caseType", "CHANGE"),
					Map.entry("organisationType", "OTHER"), Map.entry("noticeDays", "99"), Map.entry("stepName", "审核变更"),
					Map.entry("stepNameEn", "Review"), Map.entry("role", "REVIEWER"), Map.entry("level", "ANY"),
					Map.entry("slaDays", "5"), Map.entry("form", "COMMENT"), Map.entry("outcomes", "PASS")));
			form.put("caseType", "LOAN");
			HttpResponse<String> badType = adminPage.form("/chains", form);
			assertThat(badType.statusCode()).as("a case type not offered").isEqualTo(200);
			assertThat(badType.body()).contains("caseType-error", "请选择流程适用的案件类型", "value=\"页面新建流程\"");
			form.put("caseType", "CHANGE");
			HttpResponse<String> badDays = adminPage.form("/chains", form);
			assertThat(badDays.statusCode()).isEqualTo(200);
			assertThat(badDays.body()).contains("noticeDays-error", "公示天数为 1 至 60 天", "value=\"页面新建流程\"", "value=\"99\"");
			form.put("noticeDays", "5");
			HttpResponse<String> made = adminPage.form("/chains", form);
			assertThat(made.statusCode()).isEqualTo(302);
			long pageChain = Long.parseLong(made.headers().firstValue("Location").orElseThrow().replaceAll(".*/chains/(\\d+).*", "$1"));
			created.add(pageChain);
			JsonNode viaPage = chain(pageChain);
			assertThat(viaPage.path("caseType").asText()).isEqualTo("CHANGE");
			assertThat(viaPage.path("defaultChain").asBoolean()).isFalse();
			assertThat(names(viaPage)).containsExactly("审核变更");
			assertThat(Http.loggedIn(port, fixtures.user(other.id(), CASEWORKER), Fixtures.PASSWORD).get("/chains").body())
				.doesNotContain("new-chain-link");
		}
		finally {
			for (long id : created) {
				jdbc.sql("UPDATE cases_chain SET default_chain = FALSE, active = FALSE WHERE id = ?").param(id).update();
			}
		}
	}

	HttpResponse<String> create(String code, String steps) {
		return rootAdmin.json("POST", "/api/v1/chains", body(code, steps));
	}

	static String body(String code, String steps) {
		return """
				{"code": "%s", "name": "其他机构救助", "nameEn": "Assistance (other)", "caseType": "ASSISTANCE",
				 "organisationType": "OTHER", "noticeDays": 5, "defaultChain": true, "steps": %s}""".formatted(code, steps);
	}

	List<String> kinds(String type) {
		return jdbc.sql("SELECT kind FROM cases_checklist WHERE case_type = ? ORDER BY position, kind").param(type)
			.query(String.class).list();
	}

	long testChain() {
		return CaseWorld.twoStepChain(jdbc, "form-" + System.nanoTime(), "表单测试流程", "Form test chain", false);
	}

	/** The chain's row and steps as text, to see that nothing changed. */
	String snapshot(long chainId) {
		return jdbc.sql("SELECT version || '|' || revision || '|' || coalesce(retired_at::text, '') FROM cases_chain WHERE id = ?")
			.param(chainId).query(String.class).single()
				+ jdbc.sql("SELECT string_agg(position || name || role || level || sla_days || form || outcomes::text || required_documents::text, ';' ORDER BY position) FROM cases_chain_step WHERE chain_id = ?")
					.param(chainId).query(String.class).single();
	}

	JsonNode chain(long id) {
		HttpResponse<String> res = rootAdmin.get("/api/v1/chains/" + id);
		assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
		return CaseWorld.JSON.readTree(res.body());
	}

	static List<String> names(JsonNode chain) {
		List<String> names = new ArrayList<>();
		chain.path("steps").forEach(s -> names.add(s.path("name").asText()));
		return names;
	}

	static String between(String text, String from, String to) {
		int a = text.indexOf(from);
		assertThat(a).as(from).isNotNegative();
		return text.substring(a, text.indexOf(to, a));
	}

	/** Posts a form whose fields may repeat (checkboxes), with the session's CSRF token; fields: name, value, name, value… */
	static HttpResponse<String> post(Http http, String path, List<String> fields) {
		List<String> all = new ArrayList<>(fields);
		all.add("_csrf");
		all.add(http.csrf());
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < all.size(); i += 2) {
			body.append(i == 0 ? "" : "&").append(enc(all.get(i))).append('=').append(enc(all.get(i + 1)));
		}
		return http.send(http.request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build());
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
