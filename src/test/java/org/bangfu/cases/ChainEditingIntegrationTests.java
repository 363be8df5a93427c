package org.bangfu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.organisation.OrganisationType.UNION;
import static org.bangfu.shared.Role.ADMIN;
import static org.bangfu.shared.Role.APPROVER;
import static org.bangfu.shared.Role.CASEWORKER;
import static org.bangfu.shared.Role.REVIEWER;

import java.net.http.HttpResponse;
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
 * Chains and checklists are configuration an administrator edits: steps are added, moved, changed
 * and removed (a chain cases use gets a new revision and the running cases keep their steps), and a
 * required document added to a checklist stops the submission of cases opened afterwards.
 */
@IntegrationTest
@Import(Fixtures.class)
class ChainEditingIntegrationTests {

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

	OrganisationView org;

	Http caseworker;

	Http rootAdmin;

	@BeforeEach
	void setUp() {
		world = new CaseWorld(port, fixtures, organisations, registry);
		org = world.org(null, "流程编辑工会", UNION, "420102");
		caseworker = world.api(org.id(), CASEWORKER);
		rootAdmin = Http.basic(port, fixtures.user(fixtures.everything().organisationId(), ADMIN), Fixtures.PASSWORD);
	}

	@Test
	void stepsAreAddedMovedAndRemovedAndARunningCaseKeepsTheStepsItStartedWith() {
		long chainId = testChain();
		JsonNode chain = chain(chainId);
		JsonNode added = ok(rootAdmin.json("POST", "/api/v1/chains/" + chainId + "/steps", """
				{"version": %d, "position": 2, "name": "入户核查", "nameEn": "Home check", "role": "REVIEWER", "level": "ANY",
				 "slaDays": 7, "form": "INVESTIGATION", "outcomes": ["PASS", "RETURN"]}""".formatted(chain.path("version").asInt())));
		assertThat(added.path("id").asLong()).as("no case uses it: changed in place").isEqualTo(chainId);
		assertThat(names(added)).containsExactly("审核", "入户核查", "审批");
		long check = added.path("steps").get(1).path("id").asLong();
		JsonNode moved = ok(rootAdmin.json("POST", "/api/v1/chains/" + chainId + "/steps/" + check + "/move",
				"{\"version\": " + added.path("version").asInt() + ", \"position\": 1}"));
		assertThat(names(moved)).containsExactly("入户核查", "审核", "审批");
		assertThat(moved.path("steps").get(0).path("position").asInt()).isEqualTo(1);
		HttpResponse<String> stale = rootAdmin.json("POST", "/api/v1/chains/" + chainId + "/steps/" + check + "/move",
				"{\"version\": " + added.path("version").asInt() + ", \"position\": 3}");
		assertThat(stale.statusCode()).as("an old version is refused").isEqualTo(409);
		HttpResponse<String> noticeWithReturn = rootAdmin.json("POST", "/api/v1/chains/" + chainId + "/steps", """
				{"version": %d, "name": "公示", "nameEn": "Notice", "role": "REVIEWER", "level": "ANY", "slaDays": 7,
				 "form": "NOTICE", "outcomes": ["PASS", "RETURN"]}""".formatted(moved.path("version").asInt()));
		assertThat(noticeWithReturn.statusCode()).isEqualTo(400);
		assertThat(noticeWithReturn.body()).contains("公示步骤只有“通过”");
		HttpResponse<String> countyAdmin = world.api(org.id(), ADMIN).json("POST", "/api/v1/chains/" + chainId + "/steps", """
				{"version": %d, "name": "x", "nameEn": "x", "role": "REVIEWER", "level": "ANY", "slaDays": 7,
				 "form": "COMMENT", "outcomes": ["PASS"]}""".formatted(moved.path("version").asInt()));
		assertThat(countyAdmin.statusCode()).isEqualTo(403);

		// A case starts on the three steps.
		Family f = world.family(org, "韩立春");
		long caseId = world.open(caseworker, "ASSISTANCE", f.id(), "\"chainId\": " + chainId).path("id").asLong();
		assertThat(world.upload(caseworker, caseId, "ASSISTANCE_FORM", null, "form.pdf", CaseWorld.PDF).statusCode()).isEqualTo(201);
		assertThat(world.submit(caseworker, caseId).statusCode()).isEqualTo(200);

		// The administrator removes the review step on the page: the chain gets a second revision.
		Http adminPage = Http.loggedIn(port, fixtures.user(fixtures.everything().organisationId(), ADMIN), Fixtures.PASSWORD);
		long review = moved.path("steps").get(1).path("id").asLong();
		assertThat(adminPage.get("/chains/" + chainId).body()).contains("add-step-form", "remove-review", "up-approval",
				"down-review", "第 1 版");
		HttpResponse<String> removed = adminPage.form("/chains/" + chainId + "/steps/" + review + "/remove",
				Map.of("version", String.valueOf(moved.path("version").asInt())));
		assertThat(removed.statusCode()).isEqualTo(302);
		String location = removed.headers().firstValue("Location").orElseThrow();
		long revised = Long.parseLong(location.replaceAll(".*/chains/(\\d+).*", "$1"));
		assertThat(revised).isNotEqualTo(chainId);
		assertThat(adminPage.get("/chains/" + revised).body()).contains("已生成第 2 版", "第 2 版", "add-step-form")
			.doesNotContain("此版本已停用");
		JsonNode second = chain(revised);
		assertThat(second.path("code").asText()).isEqualTo(chain.path("code").asText());
		assertThat(second.path("revision").asInt()).isEqualTo(2);
		assertThat(names(second)).containsExactly("入户核查", "审批");
		JsonNode first = chain(chainId);
		assertThat(first.path("supersededBy").asLong()).isEqualTo(revised);
		assertThat(names(first)).as("the retired revision keeps its steps").containsExactly("入户核查", "审核", "审批");
		String retiredPage = adminPage.get("/chains/" + chainId).body();
		assertThat(retiredPage).contains("此版本已停用", "/chains/" + revised).doesNotContain("step-form", "add-step-form");
		List<Long> listed = new ArrayList<>();
		CaseWorld.JSON.readTree(rootAdmin.get("/api/v1/chains").body()).forEach(c -> listed.add(c.path("id").asLong()));
		assertThat(listed).as("the list shows current revisions").contains(revised).doesNotContain(chainId);
		assertThat(jdbc.sql("SELECT detail::text FROM audit_event WHERE action = 'chain.step.remove' AND object_id = ?")
			.param(String.valueOf(revised)).query(String.class).single()).contains("\"revisionOf\":" + chainId, "审核");

		// The running case walks the three steps it started with.
		Http checker = world.api(org.id(), REVIEWER);
		Http reviewer = world.api(org.id(), REVIEWER);
		world.pass(checker, caseId, CaseWorld.VISIT);
		JsonNode atReview = world.get(reviewer, caseId);
		assertThat(atReview.path("case").path("chainId").asLong()).isEqualTo(chainId);
		assertThat(atReview.path("next").path("step").path("name").asText()).isEqualTo("审核");
		world.pass(reviewer, caseId, null);
		world.pass(world.api(org.id(), APPROVER), caseId, null);
		assertThat(world.status(reviewer, caseId)).isEqualTo("APPROVED");

		// New cases get the new revision; the retired one is offered no more.
		Family g = world.family(org, "韩立夏");
		HttpResponse<String> onRetired = caseworker.json("POST", "/api/v1/cases", """
				{"type": "ASSISTANCE", "householdId": %d, "summary": "申请救助", "chainId": %d}""".formatted(g.id(), chainId));
		assertThat(onRetired.statusCode()).isEqualTo(400);
		long newCase = world.open(caseworker, "ASSISTANCE", g.id(), "\"chainId\": " + revised).path("id").asLong();
		world.upload(caseworker, newCase, "ASSISTANCE_FORM", null, "form.pdf", CaseWorld.PDF);
		world.submit(caseworker, newCase);
		world.pass(checker, newCase, CaseWorld.VISIT);
		assertThat(world.get(reviewer, newCase).path("next").path("step").path("name").asText()).isEqualTo("审批");
	}

