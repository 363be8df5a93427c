package org.bangfu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.organisation.OrganisationType.UNION;
import static org.bangfu.shared.Role.APPROVER;
import static org.bangfu.shared.Role.CASEWORKER;
import static org.bangfu.shared.Role.REVIEWER;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bangfu.cases.CaseWorld.Family;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.UpdateHousehold;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.BusinessClock;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The rules a reviewer notices: four eyes, missing documents, open objections, expired SLAs and
 * two people approving at once are refused or flagged; returns and rejections keep their reason;
 * the identification decision is frozen at submission and later changes of the file show.
 */
@IntegrationTest
@Import({ Fixtures.class, CaseRulesIntegrationTests.Decisions.class })
class CaseRulesIntegrationTests {

	/** An identification module stand-in: a decision for the households a test names. */
	@TestConfiguration
	static class Decisions {

		static final Set<Long> DECIDED = ConcurrentHashMap.newKeySet();

		@Bean
		@org.springframework.context.annotation.Primary
		DecisionSnapshots testDecisions() {
			return householdId -> DECIDED.contains(householdId)
					? Optional.of(new FrozenDecision("深度困难（工会规则 v3）", "人均月收入 350.00 < 低保标准 780.00",
							"{\"outcome\":\"DEEP\",\"perCapita\":\"350.00\"}"))
					: Optional.empty();
		}

	}

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

	OrganisationView county;

	OrganisationView base;

	Http caseworker;

	Http reviewer;

	Http checker;

	Http approver;

	@BeforeEach
	void setUp() {
		world = new CaseWorld(port, fixtures, organisations, registry);
		county = world.org(null, "县总工会", UNION, "420102");
		base = world.org(county.id(), "基层工会", UNION, "420102");
		caseworker = world.api(base.id(), CASEWORKER);
		reviewer = world.api(county.id(), REVIEWER);
		checker = world.api(county.id(), REVIEWER);
		approver = world.api(county.id(), APPROVER);
	}

	@AfterEach
	void resetClock() {
		clock.set(Clock.system(BusinessClock.zone()));
	}

	/** A submitted union filing; returns its id. */
	long submitted(Family f) {
		long id = world.open(caseworker, "NEW_FILING", f.id(), null).path("id").asLong();
		world.uploadFilingDocuments(caseworker, id, f);
		HttpResponse<String> res = world.submit(caseworker, id);
		assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
		return id;
	}

	/** A union filing waiting for the federation's approval after its notice; returns its id. */
	long atApproval(Family f) {
		long id = submitted(f);
		world.pass(reviewer, id, CaseWorld.VISIT);
		world.upload(checker, id, "CROSS_CHECK_REPORT", null, "report.pdf", CaseWorld.PDF);
		world.pass(checker, id, CaseWorld.CROSS_CHECK);
		return id;
	}

	@Test
	void whoeverPreparedOrDecidedTheStepBeforeCannotDecideTheNext() {
		Http both = world.api(county.id(), CASEWORKER, REVIEWER);
		Family f = world.family(base, "周国强");
		long id = world.open(both, "NEW_FILING", f.id(), null).path("id").asLong();
		world.uploadFilingDocuments(both, id, f);
		world.submit(both, id);
		HttpResponse<String> own = world.act(both, id, "PASS", null, CaseWorld.VISIT);
		assertThat(own.statusCode()).isEqualTo(403);
		assertThat(own.body()).contains("双人把关");
		world.pass(reviewer, id, CaseWorld.VISIT);
		world.upload(reviewer, id, "CROSS_CHECK_REPORT", null, "report.pdf", CaseWorld.PDF);
		HttpResponse<String> again = world.act(reviewer, id, "PASS", null, CaseWorld.CROSS_CHECK);
		assertThat(again.statusCode()).isEqualTo(403);
		assertThat(again.body()).contains("上一步骤");
		HttpResponse<String> wrongRole = world.act(caseworker, id, "PASS", null, CaseWorld.CROSS_CHECK);
		assertThat(wrongRole.statusCode()).isEqualTo(403);
		assertThat(world.get(checker, id).path("next").path("mayAct").asBoolean()).isTrue();
		assertThat(world.get(reviewer, id).path("next").path("reasonKey").asText()).isEqualTo("cases.next.fourEyes");
	}

