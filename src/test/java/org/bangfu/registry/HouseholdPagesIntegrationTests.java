package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
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

@IntegrationTest
@Import(Fixtures.class)
class HouseholdPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	OrganisationView org;

	Http caseworker;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("页面测试工会");
		caseworker = Http.loggedIn(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
	}

	Map<String, String> form(String fileNo, String idNumber) {
		Map<String, String> f = new HashMap<>();
		f.put("fileNo", fileNo);
		f.put("regionCode", Households.TOWNSHIP);
		f.put("address", "大智路 1 号");
		f.put("phone", "13912345678");
		f.put("mainCause", "ILLNESS");
		f.put("secondaryCauses", "SCHOOLING");
		f.put("head.name", "王大山");
		f.put("head.idNumber", idNumber);
		f.put("head.relation", "HEAD");
		f.put("head.wage", "700");
		f.put("head.health", "CHRONIC");
		return f;
	}

	long file(String idNumber) {
		caseworker.get("/households/new");
		HttpResponse<String> res = caseworker.form("/households", form(Households.fileNo(), idNumber));
		assertThat(res.statusCode()).as(res.body()).isEqualTo(302);
		String location = res.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@Test
	void theRegistrationFormSuggestsTheNextFreeFileNumberOfTheOrganisation() {
		assertThat(suggestedFileNo()).isEqualTo(org.code() + "-00001");
		// a number already used in the organisation (typed from a paper file) is skipped
		HttpResponse<String> res = caseworker.form("/households",
				form(org.code() + "-00002", Households.idNumber(LocalDate.of(1968, 3, 9), false)));
		assertThat(res.statusCode()).as(res.body()).isEqualTo(302);
		assertThat(suggestedFileNo()).isEqualTo(org.code() + "-00003");
	}

	@Test
	void severalMembersAreFiledWithTheHeadOnOnePageAndABadOneFilesNothing() {
		String page0 = caseworker.get("/households/new").body();
		assertThat(page0).as("a further member's section, its labels tied to its fields")
			.contains("for=\"members0.name\"", "id=\"members0.name\"", "for=\"members0.idNumber\"", "id=\"members0.idNumber\"");
		Map<String, String> more = form(Households.fileNo(), "");
		more.put("members[0].name", "李小花");
		more.put("saveAs", "addMember");
		assertThat(caseworker.form("/households", more).body()).as("one more section, nothing saved")
			.contains("id=\"members1.name\"").doesNotContain("id=\"members2.name\"");
		String fileNo = Households.fileNo();
		Map<String, String> f = form(fileNo, Households.idNumber(LocalDate.of(1970, 2, 2), true));
		String wife = Households.idNumber(LocalDate.of(1972, 3, 3), false);
		f.put("members[0].name", "李小花");
		f.put("members[0].idNumber", wife.substring(0, 17) + (wife.charAt(17) == '1' ? "2" : "1"));
		f.put("members[0].relation", "SPOUSE");
		f.put("members[1].name", "王小明");
		f.put("members[1].idNumber", Households.idNumber(LocalDate.of(2010, 4, 4), true));
		f.put("members[1].relation", "SON");
		f.put("members[2].name", "");
		HttpResponse<String> refused = caseworker.form("/households", f);
		assertThat(refused.statusCode()).as("a wrong ID number of a further member").isEqualTo(200);
		assertThat(refused.body()).contains("校验位不对").containsPattern("id=\"members0.idNumber\"[^>]*is-invalid|is-invalid[^>]*id=\"members0.idNumber\"");
		assertThat(jdbc.sql("SELECT count(*) FROM registry_household WHERE file_no = ?").param(fileNo).query(Long.class).single())
			.as("nothing filed half-way").isZero();

		f.put("members[0].idNumber", wife);
		HttpResponse<String> filed = caseworker.form("/households", f);
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(302);
		String page = caseworker.get(filed.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body();
		assertThat(page).contains("王大山", "李小花", "王小明");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM registry_member m JOIN registry_household h ON h.id = m.household_id
				WHERE h.file_no = ? AND m.active""").param(fileNo).query(Long.class).single()).isEqualTo(3);
	}

	private String suggestedFileNo() {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("<input[^>]*id=\"fileNo\"[^>]*value=\"([^\"]*)\"")
			.matcher(caseworker.get("/households/new").body());
		assertThat(m.find()).as("the file number field").isTrue();
		return m.group(1);
	}

	@Test
	void anEmptyRegisterSaysWhatToDoNext() {
		HttpResponse<String> list = caseworker.get("/households");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("还没有家庭档案").contains("href=\"/households/new\"").contains("id=\"nav-households\"");
	}

	@Test
	void aCaseworkerFilesAHouseholdAndSeesOnlyMaskedIdNumbersUntilRevealing() {
		String id = Households.idNumber(LocalDate.of(1968, 4, 4), true);
		long householdId = file(id);
		HttpResponse<String> detail = caseworker.get("/households/" + householdId);
		assertThat(detail.body()).contains("王大山").contains(id.substring(0, 6) + "********" + id.substring(14))
			.doesNotContain(id).contains("¥700.00").contains("查看完整身份证号");
		HttpResponse<String> list = caseworker.get("/households");
		assertThat(list.body()).contains("王大山").contains("139****5678").doesNotContain(id).doesNotContain("13912345678");
		long audited = jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'household.view' AND object_id = ?")
			.param(Long.toString(householdId)).query(Long.class).single();
		assertThat(audited).isEqualTo(1);
		long memberId = jdbc.sql("SELECT id FROM registry_member WHERE household_id = ?").param(householdId).query(Long.class).single();
		HttpResponse<String> revealed = caseworker.send(caseworker.request("/households/" + householdId + "/members/" + memberId + "/reveal")
			.header("HX-Request", "true").header("X-CSRF-TOKEN", caseworker.csrf())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + caseworker.csrf())).build());
		assertThat(revealed.statusCode()).isEqualTo(200);
		assertThat(revealed.body()).contains(id);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'household.revealIdNumber' AND object_id = ?")
			.param(Long.toString(householdId)).query(Long.class).single()).isEqualTo(1);
		Http auditor = Http.loggedIn(port, fixtures.user(org.id(), Role.AUDITOR), Fixtures.PASSWORD);
		HttpResponse<String> auditorView = auditor.get("/households/" + householdId);
		assertThat(auditorView.body()).doesNotContain("查看完整身份证号").doesNotContain(id);
		HttpResponse<String> denied = auditor.form("/households/" + householdId + "/members/" + memberId + "/reveal", Map.of());
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(denied.body()).doesNotContain(id);
	}

	@Test
	void formErrorsAppearNextToTheField() {
		caseworker.get("/households/new");
		HttpResponse<String> res = caseworker.form("/households", form(Households.fileNo(), "110105194912310021"));
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(res.body()).contains("校验位不对").contains("is-invalid");
		Map<String, String> bad = form("", Households.idNumber(LocalDate.of(1990, 1, 1), true));
		bad.put("head.wage", "abc");
		HttpResponse<String> res2 = caseworker.form("/households", bad);
		assertThat(res2.body()).contains("请填写户编号").contains("请填写数字");
	}

	@Test
	void theIdNumberIsCheckedLiveWithSexAndBirthDate() {
		caseworker.get("/households/new");
		HttpResponse<String> ok = caseworker.form("/households/id-check", Map.of("head.idNumber", "11010519491231002x"));
		assertThat(ok.body()).contains("女").contains("1949-12-31");
		HttpResponse<String> bad = caseworker.form("/households/id-check", Map.of("idNumber", "1101051949"));
		assertThat(bad.body()).contains("18 位");
	}

	@Test
	void aSiblingOrganisationsHouseholdIsNotFoundByUrl() {
		long householdId = file(Households.idNumber(LocalDate.of(1985, 5, 5), false));
		OrganisationView sibling = fixtures.organisation("兄弟页面工会");
		Http stranger = Http.loggedIn(port, fixtures.user(sibling.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		assertThat(stranger.get("/households/" + householdId).statusCode()).isEqualTo(404);
		assertThat(stranger.get("/households").body()).doesNotContain("王大山");
	}

	@Test
	void historyAndAsOfTabsAndCloseReopen() {
		long householdId = file(Households.idNumber(LocalDate.of(1955, 5, 5), true));
		caseworker.get("/households/" + householdId);
		HttpResponse<String> closed = caseworker.form("/households/" + householdId + "/close", Map.of("reason", "DEATH", "note", "去世"));
		assertThat(closed.statusCode()).isEqualTo(302);
		assertThat(caseworker.get("/households/" + householdId).body()).contains("已注销").contains("发起重新纳入案件");
		HttpResponse<String> direct = caseworker.form("/households/" + householdId + "/reopen", Map.of());
		assertThat(direct.headers().firstValue("Location").orElseThrow()).contains("/cases/new").contains("type=REOPEN");
		HttpResponse<String> history = caseworker.get("/households/" + householdId + "?tab=history");
		assertThat(history.body()).contains("建档").contains("注销");
		HttpResponse<String> asOf = caseworker.get("/households/" + householdId + "?tab=asOf&asOf=" + LocalDate.now().plusDays(1));
		assertThat(asOf.body()).contains("王大山").contains("已注销");
		HttpResponse<String> before = caseworker.get("/households/" + householdId + "?tab=asOf&asOf=2020-01-01");
		assertThat(before.body()).contains("尚未建档");
	}

}
