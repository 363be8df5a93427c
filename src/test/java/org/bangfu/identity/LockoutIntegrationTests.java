package org.bangfu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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

/** Five wrong passwords in a row lock an account (15 minutes by default) until an administrator unlocks it. */
@IntegrationTest
@Import(Fixtures.class)
class LockoutIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	OrganisationView org;

	String login;

	@BeforeEach
	void aUserWhoForgotTheirPassword() {
		org = fixtures.organisation("锁定工会");
		login = fixtures.user(org.id(), Role.CASEWORKER);
	}

	static String location(HttpResponse<String> res) {
		return res.headers().firstValue("Location").orElse("");
	}

	static void failFiveTimes(int port, String login) {
		Http browser = Http.browser(port);
		for (int i = 1; i <= 5; i++) {
			assertThat(location(browser.login(login, "Wrong-Pass-" + i))).as("attempt " + i).endsWith("/login?error=bad");
		}
	}

	@Test
	void afterFiveWrongPasswordsEvenTheRightOneIsRefusedOnThePageAndOverTheApi() {
		failFiveTimes(port, login);

		Http browser = Http.browser(port);
		HttpResponse<String> sixth = browser.login(login, Fixtures.PASSWORD);
		assertThat(location(sixth)).endsWith("/login?error=locked");
		assertThat(browser.get("/login?error=locked").body()).contains("账户已被锁定");

		HttpResponse<String> api = Http.basic(port, login, Fixtures.PASSWORD).get("/api/v1/me");
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(Json.read(api.body()).path("code").asString()).isEqualTo("error.locked");
	}

	@Test
	void aWrongPasswordAnswersTheSameForALockedAccountAsForALoginThatDoesNotExist() {
		failFiveTimes(port, login);
		Http browser = Http.browser(port);
		assertThat(location(browser.login(login, "Wrong-Pass-9"))).as("locked, wrong password").endsWith("/login?error=bad");
		assertThat(location(browser.login("nobody-" + System.nanoTime(), "Wrong-Pass-9"))).as("no such login")
			.endsWith("/login?error=bad");
		HttpResponse<String> lockedApi = Http.basic(port, login, "Wrong-Pass-9").get("/api/v1/me");
		HttpResponse<String> unknownApi = Http.basic(port, "nobody-" + System.nanoTime(), "Wrong-Pass-9").get("/api/v1/me");
		assertThat(lockedApi.statusCode()).isEqualTo(401).isEqualTo(unknownApi.statusCode());
		assertThat(Json.read(lockedApi.body()).path("code").asString())
			.isEqualTo(Json.read(unknownApi.body()).path("code").asString());
	}

	@Test
	void metricsAreForAdministratorsOnly() {
		assertThat(Http.loggedIn(port, login, Fixtures.PASSWORD).get("/actuator/metrics").statusCode()).isEqualTo(403);
		Http admin = Http.loggedIn(port, fixtures.user(org.id(), Role.ADMIN), Fixtures.PASSWORD);
		assertThat(admin.get("/actuator/metrics").statusCode()).isEqualTo(200);
		assertThat(Http.browser(port).get("/actuator/health/readiness").statusCode()).as("probes stay open").isEqualTo(200);
	}

	@Test
	void anAdministratorUnlocksOnTheUserPage() {
		failFiveTimes(port, login);
		Http admin = Http.loggedIn(port, fixtures.user(org.id(), Role.ADMIN), Fixtures.PASSWORD);
		long id = fixtures.userId(login);
		assertThat(admin.get("/users?q=" + login).body()).contains("已锁定");

		admin.get("/users/" + id + "/edit");
		assertThat(admin.form("/users/" + id + "/unlock", Map.of()).statusCode()).isEqualTo(302);
		assertThat(admin.get("/users/" + id + "/edit").body()).contains("已解锁用户“" + login + "”");

		Http.loggedIn(port, login, Fixtures.PASSWORD);
	}

	@Test
	void anAdministratorUnlocksOverTheApi() {
		failFiveTimes(port, login);
		Http admin = Http.basic(port, fixtures.user(org.id(), Role.ADMIN), Fixtures.PASSWORD);
		long id = fixtures.userId(login);
		HttpResponse<String> unlocked = admin.json("POST", "/api/v1/users/" + id + "/unlock", null);
		assertThat(unlocked.statusCode()).isEqualTo(200);
		assertThat(Json.read(unlocked.body()).path("locked").asBoolean()).isFalse();

		assertThat(Http.basic(port, login, Fixtures.PASSWORD).get("/api/v1/me").statusCode()).isEqualTo(200);
	}

	@Test
	void aSuccessfulLoginStartsTheCountAgain() {
		Http browser = Http.browser(port);
		for (int i = 0; i < 4; i++) {
			browser.login(login, "Wrong-Pass-" + i);
		}
		Http.loggedIn(port, login, Fixtures.PASSWORD);
		for (int i = 0; i < 4; i++) {
			browser.login(login, "Wrong-Again-" + i);
		}
		Http.loggedIn(port, login, Fixtures.PASSWORD);
	}

}