	@Test
	void aMissingDocumentStopsSubmissionAndSaysWhoseIdentityPapersAreMissing() {
		Family f = world.family(base, "吴小兰");
		long id = world.open(caseworker, "NEW_FILING", f.id(), null).path("id").asLong();
		for (String kind : List.of("APPLICATION", "AUTHORISATION", "LABOUR_RELATION", "INCOME", "HARDSHIP")) {
			world.upload(caseworker, id, kind, null, kind + ".pdf", CaseWorld.PDF);
		}
		world.upload(caseworker, id, "IDENTITY", f.memberIds().get(0), "head.png", CaseWorld.PNG);
		HttpResponse<String> refused = world.submit(caseworker, id);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("身份证、户口簿复印件", "李秀英");
		assertThat(world.status(caseworker, id)).isEqualTo("DRAFT");
		world.upload(caseworker, id, "IDENTITY", f.memberIds().get(1), "spouse.png", CaseWorld.PNG);
		assertThat(world.submit(caseworker, id).statusCode()).isEqualTo(200);
	}

	@Test
	void anOpenObjectionStopsThatCasesApprovalOnlyAndTheOthersGoOn() {
		Family held = world.family(base, "孙立新");
		Family other = world.family(base, "钱美华");
		long heldId = atApproval(held);
		long otherId = atApproval(other);
		long notice = world.publishNotice(reviewer, "异议测试公示", heldId, otherId);
		HttpResponse<String> objection = approver.json("POST", "/api/v1/notices/" + notice + "/objections", """
				{"caseId": %d, "channel": "PAPER", "objectorName": "邻居", "text": "该户有营运车辆，收入不实"}""".formatted(heldId));
		assertThat(objection.statusCode()).as(objection.body()).isEqualTo(201);
		long objectionId = CaseWorld.JSON.readTree(objection.body()).path("id").asLong();

		clock.set(Clock.offset(Clock.system(BusinessClock.zone()), Duration.ofDays(2)));
		notices.closeExpired();
		assertThat(world.get(approver, otherId).path("case").path("currentPosition").asInt()).as("the other goes on")
			.isEqualTo(4);
		assertThat(world.get(approver, heldId).path("case").path("currentPosition").asInt()).as("held at the notice")
			.isEqualTo(3);
		JsonNode n = CaseWorld.JSON.readTree(reviewer.get("/api/v1/notices/" + notice).body());
		assertThat(n.path("status").asText()).isEqualTo("PUBLISHED");

		HttpResponse<String> noFinding = reviewer.json("POST", "/api/v1/objections/" + objectionId + "/resolve",
				"{\"upheld\": false, \"finding\": \"\"}");
		assertThat(noFinding.statusCode()).isEqualTo(400);
		HttpResponse<String> resolved = reviewer.json("POST", "/api/v1/objections/" + objectionId + "/resolve",
				"{\"upheld\": false, \"finding\": \"经核查，车辆已于去年转让，异议不成立\"}");
		assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
		assertThat(world.get(approver, heldId).path("case").path("currentPosition").asInt()).isEqualTo(4);
		JsonNode closed = CaseWorld.JSON.readTree(reviewer.get("/api/v1/notices/" + notice).body());
		assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
		assertThat(closed.path("result").asText()).isEqualTo("passed=2;upheld=0;removed=0");

		// A late objection recorded at the approval step stops the approval until it is resolved.
		HttpResponse<String> late = approver.json("POST", "/api/v1/notices/" + notice + "/objections", """
				{"caseId": %d, "channel": "PHONE", "text": "电话反映：家中有人经商"}""".formatted(heldId));
		assertThat(late.statusCode()).isEqualTo(201);
		HttpResponse<String> blocked = world.act(approver, heldId, "PASS", null, null);
		assertThat(blocked.statusCode()).isEqualTo(409);
		assertThat(blocked.body()).contains("异议");
		world.pass(approver, otherId, null);
		assertThat(world.status(approver, otherId)).isEqualTo("APPROVED");
		reviewer.json("POST", "/api/v1/objections/" + CaseWorld.JSON.readTree(late.body()).path("id").asLong() + "/resolve",
				"{\"upheld\": false, \"finding\": \"系亲属经营，与本户无关\"}");
		world.pass(approver, heldId, null);
		assertThat(world.status(approver, heldId)).isEqualTo("APPROVED");
	}

