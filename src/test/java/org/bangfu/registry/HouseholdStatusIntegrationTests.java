package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.CloseHousehold;
import org.bangfu.registry.HouseholdCommands.ExitHousehold;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.ReopenHousehold;
import org.bangfu.registry.Vocabulary.CloseReason;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
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

/** Draft → filed → exited / closed → reopened: allowed changes, refused ones with their messages, history and audit. */
@IntegrationTest
@Import(Fixtures.class)
class HouseholdStatusIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	OrganisationView org;

	Scope scope;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("状态测试工会");
		scope = new Scope(org.id(), fixtures.everything().path() + org.id() + "/");
	}

	static FileHousehold draftOf(String headIdNumber) {
		FileHousehold f = Households.headOnly(headIdNumber);
		return new FileHousehold(null, f.household(), f.head(), true);
	}

	@Test
	void aDraftDoesNotLockItsMembersUntilItIsFiled() {
		String id = Households.idNumber(LocalDate.of(1970, 3, 3), true);
		HouseholdView draft = registry.file(scope, draftOf(id));
		assertThat(draft.status()).isEqualTo(HouseholdStatus.DRAFT);
		assertThat(draft.filedAt()).isNull();
		assertThat(claims(draft.id())).isZero();

		// while the first file is a draft, another organisation may file the same person …
		OrganisationView other = fixtures.organisation("另一工会");
		Scope otherScope = new Scope(other.id(), fixtures.everything().path() + other.id() + "/");
		HouseholdView elsewhere = registry.file(otherScope, Households.headOnly(id));
		// … and then filing the draft fails (the household that holds the person is outside the scope: not named)
		assertThatThrownBy(() -> registry.fileDraft(scope, draft.id()))
			.isInstanceOfSatisfying(BangfuException.class, ex -> {
				assertThat(ex.problem()).isEqualTo(Problem.CONFLICT);
				assertThat(ex.messageKey()).isEqualTo("registry.member.inHouseholdOutOfScope");
			});
		assertThatThrownBy(() -> registry.fileDraft(fixtures.everything(), draft.id()))
			.isInstanceOfSatisfying(BangfuException.class, ex -> {
				assertThat(ex.messageKey()).isEqualTo("registry.member.inOtherHousehold");
				assertThat(ex.args()[1].toString()).contains(elsewhere.fileNo());
			});
		assertThat(registry.find(scope, draft.id()).orElseThrow().status()).isEqualTo(HouseholdStatus.DRAFT);

		registry.close(otherScope, elsewhere.id(), new CloseHousehold(CloseReason.TRANSFER, "迁走"));
		HouseholdView filed = registry.fileDraft(scope, draft.id());
		assertThat(filed.status()).isEqualTo(HouseholdStatus.FILED);
		assertThat(filed.filedAt()).isNotNull();
		assertThat(claims(draft.id())).isEqualTo(1);
		// now the lock holds
		assertThatThrownBy(() -> registry.file(otherScope, Households.headOnly(id)))
			.isInstanceOfSatisfying(BangfuException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("registry.member.inHouseholdOutOfScope"));
		assertThat(registry.history(scope, draft.id())).extracting(HouseholdChange::kind).containsExactly("file", "draft");
		assertThat(auditActions(draft.id())).contains("household.draft", "household.file");
	}

	@Test
	void aPersonCannotBeTwiceInOneDraft() {
		String id = Households.idNumber(LocalDate.of(1972, 2, 2), false);
		HouseholdView draft = registry.file(scope, draftOf(id));
		assertThatThrownBy(() -> registry.addMember(scope, draft.id(),
				new AddMember(Households.person("同一人", id, Relation.SPOUSE, "0"))))
			.isInstanceOfSatisfying(BangfuException.class, ex -> {
				assertThat(ex.field()).isEqualTo("idNumber");
				assertThat(ex.messageKey()).isEqualTo("registry.member.twiceInHousehold");
			});
	}

	@Test
	void badTransitionsAreRefusedWithTheirReason() {
		HouseholdView draft = registry.file(scope, draftOf(Households.idNumber(LocalDate.of(1966, 6, 6), true)));
		assertRefused(() -> registry.exit(scope, draft.id(), new ExitHousehold(registry.today(), null)), "registry.status.exitDraft");
		assertRefused(() -> registry.close(scope, draft.id(), new CloseHousehold(CloseReason.OTHER, null)), "registry.status.closeDraft");
		assertRefused(() -> registry.reopen(scope, draft.id(), new ReopenHousehold(null)), "registry.household.notClosed");

		HouseholdView filed = registry.fileDraft(scope, draft.id());
		assertRefused(() -> registry.fileDraft(scope, filed.id()), "registry.status.notDraft");
		assertRefused(() -> registry.reopen(scope, filed.id(), new ReopenHousehold(null)), "registry.household.notClosed");
		assertBadField(() -> registry.exit(scope, filed.id(), new ExitHousehold(null, null)), "registry.exitDate.required");
		assertBadField(() -> registry.exit(scope, filed.id(), new ExitHousehold(registry.today().plusDays(1), null)),
				"registry.exitDate.future");
		assertBadField(() -> registry.exit(scope, filed.id(), new ExitHousehold(registry.today().minusDays(1), null)),
				"registry.exitDate.beforeFiling");

		HouseholdView closed = registry.close(scope, filed.id(), new CloseHousehold(CloseReason.DEATH, null));
		assertRefused(() -> registry.close(scope, closed.id(), new CloseHousehold(CloseReason.DEATH, null)), "registry.household.closed");
		assertRefused(() -> registry.exit(scope, closed.id(), new ExitHousehold(registry.today(), null)), "registry.household.closed");
	}

	@Test
	void anExitedHouseholdKeepsItsMembersAndCanBeClosedOrTakenBack() {
		String id = Households.idNumber(LocalDate.of(1958, 8, 8), true);
		HouseholdView h = registry.file(scope, Households.headOnly(id));
		HouseholdView exited = registry.exit(scope, h.id(), new ExitHousehold(registry.today(), "人均收入连续 6 个月高于低保线"));
		assertThat(exited.status()).isEqualTo(HouseholdStatus.EXITED);
		assertThat(exited.exitDate()).isEqualTo(registry.today());
		assertThat(exited.exitNote()).isEqualTo("人均收入连续 6 个月高于低保线");
		assertThat(claims(h.id())).isEqualTo(1);
		assertThatThrownBy(() -> registry.file(scope, Households.headOnly(id)))
			.isInstanceOfSatisfying(BangfuException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("registry.member.inOtherHousehold"));
		assertRefused(() -> registry.exit(scope, h.id(), new ExitHousehold(registry.today(), null)), "registry.status.alreadyExited");
		// members of an exited file can still be updated (follow-up visits)
		registry.addMember(scope, h.id(), new AddMember(Households.student("张小明", Households.idNumber(LocalDate.of(2008, 1, 1), true))));

		HouseholdView back = registry.reopen(scope, h.id(), new ReopenHousehold("返贫"));
		assertThat(back.status()).isEqualTo(HouseholdStatus.FILED);
		assertThat(back.exitDate()).isNull();
		registry.exit(scope, h.id(), new ExitHousehold(registry.today(), null));
		HouseholdView closed = registry.close(scope, h.id(), new CloseHousehold(CloseReason.DEATH, null));
		assertThat(closed.status()).isEqualTo(HouseholdStatus.CLOSED);
		assertThat(claims(h.id())).isZero();

		assertThat(registry.history(scope, h.id())).extracting(HouseholdChange::kind)
			.containsExactly("close", "exit", "reopen", "member.add", "exit", "file");
		assertThat(registry.changeAsOf(scope, h.id(), registry.today()).after().status()).isEqualTo(HouseholdStatus.CLOSED);
		assertThat(auditActions(h.id())).contains("household.exit", "household.reopen", "household.close");
	}

	@Test
	void searchFiltersByStatus() {
		HouseholdView draft = registry.file(scope, draftOf(Households.idNumber(LocalDate.of(1961, 1, 1), true)));
		HouseholdView filed = registry.file(scope, Households.headOnly(Households.idNumber(LocalDate.of(1962, 1, 1), true)));
		HouseholdView exited = registry.file(scope, Households.headOnly(Households.idNumber(LocalDate.of(1963, 1, 1), true)));
		registry.exit(scope, exited.id(), new ExitHousehold(registry.today(), null));
		assertThat(ids(HouseholdStatus.DRAFT)).containsExactly(draft.id());
		assertThat(ids(HouseholdStatus.FILED)).containsExactly(filed.id());
		assertThat(ids(HouseholdStatus.EXITED)).containsExactly(exited.id());
	}

	@Test
	void theApiRefusesPaperFilingExitAndReopeningAndNamesTheCaseToOpen() {
		Http api = Http.basic(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		String body = HouseholdApiIntegrationTests.fileJson(Households.fileNo(), Households.idNumber(LocalDate.of(1975, 5, 5), true));
		HttpResponse<String> created = api.json("POST", "/api/v1/households", body.replaceFirst("\\{", "{\"draft\": true, "));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long id = JSON.readTree(created.body()).path("household").path("id").asLong();

		HttpResponse<String> file = api.language("en").json("POST", "/api/v1/households/" + id + "/file", null);
		assertThat(file.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(file.body()).path("detail").asText()).contains("new-filing case").contains("NEW_FILING");
		assertThat(status(api, id)).isEqualTo("DRAFT");

		registry.fileDraft(scope, id); // what an approved new-filing case does
		HttpResponse<String> exit = api.language("zh-CN").json("POST", "/api/v1/households/" + id + "/exit",
				"{\"exitDate\": \"" + LocalDate.now(BusinessClock.zone()) + "\"}");
		assertThat(exit.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(exit.body()).path("detail").asText()).contains("脱困退出案件").contains("type=EXIT");
		assertThat(status(api, id)).isEqualTo("FILED");

		HttpResponse<String> other = api.language("en").json("POST", "/api/v1/households/" + id + "/close", "{\"reason\": \"OTHER\", \"note\": \"x\"}");
		assertThat(other.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(other.body()).path("errors").path("reason").asText()).contains("status correction");
		HttpResponse<String> noEvidence = api.language("en").json("POST", "/api/v1/households/" + id + "/close", "{\"reason\": \"DEATH\"}");
		assertThat(noEvidence.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(noEvidence.body()).path("errors").path("note").asText()).contains("evidence");
		assertThat(status(api, id)).isEqualTo("FILED");

		registry.exit(scope, id, new ExitHousehold(LocalDate.now(BusinessClock.zone()), "case")); // an approved exit case
		HttpResponse<String> reopen = api.language("en").json("POST", "/api/v1/households/" + id + "/reopen", "{}");
		assertThat(reopen.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(reopen.body()).path("detail").asText()).contains("reopening case");
		assertThat(status(api, id)).isEqualTo("EXITED");
	}

	@Test
	void thePagesOfferCasesInsteadOfFilingOrExitingDirectly() {
		Http page = Http.loggedIn(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		page.get("/households/new");
		Map<String, String> form = new HashMap<>();
		form.put("fileNo", Households.fileNo());
		form.put("regionCode", Households.TOWNSHIP);
		form.put("head.name", "草稿户主");
		form.put("head.idNumber", Households.idNumber(LocalDate.of(1964, 4, 4), true));
		form.put("head.relation", "HEAD");
		form.put("saveAs", "draft");
		HttpResponse<String> saved = page.form("/households", form);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		String location = saved.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		String detail = page.get("/households/" + id).body();
		assertThat(detail).contains("已保存草稿").contains(">草稿<").contains("id=\"file-draft\"").contains("type=NEW_FILING")
			.doesNotContain("id=\"exit-action\"");

		HttpResponse<String> direct = page.form("/households/" + id + "/file", Map.of());
		assertThat(direct.statusCode()).isEqualTo(302);
		assertThat(direct.headers().firstValue("Location").orElseThrow()).contains("/cases/new").contains("type=NEW_FILING");
		assertThat(page.get("/households/" + id).body()).contains(">草稿<");

		registry.fileDraft(scope, id);
		detail = page.get("/households/" + id).body();
		assertThat(detail).contains(">在档<").contains("id=\"exit-action\"").contains("发起脱困退出案件").contains("type=EXIT");
		page.form("/households/" + id + "/exit", Map.of("exitDate", LocalDate.now(BusinessClock.zone()).toString(), "note", "已就业"));
		assertThat(page.get("/households/" + id).body()).contains(">在档<").doesNotContain(">已脱困<");
		assertThat(registry.find(scope, id).orElseThrow().status()).isEqualTo(HouseholdStatus.FILED);
	}

	private static String status(Http api, long id) {
		return JSON.readTree(api.get("/api/v1/households/" + id).body()).path("household").path("status").asText();
	}

	private java.util.List<Long> ids(HouseholdStatus status) {
		return registry.search(scope, new HouseholdQuery(null, null, null, null, status, null, null, null, null, null, null))
			.rows()
			.stream()
			.map(HouseholdRow::id)
			.toList();
	}

	private long claims(long householdId) {
		return jdbc.sql("SELECT count(*) FROM registry_person WHERE household_id = ?").param(householdId).query(Long.class).single();
	}

	private java.util.List<String> auditActions(long householdId) {
		return jdbc.sql("SELECT action FROM audit_event WHERE object_type = 'household' AND object_id = ? ORDER BY id")
			.param(Long.toString(householdId))
			.query(String.class)
			.list();
	}

	private static void assertRefused(Runnable action, String key) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(BangfuException.class, ex -> {
			assertThat(ex.problem()).isEqualTo(Problem.CONFLICT);
			assertThat(ex.messageKey()).isEqualTo(key);
		});
	}

	private static void assertBadField(Runnable action, String key) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(BangfuException.class, ex -> {
			assertThat(ex.problem()).isEqualTo(Problem.BAD_INPUT);
			assertThat(ex.field()).isEqualTo("exitDate");
			assertThat(ex.messageKey()).isEqualTo(key);
		});
	}

}
