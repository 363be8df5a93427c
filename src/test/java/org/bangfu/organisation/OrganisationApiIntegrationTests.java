package org.bangfu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

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

@IntegrationTest
@Import(Fixtures.class)
class OrganisationApiIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	Http admin;

	OrganisationView county;

	@BeforeEach
	void setUp() {
		county = fixtures.organisation("县总工会");
		admin = Http.basic(port, fixtures.user(county.id(), Role.ADMIN), Fixtures.PASSWORD);
	}

	@Test
	void anAdministratorCreatesRenamesMovesDeactivatesAndDeletesAnOrganisation() {
		HttpResponse<String> created = create(admin, "API-A" + System.nanoTime(), "大智街道工会", county.id(), "420102002");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode a = json(created);
		long id = a.get("id").asLong();
		assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/organisations/" + id));
		assertThat(a.get("regionName").asString()).isEqualTo("大智街道");
		assertThat(a.get("parentId").asLong()).isEqualTo(county.id());

		HttpResponse<String> renamed = admin.json("PUT", "/api/v1/organisations/" + id,
				"{\"name\":\"大智街道总工会\",\"type\":\"UNION\",\"regionCode\":\"420102003\"}");
		assertThat(renamed.statusCode()).isEqualTo(200);
		assertThat(json(renamed).get("name").asString()).isEqualTo("大智街道总工会");
		assertThat(json(renamed).get("regionName").asString()).isEqualTo("一元街道");

		long other = json(create(admin, "API-B" + System.nanoTime(), "江岸区民政局", county.id(), "420102")).get("id").asLong();
		HttpResponse<String> moved = admin.json("POST", "/api/v1/organisations/" + id + "/move", "{\"newParentId\":" + other + "}");
		assertThat(moved.statusCode()).isEqualTo(200);
		assertThat(json(moved).get("parentId").asLong()).isEqualTo(other);
		assertThat(json(moved).get("path").asString()).endsWith("/" + other + "/" + id + "/");

		HttpResponse<String> deactivated = admin.json("POST", "/api/v1/organisations/" + id + "/deactivate", null);
		assertThat(json(deactivated).get("active").asBoolean()).isFalse();
		HttpResponse<String> activated = admin.json("POST", "/api/v1/organisations/" + id + "/activate", null);
		assertThat(json(activated).get("active").asBoolean()).isTrue();

		assertThat(admin.delete("/api/v1/organisations/" + id).statusCode()).isEqualTo(204);
		assertThat(admin.get("/api/v1/organisations/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void theListIsTheCallersSubtreeInTreeOrder() {
		OrganisationView child = fixtures.organisationUnder(county.id(), "社区工会");
		OrganisationView sibling = fixtures.organisation("别的县");
		JsonNode list = json(admin.get("/api/v1/organisations"));
		assertThat(list.valueStream().map(n -> n.get("id").asLong()).toList()).containsExactly(county.id(), child.id());
		assertThat(list.toString()).doesNotContain(sibling.name());
	}

	@Test
	void movingAnOrganisationUnderItsOwnDescendantIsRefused() {
		OrganisationView a = fixtures.organisationUnder(county.id(), "甲");
		OrganisationView b = fixtures.organisationUnder(a.id(), "乙");
		HttpResponse<String> res = admin.json("POST", "/api/v1/organisations/" + a.id() + "/move",
				"{\"newParentId\":" + b.id() + "}");
		assertThat(res.statusCode()).isEqualTo(400);
		assertThat(json(res).get("code").asString()).isEqualTo("organisation.move.cycle");
		assertThat(json(res).get("errors").get("newParentId").asString())
			.isEqualTo("不能把“" + a.name() + "”移到它自己的下级“" + b.name() + "”之下，否则会形成循环。");
		assertThat(json(admin.get("/api/v1/organisations/" + a.id())).get("parentId").asLong()).isEqualTo(county.id());
	}

	@Test
	void deletingAnOrganisationWithAUserIsRefusedAndChangesNothing() {
		OrganisationView office = fixtures.organisationUnder(county.id(), "有用户的工会");
		fixtures.user(office.id(), Role.CASEWORKER);
		HttpResponse<String> res = admin.delete("/api/v1/organisations/" + office.id());
		assertThat(res.statusCode()).isEqualTo(409);
		assertThat(json(res).get("detail").asString()).isEqualTo(
				"机构“" + office.name() + "”仍被下级机构、用户或业务数据引用，不能删除。可以改为停用。");
		JsonNode still = json(admin.get("/api/v1/organisations/" + office.id()));
		assertThat(still.get("name").asString()).isEqualTo(office.name());
		assertThat(still.get("active").asBoolean()).isTrue();
	}

	@Test
	void aSiblingOrganisationDoesNotExistForACaseworker() {
		OrganisationView sibling = fixtures.organisation("隔壁县总工会");
		Http caseworker = Http.basic(port, fixtures.user(county.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		assertThat(caseworker.get("/api/v1/organisations/" + county.id()).statusCode()).isEqualTo(200);
		HttpResponse<String> res = caseworker.get("/api/v1/organisations/" + sibling.id());
		assertThat(res.statusCode()).isEqualTo(404);
		assertThat(res.body()).doesNotContain(sibling.name());
		assertThat(admin.get("/api/v1/organisations/" + sibling.id()).statusCode()).isEqualTo(404);
	}

	@Test
	void writesByANonAdministratorAreForbidden() {
		Http caseworker = Http.basic(port, fixtures.user(county.id(), Role.CASEWORKER, Role.AUDITOR), Fixtures.PASSWORD);
		HttpResponse<String> res = create(caseworker, "NOPE" + System.nanoTime(), "不该建成", county.id(), "420102");
		assertThat(res.statusCode()).isEqualTo(403);
		assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
		assertThat(caseworker.delete("/api/v1/organisations/" + county.id()).statusCode()).isEqualTo(403);
		assertThat(caseworker.json("PUT", "/api/v1/organisations/" + county.id(),
				"{\"name\":\"改名\",\"type\":\"UNION\",\"regionCode\":\"420102\"}").statusCode()).isEqualTo(403);
		assertThat(json(admin.get("/api/v1/organisations/" + county.id())).get("name").asString()).isEqualTo(county.name());
	}

	@Test
	void unknownAndMalformedRegionCodesAreRefusedInTheCallersLanguage() {
		HttpResponse<String> unknown = create(admin, "R1" + System.nanoTime(), "未知区划", county.id(), "999999");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(json(unknown).get("errors").get("regionCode").asString()).isEqualTo("区划代码“999999”不存在。");

		HttpResponse<String> malformed = create(admin, "R2" + System.nanoTime(), "格式不对", county.id(), "42-01");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(json(malformed).get("errors").get("regionCode").asString())
			.isEqualTo("区划代码“42-01”格式不对：应为 2、4、6、9 或 12 位数字。");

		admin.language("en");
		HttpResponse<String> english = create(admin, "R3" + System.nanoTime(), "Unknown", county.id(), "999999");
		assertThat(json(english).get("errors").get("regionCode").asString()).isEqualTo("Region code \"999999\" does not exist.");
	}

	@Test
	void badInputAnswersWithAnErrorPerField() {
		HttpResponse<String> res = admin.json("POST", "/api/v1/organisations",
				"{\"code\":\"has space\",\"name\":\"\",\"type\":\"UNION\",\"regionCode\":\"420102\"}");
		assertThat(res.statusCode()).isEqualTo(400);
		JsonNode errors = json(res).get("errors");
		assertThat(errors.get("code").asString()).isEqualTo("机构代码只能包含字母、数字、点、下划线和连字符。");
		assertThat(errors.get("name").asString()).isEqualTo("请填写机构名称。");
		assertThat(errors.get("parentId").asString()).isEqualTo("请选择上级机构。");
	}

	@Test
	void duplicateCodesAndSiblingNamesAreRefused() {
		OrganisationView existing = fixtures.organisationUnder(county.id(), "重名");
		HttpResponse<String> code = create(admin, existing.code().toLowerCase(), "另一个", county.id(), "420102");
		assertThat(json(code).get("errors").get("code").asString()).isEqualTo("机构代码“" + existing.code().toLowerCase() + "”已被使用。");
		HttpResponse<String> name = create(admin, "DUP" + System.nanoTime(), existing.name(), county.id(), "420102");
		assertThat(json(name).get("errors").get("name").asString()).isEqualTo("同一上级下已有名为“" + existing.name() + "”的机构。");
	}

	@Test
	void theApiIsDescribedInTheOpenApiDocument() {
		String docs = Http.browser(port).get("/v3/api-docs").body();
		assertThat(docs).contains("/api/v1/organisations/{id}/move").contains("/api/v1/organisations/{id}/deactivate")
			.contains("/api/v1/regions/{code}/lineage").contains("\"Organisations\"").contains("\"Regions\"");
	}

	static HttpResponse<String> create(Http http, String code, String name, long parentId, String region) {
		return http.json("POST", "/api/v1/organisations", """
				{"code":"%s","name":"%s","type":"UNION","regionCode":"%s","parentId":%d}""".formatted(code, name, region, parentId));
	}

	static JsonNode json(HttpResponse<String> res) {
		return JSON.readTree(res.body());
	}

}
