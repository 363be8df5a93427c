package org.bangfu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deactivating a user logs them out everywhere and keeps them out. */
@IntegrationTest
@Import(Fixtures.class)
class DeactivationIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	long sessions(String login) {
		return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(login).query(Long.class).single();
	}

	@Test
	void aDeactivatedUserIsLoggedOutAndCannotLogInAgain() {
		OrganisationView org = fixtures.organisation("停用工会");
		String login = fixtures.user(org.id(), Role.CASEWORKER);
		Http user = Http.loggedIn(port, login, Fixtures.PASSWORD);
		assertThat(user.get("/").statusCode()).isEqualTo(200);
		assertThat(sessions(login)).isEqualTo(1);

		Http admin = Http.loggedIn(port, fixtures.user(org.id(), Role.ADMIN), Fixtures.PASSWORD);
		long id = fixtures.userId(login);
		admin.get("/users/" + id + "/edit");
		assertThat(admin.form("/users/" + id + "/deactivate", Map.of()).statusCode()).isEqualTo(302);
		assertThat(admin.get("/users/" + id + "/edit").body()).contains("已停用用户“" + login + "”，其会话已结束");

		assertThat(sessions(login)).isZero();
		HttpResponse<String> after = user.get("/");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

		Http again = Http.browser(port);
		HttpResponse<String> login2 = again.login(login, Fixtures.PASSWORD);
		assertThat(login2.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error=disabled"));
		assertThat(again.get("/login?error=disabled").body()).contains("账户已停用，请联系管理员。");
		assertThat(Http.basic(port, login, Fixtures.PASSWORD).get("/api/v1/me").statusCode()).isEqualTo(401);
	}

	@Test
	void anAdministratorCannotDeactivateThemself() {
		OrganisationView org = fixtures.organisation("自停工会");
		String login = fixtures.user(org.id(), Role.ADMIN);
		Http admin = Http.loggedIn(port, login, Fixtures.PASSWORD);
		long id = fixtures.userId(login);
		admin.get("/users/" + id + "/edit");
		admin.form("/users/" + id + "/deactivate", Map.of());
		assertThat(admin.get("/users/" + id + "/edit").body()).contains("不能停用您自己的账户");
		assertThat(sessions(login)).isEqualTo(1);
	}

}
