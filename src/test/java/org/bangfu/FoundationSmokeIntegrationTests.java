package org.bangfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.bangfu.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@IntegrationTest
@Import(Fixtures.class)
class FoundationSmokeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void adminLogsInAndSeesTheHomePageInChinese() {
		Http admin = Http.loggedIn(port, "admin", IntegrationTest.ADMIN_PASSWORD);
		HttpResponse<String> home = admin.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("您好，系统管理员").contains("全部机构");
	}

	@Test
	void aCaseworkerLogsInAndSeesOnlyTheirOwnOrganisationCounted() {
		var org = fixtures.organisation("街道工会");
		String login = fixtures.user(org.id(), Role.CASEWORKER);
		Http caseworker = Http.loggedIn(port, login, Fixtures.PASSWORD);
		assertThat(caseworker.get("/").body()).contains("id=\"count-organisations\">1<");
	}

	@Test
	void pagesRequireLogin() {
		HttpResponse<String> res = Http.browser(port).get("/");
		assertThat(res.statusCode()).isEqualTo(302);
		assertThat(res.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

}
