package org.bangfu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** CSRF on pages, a stateless API, security headers and the session timeout. */
@IntegrationTest
@Import(Fixtures.class)
class WebSecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment env;

	OrganisationView org;

	String adminLogin;

	long target;

	@BeforeEach
	void anAdministratorAndAUser() {
		org = fixtures.organisation("安全工会");
		adminLogin = fixtures.user(org.id(), Role.ADMIN);
		target = fixtures.userId(fixtures.user(org.id(), Role.CASEWORKER));
	}

	Map<String, String> rename(String name) {
		return Map.of("name", name, "phone", "", "organisationId", "" + org.id(), "roles", "CASEWORKER");
	}

	String name() {
		return users.require(fixtures.everything(), target).name();
	}

	@Test
	void aPageFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
		Http admin = Http.loggedIn(port, adminLogin, Fixtures.PASSWORD);
		admin.get("/users/" + target + "/edit");
		String before = name();

		assertThat(admin.formWithoutCsrf("/users/" + target, rename("伪造改名")).statusCode()).isEqualTo(403);
		assertThat(admin.form("/users/" + target, Map.of("_csrf", "not-the-token", "name", "伪造改名", "phone", "",
				"organisationId", "" + org.id(), "roles", "CASEWORKER")).statusCode()).isEqualTo(403);
		assertThat(name()).isEqualTo(before);

		admin.get("/users/" + target + "/edit");
		assertThat(admin.form("/users/" + target, rename("正常改名")).statusCode()).isEqualTo(302);
		assertThat(name()).isEqualTo("正常改名");
	}

	@Test
	void theApiNeedsNoCsrfTokenAndASessionCookieDoesNotAuthenticateIt() {
		HttpResponse<String> basic = Http.basic(port, adminLogin, Fixtures.PASSWORD)
			.json("PUT", "/api/v1/users/" + target,
					"{\"name\":\"接口改名\",\"organisationId\":%d,\"roles\":[\"CASEWORKER\"]}".formatted(org.id()));
		assertThat(basic.statusCode()).isEqualTo(200);
		assertThat(name()).isEqualTo("接口改名");

		Http browser = Http.loggedIn(port, adminLogin, Fixtures.PASSWORD);
		assertThat(browser.get("/users").statusCode()).isEqualTo(200);
		HttpResponse<String> api = browser.get("/api/v1/me");
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(Json.read(api.body()).path("code").asString()).isEqualTo("error.unauthenticated");
		assertThat(browser.json("POST", "/api/v1/users/" + target + "/deactivate", null).statusCode()).isEqualTo(401);
		assertThat(users.require(fixtures.everything(), target).active()).isTrue();
	}

	@Test
	void pagesCarryStrictSecurityHeaders() {
		Http admin = Http.loggedIn(port, adminLogin, Fixtures.PASSWORD);
		for (HttpResponse<String> res : new HttpResponse[] { admin.get("/users"), Http.browser(port).get("/login") }) {
			assertThat(res.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
				.contains("script-src 'self'").contains("style-src 'self'").contains("frame-ancestors 'none'")
				.doesNotContain("unsafe-inline"));
			assertThat(res.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(res.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		}
	}

	@Test
	void sessionsLastThirtyIdleMinutesAndAreKeptInTheDatabase() {
		assertThat(env.getProperty("server.servlet.session.timeout", Duration.class)).isEqualTo(Duration.ofMinutes(30));
		assertThat(env.getProperty("spring.session.timeout", Duration.class)).isEqualTo(Duration.ofMinutes(30));

		Http.loggedIn(port, adminLogin, Fixtures.PASSWORD).get("/");
		Integer maxInactive = jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
			.param(adminLogin)
			.query(Integer.class)
			.single();
		assertThat(maxInactive).isEqualTo(30 * 60);
	}

}
