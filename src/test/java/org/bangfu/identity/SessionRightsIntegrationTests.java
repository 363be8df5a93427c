package org.bangfu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * An open session follows every change to its account at its next request (issue 16, high):
 * a moved user reads the new organisation's register and no longer the old one's, a re-roled
 * user loses the pages of the lost role, and a password change (own or reset), a deactivated
 * organisation or a deactivated user's API token ends access.
 */
@IntegrationTest
@Import(Fixtures.class)
class SessionRightsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Organisations organisations;

	@Autowired
	ApiTokens tokens;

	private Http rootAdmin() {
		return Http.loggedIn(port, fixtures.user(fixtures.everything().organisationId(), Role.ADMIN), Fixtures.PASSWORD);
	}

	private static HttpResponse<String> edit(Http admin, long userId, long organisationId, Role role) {
		admin.get("/users/" + userId + "/edit");
		return admin.form("/users/" + userId,
				Map.of("name", "调动用户", "phone", "", "organisationId", "" + organisationId, "roles", role.name()));
	}

	@Test
	void aMovedUserReadsTheNewOrganisationAtTheNextRequestAndNoLongerTheOld() {
		OrganisationView from = fixtures.organisation("调出工会");
		OrganisationView to = fixtures.organisation("调入工会");
		HouseholdView there = registry.file(new Scope(from.id(), from.path()),
				Households.headOnly(Households.idNumber(LocalDate.of(1970, 1, 2), true)));
		String login = fixtures.user(from.id(), Role.CASEWORKER);
		Http user = Http.loggedIn(port, login, Fixtures.PASSWORD);
		assertThat(user.get("/households/" + there.id()).statusCode()).isEqualTo(200);

		assertThat(edit(rootAdmin(), fixtures.userId(login), to.id(), Role.CASEWORKER).statusCode()).isEqualTo(302);

		assertThat(user.get("/households/" + there.id()).statusCode()).isEqualTo(404);
		HttpResponse<String> home = user.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains(to.name()).doesNotContain(from.name());
	}

	@Test
	void aUserWhoLostARoleLosesItsPagesAtTheNextRequest() {
		OrganisationView org = fixtures.organisation("改角色工会");
		String login = fixtures.user(org.id(), Role.ADMIN);
		Http user = Http.loggedIn(port, login, Fixtures.PASSWORD);
		assertThat(user.get("/users").statusCode()).isEqualTo(200);

		assertThat(edit(rootAdmin(), fixtures.userId(login), org.id(), Role.CASEWORKER).statusCode()).isEqualTo(302);

		assertThat(user.get("/users").statusCode()).isEqualTo(403);
		assertThat(user.get("/").statusCode()).isEqualTo(200);
	}

	@Test
	void changingTheOwnPasswordEndsTheOtherSessionsButNotThisOne() {
		OrganisationView org = fixtures.organisation("改密工会");
		String login = fixtures.user(org.id(), Role.CASEWORKER);
		Http here = Http.loggedIn(port, login, Fixtures.PASSWORD);
		Http elsewhere = Http.loggedIn(port, login, Fixtures.PASSWORD);
		assertThat(elsewhere.get("/").statusCode()).isEqualTo(200);

		here.get("/account/password");
		HttpResponse<String> changed = here.form("/account/password",
				Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", "Another-Pass-2026"));
		assertThat(changed.statusCode()).isEqualTo(302);

		assertThat(here.get("/").statusCode()).isEqualTo(200);
		HttpResponse<String> ended = elsewhere.get("/");
		assertThat(ended.statusCode()).isEqualTo(302);
		assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?changed"));
		assertThat(elsewhere.get("/login?changed").body()).contains("您的账号已变更");
		assertThat(elsewhere.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void aPasswordResetByAnAdministratorEndsTheUsersSessions() {
		OrganisationView org = fixtures.organisation("重置工会");
		String login = fixtures.user(org.id(), Role.CASEWORKER);
		Http user = Http.loggedIn(port, login, Fixtures.PASSWORD);
		assertThat(user.get("/").statusCode()).isEqualTo(200);

		Http admin = rootAdmin();
		long id = fixtures.userId(login);
		admin.get("/users/" + id + "/edit");
		assertThat(admin.form("/users/" + id + "/reset-password", Map.of("password", "Reset-Pass-2026")).statusCode())
			.isEqualTo(302);

		assertThat(user.get("/").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?changed"));
	}

	@Test
	void aDeactivatedOrganisationEndsItsUsersSessions() {
		OrganisationView org = fixtures.organisation("撤销工会");
		String login = fixtures.user(org.id(), Role.CASEWORKER);
		Http user = Http.loggedIn(port, login, Fixtures.PASSWORD);
		assertThat(user.get("/").statusCode()).isEqualTo(200);

		organisations.setActive(fixtures.everything(), org.id(), false);

		assertThat(user.get("/").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?changed"));
	}

	@Test
	void theApiTokenOfADeactivatedUserStopsWorking() {
		OrganisationView org = fixtures.organisation("令牌停用工会");
		String login = fixtures.user(org.id(), Role.CASEWORKER);
		long id = fixtures.userId(login);
		String token = tokens.issue(fixtures.everything(), id, "脚本", null).token();
		assertThat(Http.bearer(port, token).get("/api/v1/me").statusCode()).isEqualTo(200);

		Http admin = rootAdmin();
		admin.get("/users/" + id + "/edit");
		assertThat(admin.form("/users/" + id + "/deactivate", Map.of()).statusCode()).isEqualTo(302);

		assertThat(Http.bearer(port, token).get("/api/v1/me").statusCode()).isEqualTo(401);
	}

}
