package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
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
 * The finance officer registers a post through the form (a wrong name is refused with a message
 * in Chinese next to the form, nothing saved), finds it in the list by ID number, sets a tier's
 * amount; an auditor reads the register without the buttons to change it; the API answers the same.
 */
@IntegrationTest
@Import({ Fixtures.class, RosterWorld.class })
class PostPagesAndApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RosterWorld world;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPostIsRegisteredThroughTheFormAndTheApiAndReadByAnAuditor() {
		RosterWorld.World w = world.world("岗位页面");
		MemberData m = RosterWorld.member("周护林", LocalDate.of(1970, 5, 5), Relation.HEAD, Employment.EMPLOYED, "0",
				Health.HEALTHY, null);
		world.file(w, List.of(Category.DIBAO), true, m);
		Http finance = Http.loggedIn(port, w.finance().login(), Fixtures.PASSWORD);
		finance.get("/posts/new");
		Map<String, String> form = new java.util.HashMap<>(Map.of("idNumber", m.idNumber(), "name", "周冒名", "postName", "护林员",
				"place", "东山林场", "tier", "2", "from", "2026-03-01", "bankName", "中国农业银行", "account", "6228480012345678"));
		HttpResponse<String> refused = finance.form("/posts", form);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"post-error\"", "姓名与登记册中身份证号", "须实名");
		assertThat(count(w)).isZero();

		form.put("name", "周护林");
		HttpResponse<String> saved = finance.form("/posts", form);
		assertThat(saved.statusCode()).isEqualTo(302);
		String location = java.net.URI.create(saved.headers().firstValue("Location").orElseThrow()).getPath();
		assertThat(finance.get(location).body()).contains("岗位已登记", "东山林场", "6228********5678", "id=\"post-end-form\"")
			.doesNotContain("6228480012345678", m.idNumber());
		assertThat(finance.get("/posts?idNumber=" + m.idNumber()).body()).contains("周护林", "第2档", "id=\"post-new\"");

		finance.get("/posts/tiers");
		assertThat(finance.form("/posts/tiers", Map.of("tier", "2", "amount", "1,200.50")).statusCode()).isEqualTo(302);
		assertThat(finance.get("/posts/tiers").body()).contains("¥1,200.50");

		String auditor = fixtures.user(w.place().organisation().id(), Role.AUDITOR);
		Http audit = Http.loggedIn(port, auditor, Fixtures.PASSWORD);
		assertThat(audit.get("/posts").body()).contains("周护林", "id=\"nav-posts\"").doesNotContain("id=\"post-new\"",
				"id=\"post-month-form\"");
		assertThat(audit.get("/posts/new").statusCode()).isEqualTo(403);

		Http api = Http.basic(port, w.finance().login(), Fixtures.PASSWORD);
		HttpResponse<String> bad = api.json("POST", "/api/v1/posts", "{\"idNumber\":\"" + m.idNumber()
				+ "\",\"name\":\"周护林\",\"postName\":\"护路员\",\"place\":\"东山\",\"tier\":9,\"from\":\"2026-04-01\","
				+ "\"bankName\":\"中国农业银行\",\"account\":\"6228480012345678\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("请选择第 1 至第 5 档");
		assertThat(api.get("/api/v1/posts?name=" + java.net.URLEncoder.encode("周", java.nio.charset.StandardCharsets.UTF_8)).body()).contains("\"total\":1", "东山林场");
		assertThat(Http.basic(port, auditor, Fixtures.PASSWORD).json("PUT", "/api/v1/posts/tiers", "{\"tier\":1,\"monthly\":500}")
			.statusCode()).isEqualTo(403);
	}

	private long count(RosterWorld.World w) {
		return jdbc.sql("SELECT count(*) FROM programs_post WHERE organisation_id = ?")
			.param(w.place().organisation().id())
			.query(Long.class)
			.single();
	}

}