	@Test
	void anUpheldObjectionReturnsTheCaseWithTheFinding() {
		Family f = world.family(base, "郑海燕");
		long id = atApproval(f);
		long notice = world.publishNotice(reviewer, "异议成立测试", id);
		HttpResponse<String> recorded = approver.json("POST", "/api/v1/notices/" + notice + "/objections", """
				{"caseId": %d, "channel": "VISIT", "text": "该户已再就业"}""".formatted(id));
		long objectionId = CaseWorld.JSON.readTree(recorded.body()).path("id").asLong();
		reviewer.json("POST", "/api/v1/objections/" + objectionId + "/resolve",
				"{\"upheld\": true, \"finding\": \"经核实户主已在物业公司就业，收入超标\"}");
		JsonNode c = world.get(caseworker, id).path("case");
		assertThat(c.path("status").asText()).isEqualTo("RETURNED");
		JsonNode n = CaseWorld.JSON.readTree(reviewer.get("/api/v1/notices/" + notice).body());
		assertThat(n.path("rows").get(0).path("state").asText()).isEqualTo("UPHELD");
		assertThat(world.get(caseworker, id).path("timeline").toString()).contains("经核实户主已在物业公司就业");
	}

	@Test
	void anExpiredSlaIsFlaggedInTheOverdueList() {
		Family f = world.family(base, "冯建军");
		long id = submitted(f);
		JsonNode before = CaseWorld.JSON.readTree(reviewer.get("/api/v1/cases?view=overdue&size=100").body());
		assertThat(before.path("rows").toString()).doesNotContain("\"id\":" + id + ",");
		clock.set(Clock.offset(Clock.system(BusinessClock.zone()), Duration.ofDays(30)));
		JsonNode after = CaseWorld.JSON.readTree(reviewer.get("/api/v1/cases?view=overdue&size=100").body());
		assertThat(after.path("rows").toString()).contains("\"id\":" + id + ",");
		assertThat(world.get(reviewer, id).path("case").path("overdue").asBoolean()).isTrue();
		JsonNode mine = CaseWorld.JSON.readTree(reviewer.get("/api/v1/cases?view=mine&size=100").body());
		assertThat(mine.path("rows").toString()).contains("\"id\":" + id + ",");
		Http page = Http.loggedIn(port, fixtures.user(county.id(), REVIEWER), Fixtures.PASSWORD);
		assertThat(page.get("/cases?view=overdue&size=100").body()).contains(f.fileNo(), "已超期");
	}