	@Test
	void aRequiredDocumentAddedToAChecklistStopsTheSubmissionOfCasesOpenedAfterwards() {
		Family before = world.family(org, "邵春华");
		long opened = world.open(caseworker, "ASSISTANCE", before.id(), null).path("id").asLong();
		world.upload(caseworker, opened, "ASSISTANCE_FORM", null, "form.pdf", CaseWorld.PDF);
		Http adminPage = Http.loggedIn(port, fixtures.user(fixtures.everything().organisationId(), ADMIN), Fixtures.PASSWORD);
		assertThat(adminPage.get("/checklists").body()).contains("add-ASSISTANCE", "在档困难职工申请救助表");
		try {
			HttpResponse<String> add = adminPage.form("/checklists/ASSISTANCE",
					Map.of("kind", "MEETING_MINUTES", "rule", "AT_LEAST_ONE", "required", "true"));
			assertThat(add.statusCode()).isEqualTo(302);
			String page = adminPage.get("/checklists").body();
			assertThat(page).contains("申请材料清单已保存", "item-ASSISTANCE-MEETING_MINUTES");
			Http reader = Http.loggedIn(port, fixtures.user(org.id(), CASEWORKER), Fixtures.PASSWORD);
			assertThat(reader.get("/checklists").body()).contains("item-ASSISTANCE-MEETING_MINUTES").doesNotContain("add-ASSISTANCE");
			assertThat(reader.form("/checklists/ASSISTANCE", Map.of("kind", "OTHER", "rule", "AT_LEAST_ONE")).statusCode())
				.isEqualTo(403);

			Family after = world.family(org, "邵秋华");
			long later = world.open(caseworker, "ASSISTANCE", after.id(), null).path("id").asLong();
			world.upload(caseworker, later, "ASSISTANCE_FORM", null, "form.pdf", CaseWorld.PDF);
			assertThat(world.get(caseworker, later).path("missing").toString()).contains("MEETING_MINUTES");
			HttpResponse<String> refused = world.submit(caseworker, later);
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).contains("会议纪要");
			assertThat(world.submit(caseworker, opened).statusCode()).as("opened before the item was added").isEqualTo(200);

			// Optional: listed, no longer blocking.
			JsonNode optional = CaseWorld.JSON.readTree(ok200(rootAdmin.json("PUT", "/api/v1/chains/checklists/ASSISTANCE/MEETING_MINUTES",
					"{\"rule\": \"AT_LEAST_ONE\", \"required\": false}")));
			assertThat(optional.toString()).contains("\"kind\":\"MEETING_MINUTES\",\"rule\":\"AT_LEAST_ONE\",\"required\":false");
			assertThat(world.submit(caseworker, later).statusCode()).isEqualTo(200);
			assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action IN ('checklist.add', 'checklist.update') AND object_id = 'ASSISTANCE'")
				.query(Long.class).single()).isGreaterThanOrEqualTo(2);
			assertThat(world.api(org.id(), ADMIN).delete("/api/v1/chains/checklists/ASSISTANCE/MEETING_MINUTES").statusCode())
				.isEqualTo(403);
		}
		finally {
			rootAdmin.delete("/api/v1/chains/checklists/ASSISTANCE/MEETING_MINUTES");
		}
		assertThat(CaseWorld.JSON.readTree(rootAdmin.get("/api/v1/chains/checklists/ASSISTANCE").body()).toString())
			.doesNotContain("MEETING_MINUTES");
	}

	long testChain() {
		return CaseWorld.twoStepChain(jdbc, "edit-" + System.nanoTime(), "编辑测试流程", "Editing test chain", true);
	}

	JsonNode chain(long id) {
		return CaseWorld.JSON.readTree(ok200(rootAdmin.get("/api/v1/chains/" + id)));
	}

	static JsonNode ok(HttpResponse<String> res) {
		return CaseWorld.JSON.readTree(ok200(res));
	}

	static String ok200(HttpResponse<String> res) {
		assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
		return res.body();
	}

	static List<String> names(JsonNode chain) {
		List<String> names = new ArrayList<>();
		chain.path("steps").forEach(s -> names.add(s.path("name").asText()));
		return names;
	}

}
