package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.identification.Places;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.Vocabulary.Schooling;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The finance officer's pages as a browser sees them: a program written in the editor whose
 * failing test case stops its activation, a cycle opened and its roster generated, checked
 * (accounts masked), a range line edited within its limits with a reason, submitted, approved by
 * an approver; the same through the API; other roles kept out.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, RosterWorld.class })
class ProgramPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RosterWorld world;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BusinessClock clock;

	@Autowired
	JdbcClient jdbc;

	private static String first(String html, String regex) {
		Matcher m = Pattern.compile(regex).matcher(html);
		assertThat(m.find()).as(regex).isTrue();
		return m.group(1);
	}

	@Test
	void aFinanceOfficerWritesAProgramRunsACycleAndAnApproverApprovesItsRoster() throws Exception {
		RosterWorld.World w = world.world("页面发放");
		LocalDate today = clock.today();
		HouseholdView h = world.file(w, List.of(Category.DIBAO), true,
				RosterWorld.member("张建国", today.minusYears(52), Relation.HEAD, Employment.LAID_OFF, "0", Health.HEALTHY, null),
				RosterWorld.member("张伟", today.minusYears(12), Relation.SON, Employment.STUDENT, "0", Health.HEALTHY, Schooling.PRIMARY));
		Http finance = Http.loggedIn(port, w.finance().login(), Fixtures.PASSWORD);
		Http approver = Http.loggedIn(port, w.approver().login(), Fixtures.PASSWORD);

		HttpResponse<String> list = finance.get("/programs");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("plan10-heating", "取暖补助");

		String code = "t" + w.place().organisation().id() + "-pupils";
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("nameZh", "小学生助学");
		form.put("nameEn", "Pupils");
		form.put("purpose", "低保家庭小学生 300—600 元");
		form.put("fundCode", "test");
		form.put("form", "CASH");
		form.put("schedule", "month 9");
		form.put("target", "cat_dibao");
		form.put("unit", "QUALIFYING_MEMBER");
		form.put("rounding", "FEN");
		form.put("specialBonusPercent", "");
		form.put("rows[0].condition", "true");
		form.put("rows[0].amount", "300");
		form.put("rows[0].rangeMax", "600");
		form.put("rows[0].labelZh", "小学生 300—600元");
		form.put("rows[0].labelEn", "Pupil");
		form.put("member.schooling", "PRIMARY");
		// a wrong expectation: activation must be refused and the case listed
		form.put("cases[0].name", "一名小学生");
		form.put("cases[0].facts[0].name", "cat_dibao");
		form.put("cases[0].facts[0].value", "true");
		form.put("cases[0].members[0].age", "40");
		form.put("cases[0].members[1].age", "10");
		form.put("cases[0].members[1].schooling", "PRIMARY");
		form.put("cases[0].expected", "400");
		HttpResponse<String> bad = finance.form("/programs", Map.of("code", code, "nameZh", "x", "form", "CASH", "target", "size >",
				"unit", "HOUSEHOLD", "rows[0].condition", "true", "rows[0].amount", "1", "rows[0].labelZh", "x"));
		assertThat(bad.body()).contains("form-errors", "target");
		HttpResponse<String> badNumber = finance.form("/programs", Map.of("code", code, "nameZh", "x", "form", "CASH", "target",
				"cat_dibao", "unit", "HOUSEHOLD", "rows[0].condition", "true", "rows[0].amount", "1", "rows[0].rangeMax", "六百",
				"rows[0].labelZh", "x"));
		assertThat(badNumber.body()).contains("form-errors", "rows[0].rangeMax: 六百 不是有效的数字");
		HttpResponse<String> saved = finance.form("/programs", form);
		assertThat(saved.statusCode()).as(saved.body().replaceAll("(?s).*(<div class=\"alert alert-danger\".*?</div>).*", "$1")).isEqualTo(302);
		String programPath = saved.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
		assertThat(finance.get(programPath).body()).contains("第 1 版已保存", "小学生 300—600元")
			// the stored definition, read-only, for advanced users: what the form produced
			.contains("高级：存储的定义")
			.containsPattern("&quot;rangeMax&quot;\\s*:\\s*600")
			.containsPattern("&quot;schooling&quot;\\s*:\\s*\\[\\s*&quot;PRIMARY&quot;\\s*\\]");
		HttpResponse<String> refused = finance.form(programPath + "/activate", Map.of());
		String page = finance.get(refused.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "")).body();
		assertThat(page).contains("failed-cases", "一名小学生：预期 400.00，实际 300.00", "不能启用");

		form.put("cases[0].expected", "300");
		assertThat(finance.form(programPath, form).statusCode()).isEqualTo(302);
		finance.get(programPath);
		finance.form(programPath + "/activate", Map.of());
		assertThat(finance.get(programPath).body()).contains("已启用");
		long programId = Long.parseLong(programPath.replaceAll("\\D", ""));

		int y = today.getYear();
		HttpResponse<String> opened = finance.form("/programs/cycles", Map.of("programId", String.valueOf(programId), "label",
				y + "年秋季助学", "periodKey", y + "-09", "from", y + "-09-01", "to", y + "-09-30", "payDate", y + "-09-20"));
		String cyclePath = opened.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
		assertThat(cyclePath).matches("/programs/cycles/\\d+");
		// the same period again is refused with the reason
		HttpResponse<String> twice = finance.form("/programs/cycles", Map.of("programId", String.valueOf(programId), "label", "again",
				"periodKey", y + "-09", "from", y + "-09-01", "to", y + "-09-30", "payDate", y + "-09-20"));
		assertThat(finance.get("/programs/cycles").body()).contains("已有批次，不能重复发放");
		assertThat(twice.statusCode()).isEqualTo(302);

		finance.form(cyclePath + "/generate", Map.of());
		long cycleId = Long.parseLong(cyclePath.replaceAll("\\D", ""));
		long job = jdbc.sql("SELECT job_id FROM programs_cycle WHERE id = ?").param(cycleId).query(Long.class).single();
		world.waitFor(job);
		String roster = finance.get(cyclePath).body();
		assertThat(roster).contains("张伟", "¥300.00", "逐案决定", "待填写理由").doesNotContain(RosterWorld.ACCOUNT);
		String idNumber = jdbc.sql("SELECT id_number_masked FROM registry_member WHERE name = '张伟' AND household_id = ?")
			.param(h.id()).query(String.class).single();
		assertThat(roster).contains(idNumber);
		assertThat(roster).contains("check-reason\">1<");

		String linePath = first(roster, "href=\"(/programs/cycles/\\d+/lines/\\d+)\"");
		String lineForm = finance.get(linePath).body();
		String version = first(lineForm, "name=\"version\" value=\"(\\d+)\"");
		HttpResponse<String> tooMuch = finance.form(linePath, Map.of("amount", "700", "reason", "多子女", "version", version));
		assertThat(tooMuch.body()).contains("金额须在 ¥300.00 到 ¥600.00 之间");
		HttpResponse<String> noReason = finance.form(linePath, Map.of("amount", "500", "reason", "", "version", version));
		assertThat(noReason.body()).contains("请填写理由");
		assertThat(finance.form(linePath, Map.of("amount", "500", "reason", "单亲家庭", "version", version)).statusCode()).isEqualTo(302);

		String reviewed = finance.get(cyclePath).body();
		assertThat(reviewed).contains("¥500.00", "单亲家庭", "已调整");
		String cycleVersion = first(reviewed, "name=\"version\" value=\"(\\d+)\"");
		finance.form(cyclePath + "/submit", Map.of("version", cycleVersion));
		String submitted = approver.get(cyclePath).body();
		assertThat(submitted).contains("待审批");
		// the finance officer is not an approver
		assertThat(finance.form(cyclePath + "/approve", Map.of("version", first(submitted, "name=\"version\" value=\"(\\d+)\""))).statusCode())
			.isEqualTo(403);
		approver.form(cyclePath + "/approve", Map.of("version", first(submitted, "name=\"version\" value=\"(\\d+)\"")));
		assertThat(approver.get(cyclePath).body()).contains("已审批", "¥500.00");

		// the household page lists the payment (its panel), and the household page itself loads it
		assertThat(approver.get("/households/" + h.id()).body()).contains("/programs/households/" + h.id() + "/payments");
		assertThat(finance.get("/programs/households/" + h.id() + "/payments").body()).contains("小学生助学", "¥500.00", "已审批");

		// the API: the same cycle, its checks and lines (accounts masked), roles kept out
		Http api = Http.basic(port, w.finance().login(), Fixtures.PASSWORD);
		HttpResponse<String> cycle = api.get("/api/v1/cycles/" + cycleId);
		assertThat(cycle.statusCode()).isEqualTo(200);
		assertThat(cycle.body()).contains("\"status\":\"APPROVED\"", "\"totalFen\":50000");
		HttpResponse<String> lines = api.get("/api/v1/rosters/" + cycleId + "/lines");
		assertThat(lines.body()).contains("\"payeeName\":\"张伟\"", "\"amountFen\":50000").doesNotContain(RosterWorld.ACCOUNT)
			.doesNotContain("accountEnc");
		assertThat(api.get("/api/v1/programs").body()).contains(code);
		assertThat(api.json("POST", "/api/v1/cycles", "{\"programId\":" + programId + ",\"label\":\"x\",\"periodKey\":\"" + y
				+ "-09\",\"from\":\"" + y + "-09-01\",\"to\":\"" + y + "-09-30\",\"payDate\":\"" + y + "-09-30\"}").statusCode())
			.isEqualTo(400);
		Http caseworker = Http.loggedIn(port, fixtures.user(w.place().organisation().id(), Role.CASEWORKER), Fixtures.PASSWORD);
		assertThat(caseworker.get("/programs").statusCode()).isEqualTo(403);
		assertThat(caseworker.get(cyclePath).statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'roster.view' AND object_id = ?")
			.param(String.valueOf(cycleId)).query(Long.class).single()).isPositive();
	}

}