	@Test
	void twoApproversAtOnceOnlyOneSucceedsTheOtherIsToldSomeoneDecidedFirst() throws Exception {
		Family f = world.family(base, "韩雪梅");
		long id = atApproval(f);
		world.publishNotice(reviewer, "并发测试公示", id);
		clock.set(Clock.offset(Clock.system(BusinessClock.zone()), Duration.ofDays(2)));
		notices.closeExpired();
		Http second = world.api(county.id(), APPROVER);
		int version = world.version(approver, id);
		String body = "{\"version\": " + version + ", \"outcome\": \"PASS\", \"comment\": \"同意\", \"form\": {}}";
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> a = pool.submit(() -> {
				start.await();
				return approver.json("POST", "/api/v1/cases/" + id + "/act", body).statusCode();
			});
			Future<Integer> b = pool.submit(() -> {
				start.await();
				return second.json("POST", "/api/v1/cases/" + id + "/act", body).statusCode();
			});
			start.countDown();
			assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("SELECT count(*) FROM cases_transition WHERE case_id = ? AND action = 'approve'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aReturnNeedsAReasonResubmissionGoesBackToThatStepAndARejectionKeepsItsReason() {
		Family f = world.family(base, "杨春花");
		long id = submitted(f);
		assertThat(world.act(reviewer, id, "RETURN", null, null).statusCode()).isEqualTo(400);
		assertThat(world.act(reviewer, id, "RETURN", "请补充医院诊断证明", null).statusCode()).isEqualTo(200);
		assertThat(world.status(caseworker, id)).isEqualTo("RETURNED");
		world.upload(caseworker, id, "HARDSHIP", null, "诊断证明.pdf", CaseWorld.PDF);
		assertThat(world.submit(caseworker, id).statusCode()).isEqualTo(200);
		JsonNode back = world.get(reviewer, id).path("case");
		assertThat(back.path("status").asText()).isEqualTo("IN_REVIEW");
		assertThat(back.path("currentPosition").asInt()).isEqualTo(1);
		assertThat(world.act(reviewer, id, "REJECT", "家庭人均收入高于标准", CaseWorld.VISIT).statusCode()).isEqualTo(200);
		JsonNode rejected = world.get(caseworker, id).path("case");
		assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
		assertThat(rejected.path("resultReason").asText()).isEqualTo("家庭人均收入高于标准");
		assertThat(world.submit(caseworker, id).statusCode()).isEqualTo(409);
	}

	@Test
	void theDecisionIsFrozenAtSubmissionAndALaterChangeOfTheFileShows() {
		Family f = world.family(base, "林志明");
		Decisions.DECIDED.add(f.id());
		long id = submitted(f);
		JsonNode c = world.get(reviewer, id);
		assertThat(c.path("case").path("decision").path("outcomeLabel").asText()).isEqualTo("深度困难（工会规则 v3）");
		assertThat(c.path("case").path("decision").path("json").asText()).contains("perCapita", "350.00");
		assertThat(c.path("fileChangesSinceSubmission")).isEmpty();
		var scope = new org.bangfu.shared.Scope(base.id(), base.path());
		HouseholdView h = registry.find(scope, f.id()).orElseThrow();
		registry.update(scope, f.id(), new UpdateHousehold(h.version(), new HouseholdData(h.fileNo(), h.regionCode(),
				h.address(), h.phone(), h.mainCause(), h.secondaryCauses(), h.categories(), h.housingType(), h.floorArea(),
				h.annualRent(), 1, new BigDecimal("50000.00"), h.business(), h.bankName(), null, h.remarks())));
		JsonNode changed = world.get(reviewer, id);
		assertThat(changed.path("fileChangesSinceSubmission")).hasSize(1);
		assertThat(changed.path("case").path("decision").path("outcomeLabel").asText()).isEqualTo("深度困难（工会规则 v3）");
		Http page = Http.loggedIn(port, fixtures.user(county.id(), REVIEWER), Fixtures.PASSWORD);
		String html = page.get("/cases/" + id).body();
		assertThat(html).contains("深度困难（工会规则 v3）", "人均月收入 350.00", "提交后家庭档案又变更了 1 次");
	}

	@Test
	void aCaseOutsideTheCallersScopeDoesNotExistForThem() {
		Family f = world.family(base, "高峰");
		long id = world.open(caseworker, "NEW_FILING", f.id(), null).path("id").asLong();
		OrganisationView elsewhere = world.org(null, "别县工会", UNION, "420102");
		Http outsider = world.api(elsewhere.id(), REVIEWER);
		assertThat(outsider.get("/api/v1/cases/" + id).statusCode()).isEqualTo(404);
		assertThat(CaseWorld.JSON.readTree(outsider.get("/api/v1/cases?view=all&size=100").body()).path("rows").toString())
			.doesNotContain(f.fileNo());
		assertThat(world.upload(outsider, id, "APPLICATION", null, "a.pdf", CaseWorld.PDF).statusCode()).isEqualTo(404);
	}

}
