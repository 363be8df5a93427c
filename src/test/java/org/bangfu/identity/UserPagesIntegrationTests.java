package org.bangfu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.regex.Pattern;

import org.bangfu.identity.UserCommands.CreateUser;
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
class UserPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	OrganisationView org;

	OrganisationView child;

	Http admin;

	@BeforeEach
	void adminOfAFreshBranch() {
		org = fixtures.organisation("区总工会");
		child = fixtures.organisationUnder(org.id(), "街道工会");
		admin = Http.loggedIn(port, fixtures.user(org.id(), Role.ADMIN), Fixtures.PASSWORD);
	}

	UserView createUser(long orgId, String phone, Role role) {
		String login = "p" + System.nanoTime() % 10_000_000;
		return users.create(fixtures.everything(),
				new CreateUser(login, "李四" + login, phone, orgId, EnumSet.of(role), "Page-Pass-2026"));
	}

	static String path(HttpResponse<String> redirect) {
		java.net.URI uri = java.net.URI.create(redirect.headers().firstValue("Location").orElseThrow());
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	static int rows(String body) {
		return (int) Pattern.compile("class=\"user-login[\" ]").matcher(body).results().count();
	}

	@Test
	void theListShowsTheSubtreeWithMaskedPhonesRoleNamesAndLocks() {
		UserView reviewer = createUser(child.id(), "13812345678", Role.REVIEWER);
		UserView locked = createUser(org.id(), "", Role.CASEWORKER);
		jdbc.sql("UPDATE identity_user SET locked_until = now() + interval '1 hour' WHERE id = ?").param(locked.id()).update();
		String stranger = fixtures.user(fixtures.organisation("别处").id(), Role.CASEWORKER);

		String page = admin.get("/users").body();

		assertThat(page).contains(reviewer.login()).contains("138****5678").doesNotContain("13812345678");
		assertThat(page).contains("审核人").contains(child.name());
		assertThat(page).doesNotContain(stranger);
		String lockedRow = page.substring(page.indexOf("id=\"user-" + locked.id() + "\""));
		assertThat(lockedRow.substring(0, lockedRow.indexOf("</tr>"))).contains("已锁定");
	}

	@Test
	void filtersAndPagingStayInTheUrl() {
		for (int i = 0; i < 12; i++) {
			createUser(child.id(), "", i < 3 ? Role.AUDITOR : Role.CASEWORKER);
		}
		String first = admin.get("/users?org=" + child.id() + "&size=10").body();
		assertThat(rows(first)).isEqualTo(10);
		assertThat(first).contains("共 12 条").contains("第 1 / 2 页");
		assertThat(first).contains("href=\"/users?org=" + child.id() + "&amp;size=10&amp;page=2\"");

		assertThat(rows(admin.get("/users?org=" + child.id() + "&size=10&page=2").body())).isEqualTo(2);
		assertThat(rows(admin.get("/users?org=" + child.id() + "&role=AUDITOR").body())).isEqualTo(3);
		assertThat(rows(admin.get("/users?org=" + child.id() + "&size=5000").body())).isEqualTo(12);
		assertThat(admin.get("/users?org=" + child.id() + "&size=5000").body()).contains("<option value=\"100\" selected");
	}

	@Test
	void aTextFilterFindsLoginOrNameAndSaysSoWhenNothingMatches() {
		UserView u = createUser(child.id(), "", Role.CASEWORKER);
		assertThat(rows(admin.get("/users?q=" + u.login().toUpperCase()).body())).isEqualTo(1);
		String none = admin.get("/users?q=nobody-here-xyz").body();
		assertThat(none).contains("id=\"user-empty\"").contains("没有符合条件的用户");
	}

	@Test
	void anAdministratorCreatesAUserWhoMustChangeThePasswordAtFirstLogin() {
		String form = admin.get("/users/new").body();
		assertThat(form).contains(child.name()).contains("帮扶干部").contains("至少 10 位");

		String login = "new" + System.nanoTime() % 1_000_000;
		HttpResponse<String> created = admin.form("/users", Map.of("login", login, "name", "赵六", "phone",
				"13900001111", "organisationId", "" + child.id(), "roles", "CASEWORKER", "password", "First-Pass-2026"));
		assertThat(created.statusCode()).isEqualTo(302);
		String list = admin.get(path(created)).body();
		assertThat(list).contains("已创建用户“" + login + "”").contains("139****1111");

		Http newcomer = Http.loggedIn(port, login, "First-Pass-2026");
		for (String path : new String[] { "/", "/users", "/regions" }) {
			HttpResponse<String> res = newcomer.get(path);
			assertThat(res.statusCode()).as(path).isEqualTo(302);
			assertThat(res.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/account/password"));
		}
		assertThat(newcomer.get("/account/password").statusCode()).isEqualTo(200);
		assertThat(newcomer.get("/css/bangfu.css").statusCode()).isEqualTo(200);
		assertThat(newcomer.form("/account/password",
				Map.of("currentPassword", "First-Pass-2026", "newPassword", "Own-Choice-2026")).statusCode()).isEqualTo(302);
		assertThat(newcomer.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void formErrorsAreShownNextToTheirFields() {
		String taken = fixtures.user(child.id(), Role.CASEWORKER);
		admin.get("/users/new");
		String duplicate = admin.form("/users", Map.of("login", taken, "name", "重名", "phone", "",
				"organisationId", "" + child.id(), "roles", "CASEWORKER", "password", "First-Pass-2026")).body();
		assertThat(duplicate).contains("is-invalid").contains("<div class=\"invalid-feedback\">用户名“" + taken + "”已被使用。</div>");

		String weak = admin.form("/users", Map.of("login", "weak" + System.nanoTime() % 100000, "name", "弱密码",
				"organisationId", "" + child.id(), "roles", "CASEWORKER", "password", "password12")).body();
		assertThat(weak).contains("<div class=\"invalid-feedback\">密码须包含大写字母、小写字母、数字、符号中的至少三类。</div>");

		String bad = admin.form("/users", Map.of("login", "bad" + System.nanoTime() % 100000, "name", "坏号码", "phone",
				"12345", "organisationId", "" + child.id(), "password", "First-Pass-2026")).body();
		assertThat(bad).contains("<div class=\"invalid-feedback\">手机号应为")
			.contains("<div class=\"invalid-feedback d-block\">请至少选择一个角色。</div>");
		assertThat(bad).contains("value=\"12345\"");
	}

	@Test
	void anAdministratorEditsDeactivatesActivatesUnlocksAndResetsAUser() {
		UserView u = createUser(child.id(), "13712345678", Role.CASEWORKER);
		jdbc.sql("UPDATE identity_user SET locked_until = now() + interval '1 hour', failed_logins = 5 WHERE id = ?")
			.param(u.id())
			.update();
		String edit = admin.get("/users/" + u.id() + "/edit").body();
		assertThat(edit).contains("value=\"13712345678\"").contains("id=\"user-unlock\"").contains("data-confirm=\"确定停用用户");

		HttpResponse<String> saved = admin.form("/users/" + u.id(), Map.of("name", "李四改", "phone", "",
				"organisationId", "" + org.id(), "roles", "REVIEWER"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(admin.get("/users/" + u.id() + "/edit").body()).contains("已保存用户").contains("value=\"李四改\"");
		assertThat(users.find(fixtures.everything(), u.id()).orElseThrow().roles()).containsExactly(Role.REVIEWER);

		admin.form("/users/" + u.id() + "/unlock", Map.of());
		assertThat(admin.get("/users/" + u.id() + "/edit").body()).contains("已解锁用户").doesNotContain("id=\"user-unlock\"");

		admin.form("/users/" + u.id() + "/deactivate", Map.of());
		assertThat(admin.get("/users/" + u.id() + "/edit").body()).contains("已停用用户").contains("id=\"user-activate\"");
		assertThat(admin.get("/users?q=" + u.login() + "&active=false").body()).contains(u.login()).contains("停用");
		admin.form("/users/" + u.id() + "/activate", Map.of());
		assertThat(admin.get("/users/" + u.id() + "/edit").body()).contains("已启用用户");
		assertThat(users.find(fixtures.everything(), u.id()).orElseThrow().active()).isTrue();

		String weak = admin.form("/users/" + u.id() + "/reset-password", Map.of("password", "short")).body();
		assertThat(weak).contains("<div class=\"invalid-feedback\">密码至少 10 位。</div>");
		admin.form("/users/" + u.id() + "/reset-password", Map.of("password", "Reset-Pass-2026"));
		assertThat(admin.get("/users/" + u.id() + "/edit").body()).contains("已重置“" + u.login() + "”的密码");
		assertThat(users.mustChangePassword(u.id())).isTrue();
	}

	@Test
	void aUserOutsideTheSubtreeDoesNotExistForThePages() {
		String stranger = fixtures.user(fixtures.organisation("兄弟单位").id(), Role.CASEWORKER);
		long id = fixtures.userId(stranger);
		HttpResponse<String> edit = admin.get("/users/" + id + "/edit");
		assertThat(edit.statusCode()).isEqualTo(404);
		assertThat(edit.body()).contains("页面不存在或您无权查看");
		admin.get("/users");
		assertThat(admin.form("/users/" + id + "/deactivate", Map.of()).statusCode()).isEqualTo(404);
		assertThat(users.find(fixtures.everything(), id).orElseThrow().active()).isTrue();
	}

	@Test
	void anAuditorReadsTheListButCannotChangeAnything() {
		Http auditor = Http.loggedIn(port, fixtures.user(org.id(), Role.AUDITOR), Fixtures.PASSWORD);
		String list = auditor.get("/users").body();
		assertThat(list).contains("用户管理").doesNotContain("id=\"user-new\"").doesNotContain("/edit\"");
		assertThat(auditor.get("/users/new").statusCode()).isEqualTo(403);
	}

}
