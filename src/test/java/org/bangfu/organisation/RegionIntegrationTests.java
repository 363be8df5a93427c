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

@IntegrationTest
@Import(Fixtures.class)
class RegionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	String caseworker;

	@BeforeEach
	void setUp() {
		caseworker = fixtures.user(fixtures.organisation("街道工会").id(), Role.CASEWORKER);
	}

	@Test
	void theApiListsProvincesChildrenAndLineage() {
		Http api = Http.basic(port, caseworker, Fixtures.PASSWORD);
		JsonNode provinces = json(api.get("/api/v1/regions"));
		assertThat(provinces.size()).isEqualTo(31);
		assertThat(provinces.get(0).get("name").asString()).isEqualTo("北京市");

		JsonNode townships = json(api.get("/api/v1/regions?parent=420102"));
		assertThat(townships.valueStream().map(n -> n.get("name").asString()).toList()).contains("大智街道", "后湖街道")
			.hasSize(17);
		assertThat(townships.valueStream().map(n -> n.get("parentCode").asString()).distinct().toList())
			.containsExactly("420102000000");

		JsonNode region = json(api.get("/api/v1/regions/420102002"));
		assertThat(region.get("name").asString()).isEqualTo("大智街道");
		assertThat(region.get("level").asInt()).isEqualTo(4);

		JsonNode lineage = json(api.get("/api/v1/regions/420102002/lineage"));
		assertThat(lineage.valueStream().map(n -> n.get("name").asString()).toList())
			.containsExactly("湖北省", "武汉市", "江岸区", "大智街道");
	}

	@Test
	void unknownCodesAreNotFoundAndMalformedOnesBadRequestsInTheCallersLanguage() {
		Http api = Http.basic(port, caseworker, Fixtures.PASSWORD);
		HttpResponse<String> unknown = api.get("/api/v1/regions/999999");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(json(unknown).get("detail").asString()).isEqualTo("区划代码“999999”不存在。");
		assertThat(api.get("/api/v1/regions?parent=999999").statusCode()).isEqualTo(404);
		assertThat(api.get("/api/v1/regions/999999/lineage").statusCode()).isEqualTo(404);

		HttpResponse<String> malformed = api.get("/api/v1/regions/4201x");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(json(malformed).get("code").asString()).isEqualTo("region.code.malformed");
		assertThat(json(malformed).get("detail").asString()).isEqualTo("区划代码“4201x”格式不对：应为 2、4、6、9 或 12 位数字。");

		HttpResponse<String> english = api.language("en").get("/api/v1/regions?parent=12345");
		assertThat(english.statusCode()).isEqualTo(400);
		assertThat(json(english).get("detail").asString())
			.isEqualTo("Region code \"12345\" is malformed: it must have 2, 4, 6, 9 or 12 digits.");
	}

	@Test
	void theCascadeEndpointReturnsTheChildrenOfACounty() {
		Http page = Http.loggedIn(port, caseworker, Fixtures.PASSWORD);
		HttpResponse<String> res = page.get("/regions/picker?name=regionCode&level=5&code=420102000000");
		assertThat(res.statusCode()).isEqualTo(200);
		String html = res.body();
		assertThat(html).contains("<input type=\"hidden\" name=\"regionCode\" id=\"regionCode\" value=\"420102000000\">")
			.contains("<option value=\"420000000000\" selected=\"selected\">湖北省</option>")
			.contains("<option value=\"420100000000\" selected=\"selected\">武汉市</option>")
			.contains("<option value=\"420102000000\" selected=\"selected\">江岸区</option>")
			.contains("<option value=\"420102002000\">大智街道</option>")
			.contains("<option value=\"420102400000\">百步亭花园</option>")
			.contains("乡镇（街道）")
			.contains("hx-get=\"/regions/picker?name=regionCode&amp;level=5\"")
			.doesNotContain("<script");
		String capped = page.get("/regions/picker?name=regionCode&level=3&code=420102").body();
		assertThat(capped).contains("江岸区").doesNotContain("大智街道");
		String cleared = page.get("/regions/picker?name=regionCode&level=5&code=").body();
		assertThat(cleared).contains("value=\"\"").contains("湖北省").doesNotContain("武汉市");
	}

	@Test
	void theRegionPageDrillsDownWithABreadcrumbAndSearches() {
		Http page = Http.loggedIn(port, caseworker, Fixtures.PASSWORD);
		String provinces = page.get("/regions").body();
		assertThat(provinces).contains("湖北省").contains("href=\"/regions?parent=42\"");
		String county = page.get("/regions?parent=420102").body();
		assertThat(county).contains("<a href=\"/regions?parent=42\">湖北省</a>")
			.contains("<a href=\"/regions?parent=4201\">武汉市</a>")
			.contains("<span>江岸区</span>")
			.contains("<td>大智街道</td>").contains("420102002");
		String found = page.get("/regions?q=" + java.net.URLEncoder.encode("江岸", java.nio.charset.StandardCharsets.UTF_8)).body();
		assertThat(found).contains("<td>江岸区</td>").contains("名称包含“江岸”的区划");
		assertThat(page.get("/regions?parent=999999").statusCode()).isEqualTo(404);
		assertThat(page.get("/regions?parent=abc").statusCode()).isEqualTo(400);
	}

	static JsonNode json(HttpResponse<String> res) {
		return OrganisationApiIntegrationTests.json(res);
	}

}
