package org.bangfu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

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

import tools.jackson.databind.JsonNode;

@IntegrationTest
@Import(Fixtures.class)
class UserApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	OrganisationView org;

	Http admin;

	@BeforeEach
	void adminOfAFreshOrganisation() {
		org = fixtures.organisation("接口工会");
		admin = Http.basic(port, fixtures.user(org.id(), Role.ADMIN), Fixtures.PASSWORD);
	}

	String newUserJson(String login, String phone, String password) {
		return """
				{"login":"%s","name":"王小明","phone":"%s","organisationId":%d,"roles":["CASEWORKER","REVIEWER"],"password":"%s"}"""
			.formatted(login, phone, org.id(), password);
	}

	@Test
	void anAdministratorCreatesReadsChangesAndSearchesUsers() {
		String login = "api.wang" + System.nanoTime() % 100000;
		HttpResponse<String> created = admin.json("POST", "/api/v1/users", newUserJson(login, "13812345678", "Api-Pass-2026"));
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode body = Json.read(created.body());
		long id = body.path("id").asLong();
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/users/" + id);
		assertThat(body.path("login").asString()).isEqualTo(login);
		assertThat(body.path("roles").toString()).isEqualTo("[\"CASEWORKER\",\"REVIEWER\"]");

		JsonNode one = Json.read(admin.get("/api/v1/users/" + id).body());
		assertThat(one.path("phone").asString()).isEqualTo("13812345678");
		assertThat(one.path("organisationName").asString()).isEqualTo(org.name());

		JsonNode page = Json.read(admin.get("/api/v1/users?q=" + login + "&size=5").body());
		assertThat(page.path("total").asLong()).isEqualTo(1);
		assertThat(page.path("size").asInt()).isEqualTo(5);
		assertThat(page.path("items").get(0).path("phone").asString()).isEqualTo("138****5678");

		HttpResponse<String> updated = admin.json("PUT", "/api/v1/users/" + id,
				"{\"name\":\"王大明\",\"phone\":\"\",\"organisationId\":%d,\"roles\":[\"AUDITOR\"]}".formatted(org.id()));
		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(Json.read(updated.body()).path("name").asString()).isEqualTo("王大明");
		assertThat(Json.read(updated.body()).path("roles").toString()).isEqualTo("[\"AUDITOR\"]");

		assertThat(Json.read(admin.json("POST", "/api/v1/users/" + id + "/deactivate", null).body()).path("active")
			.asBoolean()).isFalse();
		assertThat(Json.read(admin.get("/api/v1/users?organisationId=" + org.id() + "&active=false").body())
			.path("total").asLong()).isEqualTo(1);
		assertThat(Json.read(admin.json("POST", "/api/v1/users/" + id + "/activate", null).body()).path("active")
			.asBoolean()).isTrue();
		assertThat(admin.json("POST", "/api/v1/users/" + id + "/reset-password", "{\"password\":\"Other-Pass-2027\"}")
			.statusCode()).isEqualTo(204);
	}

	@Test
	void meTellsTheCallerWhoTheyAre() {
		String login = fixtures.user(org.id(), Role.CASEWORKER, Role.PAIRING_CADRE);
		JsonNode me = Json.read(Http.basic(port, login, Fixtures.PASSWORD).get("/api/v1/me").body());
		assertThat(me.path("login").asString()).isEqualTo(login);
		assertThat(me.path("name").asString()).isEqualTo("测试用户" + login);
		assertThat(me.path("organisationId").asLong()).isEqualTo(org.id());
		assertThat(me.path("organisationName").asString()).isEqualTo(org.name());
		assertThat(me.path("roles").toString()).isEqualTo("[\"CASEWORKER\",\"PAIRING_CADRE\"]");
	}

	@Test
	void validationErrorsComeAsAProblemWithAFieldMapInTheCallersLanguage() {
		String invalid = "{\"login\":\"x\",\"name\":\"\",\"phone\":\"12345\",\"organisationId\":%d,\"roles\":[],\"password\":\"x\"}"
			.formatted(org.id());
		HttpResponse<String> zh = admin.json("POST", "/api/v1/users", invalid);
		assertThat(zh.statusCode()).isEqualTo(400);
		assertThat(zh.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
		JsonNode errors = Json.read(zh.body()).path("errors");
		assertThat(errors.path("login").asString()).isEqualTo("用户名应为 2–50 个字符。");
		assertThat(errors.path("roles").asString()).isEqualTo("请至少选择一个角色。");
		assertThat(errors.path("phone").asString()).startsWith("手机号应为");

		HttpResponse<String> en = admin.language("en").json("POST", "/api/v1/users", invalid);
		JsonNode enErrors = Json.read(en.body()).path("errors");
		assertThat(enErrors.path("login").asString()).isEqualTo("The login must have 2 to 50 characters.");
		assertThat(enErrors.path("roles").asString()).isEqualTo("Choose at least one role.");
		assertThat(Json.read(en.body()).path("title").asString()).isEqualTo("Bad request");
	}

	@Test
	void aDuplicateLoginOrAWeakPasswordIsRefusedWithTheReason() {
		String taken = fixtures.user(org.id(), Role.CASEWORKER);
		HttpResponse<String> duplicate = admin.json("POST", "/api/v1/users",
				newUserJson(taken.toUpperCase(), "", "Api-Pass-2026"));
		assertThat(duplicate.statusCode()).isEqualTo(400);
		assertThat(Json.read(duplicate.body()).path("errors").path("login").asString())
			.isEqualTo("用户名“" + taken.toUpperCase() + "”已被使用。");

		HttpResponse<String> weak = admin.json("POST", "/api/v1/users", newUserJson("weak" + System.nanoTime() % 100000,
				"", "alllowercase"));
		assertThat(weak.statusCode()).isEqualTo(400);
		assertThat(Json.read(weak.body()).path("errors").path("password").asString()).contains("至少三类");
	}

	@Test
	void malformedJsonIsA400ProblemAndOversizeA413() {
		HttpResponse<String> broken = admin.json("POST", "/api/v1/users", "{\"login\": ");
		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(Json.read(broken.body()).path("code").asString()).isEqualTo("error.malformed");
		assertThat(Json.read(broken.body()).path("detail").asString()).isEqualTo("请求格式错误，无法解析。");

		String huge = "{\"login\":\"big\",\"name\":\"" + "长".repeat(600_000) + "\"}";
		HttpResponse<String> oversize = admin.json("POST", "/api/v1/users", huge);
		assertThat(oversize.statusCode()).isEqualTo(413);
		assertThat(Json.read(oversize.body()).path("code").asString()).isEqualTo("error.tooLarge");
		assertThat(Json.read(oversize.body()).path("detail").asString()).isEqualTo("上传的文件或请求过大。");
	}

	@Test
	void onlyAdministratorsWriteAndNobodySeesOutsideTheirSubtree() {
		String target = fixtures.user(org.id(), Role.CASEWORKER);
		long targetId = fixtures.userId(target);
		Http auditor = Http.basic(port, fixtures.user(org.id(), Role.AUDITOR), Fixtures.PASSWORD);
		assertThat(auditor.get("/api/v1/users/" + targetId).statusCode()).isEqualTo(200);
		HttpResponse<String> denied = auditor.json("POST", "/api/v1/users/" + targetId + "/deactivate", null);
		assertThat(denied.statusCode()).isEqualTo(403);
		assertThat(Json.read(denied.body()).path("detail").asString()).isEqualTo("您没有权限执行此操作。");

		var sibling = fixtures.organisation("别的工会");
		long stranger = fixtures.userId(fixtures.user(sibling.id(), Role.CASEWORKER));
		assertThat(admin.get("/api/v1/users/" + stranger).statusCode()).isEqualTo(404);
		assertThat(admin.json("POST", "/api/v1/users/" + stranger + "/deactivate", null).statusCode()).isEqualTo(404);
		assertThat(Json.read(admin.get("/api/v1/users?organisationId=" + sibling.id()).body()).path("total").asLong())
			.isZero();
	}

}
