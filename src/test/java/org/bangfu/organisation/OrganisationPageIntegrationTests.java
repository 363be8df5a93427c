package org.bangfu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@IntegrationTest
@Import(Fixtures.class)
class OrganisationPageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	OrganisationView county;

	Http admin;

	@BeforeEach
	void setUp() {
		county = fixtures.organisation("县总工会");
		admin = Http.loggedIn(port, fixtures.user(county.id(), Role.ADMIN), Fixtures.PASSWORD);
	}

	@Test
	void theTreeShowsTheCallersSubtreeIndentedByDepth() {
		OrganisationView child = fixtures.organisationUnder(county.id(), "街道工会");
		OrganisationView grandchild = fixtures.organisationUnder(child.id(), "社区工会");
		OrganisationView sibling = fixtures.organisation("隔壁县");
		String page = admin.get("/organisations").body();
		assertThat(page).contains("<span class=\"tree-depth-0\">" + county.name() + "</span>")
			.contains("<span class=\"tree-depth-1\">" + child.name() + "</span>")
			.contains("<span class=\"tree-depth-2\">" + grandchild.name() + "</span>")
			.contains("江岸区").contains("420102")
			.doesNotContain(sibling.name());
	}

	@Test
	void anAdministratorCreatesAnOrganisationWithTheForm() {
		String form = admin.get("/organisations/new?parent=" + county.id()).body();
		assertThat(form).contains("name=\"regionCode\"").contains("value=\"420102000000\"")
			.contains("<option value=\"420102000000\" selected=\"selected\">江岸区</option>")
			.doesNotContain("value=\"PLATFORM\"");
		String code = "PG-" + System.nanoTime();
		HttpResponse<String> res = admin.form("/organisations", fields("code", code, "name", "大智街道工会", "type",
				"UNION", "parentId", String.valueOf(county.id()), "regionCode", "420102002000"));
		assertThat(res.statusCode()).isEqualTo(302);
		assertThat(res.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/organisations"));
		String list = admin.get("/organisations").body();
		assertThat(list).contains("已创建机构“大智街道工会”。").contains("<span class=\"tree-depth-1\">大智街道工会</span>")
			.contains("大智街道");
	}

	@Test
	void formErrorsAreShownNextToTheirFields() {
		admin.get("/organisations/new");
		String blank = admin.form("/organisations", fields("code", "", "name", "", "type", "", "parentId",
				String.valueOf(county.id()), "regionCode", "")).body();
		assertThat(blank).contains("<div class=\"invalid-feedback\">请填写机构名称。</div>")
			.contains("<div class=\"invalid-feedback\">请填写机构代码。</div>")
			.contains("<div class=\"invalid-feedback\">请选择机构类型。</div>")
			.contains("id=\"regionCode-error\">请选择所在区划。</div>");
		String unknown = admin.form("/organisations", fields("code", "PG-U" + System.nanoTime(), "name", "某工会", "type",
				"UNION", "parentId", String.valueOf(county.id()), "regionCode", "999999")).body();
		assertThat(unknown).contains("id=\"regionCode-error\">区划代码“999999”不存在。</div>");
		String taken = admin.form("/organisations", fields("code", county.code(), "name", "某工会", "type", "UNION",
				"parentId", String.valueOf(county.id()), "regionCode", "420102")).body();
		assertThat(taken).contains("<div class=\"invalid-feedback\">机构代码“" + county.code() + "”已被使用。</div>");
	}

	@Test
	void anAdministratorRenamesMovesDeactivatesAndActivatesWithTheForms() {
		OrganisationView a = fixtures.organisationUnder(county.id(), "甲");
		OrganisationView b = fixtures.organisationUnder(county.id(), "乙");
		assertThat(admin.get("/organisations/" + a.id() + "/edit").body()).contains("value=\"" + a.name() + "\"");
		HttpResponse<String> saved = admin.form("/organisations/" + a.id(), fields("name", "甲（新名）" + a.id(), "type",
				"COMPANY", "regionCode", "420102003"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(admin.get("/organisations").body()).contains("已保存机构“甲（新名）" + a.id() + "”。");
		OrganisationView renamed = organisations.require(fixtures.everything(), a.id());
		assertThat(renamed.type()).isEqualTo(OrganisationType.COMPANY);
		assertThat(renamed.regionName()).isEqualTo("一元街道");

		admin.get("/organisations/" + a.id() + "/edit");
		assertThat(admin.form("/organisations/" + a.id() + "/move", fields("newParentId", String.valueOf(b.id())))
			.statusCode()).isEqualTo(302);
		assertThat(organisations.require(fixtures.everything(), a.id()).parentId()).isEqualTo(b.id());

		admin.get("/organisations");
		admin.form("/organisations/" + a.id() + "/deactivate", Map.of());
		assertThat(admin.get("/organisations").body()).contains("已停用机构“甲（新名）" + a.id() + "”。");
		assertThat(organisations.require(fixtures.everything(), a.id()).active()).isFalse();
		admin.form("/organisations/" + a.id() + "/activate", Map.of());
		assertThat(organisations.require(fixtures.everything(), a.id()).active()).isTrue();
	}

	@Test
	void destructiveActionsAskFirst() {
		fixtures.organisationUnder(county.id(), "可删除");
		String list = admin.get("/organisations").body();
		assertThat(list).contains("data-confirm=\"确定删除该机构？只有没有任何下级、用户或业务数据的机构才能删除。\"")
			.contains("data-confirm=\"确定停用该机构？停用后其用户无法登录。\"");
	}

	@Test
	void movingUnderADescendantIsRefusedOnTheForm() {
		OrganisationView a = fixtures.organisationUnder(county.id(), "上级");
		OrganisationView b = fixtures.organisationUnder(a.id(), "下级");
		admin.get("/organisations/" + a.id() + "/edit");
		HttpResponse<String> res = admin.form("/organisations/" + a.id() + "/move", fields("newParentId", String.valueOf(b.id())));
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(res.body()).contains("不能把“" + a.name() + "”移到它自己的下级“" + b.name() + "”之下，否则会形成循环。");
		assertThat(organisations.require(fixtures.everything(), a.id()).parentId()).isEqualTo(county.id());
	}

	@Test
	void deletingIsRefusedWhileAUserBelongsToTheOrganisation() {
		OrganisationView used = fixtures.organisationUnder(county.id(), "有人");
		fixtures.user(used.id(), Role.CASEWORKER);
		admin.get("/organisations");
		assertThat(admin.form("/organisations/" + used.id() + "/delete", Map.of()).statusCode()).isEqualTo(302);
		assertThat(admin.get("/organisations").body())
			.contains("机构“" + used.name() + "”仍被下级机构、用户或业务数据引用，不能删除。可以改为停用。");
		assertThat(organisations.find(fixtures.everything(), used.id())).isPresent();

		OrganisationView empty = fixtures.organisationUnder(county.id(), "空");
		admin.form("/organisations/" + empty.id() + "/delete", Map.of());
		assertThat(admin.get("/organisations").body()).contains("已删除机构“" + empty.name() + "”。");
		assertThat(organisations.find(fixtures.everything(), empty.id())).isEmpty();
	}

	@Test
	void aSiblingOrganisationIsNotFoundOnEveryPage() {
		OrganisationView sibling = fixtures.organisation("隔壁县总工会");
		Http caseworker = Http.loggedIn(port, fixtures.user(county.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		for (Http user : new Http[] { caseworker, admin }) {
			user.get("/");
			assertThat(user.get("/organisations/" + sibling.id() + "/edit").statusCode()).isEqualTo(404);
			assertThat(user.get("/organisations/new?parent=" + sibling.id()).statusCode()).isIn(403, 404);
			for (String action : new String[] { "", "/move", "/deactivate", "/activate", "/delete" }) {
				assertThat(user.form("/organisations/" + sibling.id() + action, Map.of("newParentId", String.valueOf(county.id())))
					.statusCode()).as(action).isEqualTo(404);
			}
		}
		assertThat(organisations.require(fixtures.everything(), sibling.id()).active()).isTrue();
		assertThat(caseworker.get("/organisations/" + county.id() + "/edit").statusCode()).isEqualTo(403);
		assertThat(caseworker.get("/organisations").statusCode()).isEqualTo(403);
	}

	@Test
	void anAuditorReadsTheTreeWithoutActions() {
		fixtures.organisationUnder(county.id(), "下属工会");
		Http auditor = Http.loggedIn(port, fixtures.user(county.id(), Role.AUDITOR), Fixtures.PASSWORD);
		String list = auditor.get("/organisations").body();
		assertThat(list).contains(county.name()).contains("您只能查看机构，不能修改。")
			.doesNotContain("/organisations/new").doesNotContain("data-confirm");
		assertThat(auditor.get("/organisations/new").statusCode()).isEqualTo(403);
	}

	static Map<String, String> fields(String... kv) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put(kv[i], kv[i + 1]);
		}
		return m;
	}

}
