package org.bangfu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Browser;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * In a real Chromium: a caseworker is logged in and reading the register when an administrator
 * moves them to another organisation; their next page load shows the new organisation and none
 * of the old one's households. Deactivated next, their next page load is the login page.
 */
@IntegrationTest
@Import(Fixtures.class)
class SessionRightsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	@Test
	void aLoggedInUserMovedByAnAdministratorSeesTheNewRightsAtTheNextPageLoad() {
		OrganisationView from = fixtures.organisation("浏览器调出工会");
		OrganisationView to = fixtures.organisation("浏览器调入工会");
		HouseholdView old = registry.file(new Scope(from.id(), from.path()),
				Households.headOnly(Households.idNumber(LocalDate.of(1966, 6, 6), false)));
		String login = fixtures.user(from.id(), Role.CASEWORKER);
		long id = fixtures.userId(login);
		Http admin = Http.loggedIn(port, fixtures.user(fixtures.everything().organisationId(), Role.ADMIN),
				Fixtures.PASSWORD);

		try (Browser browser = Browser.desktop(port)) {
			browser.logIn(login, Fixtures.PASSWORD);
			assertThat(browser.text(By.id("current-org"))).isEqualTo(from.name());
			browser.go("/households");
			browser.waitFor(By.tagName("h1"));
			assertThat(browser.waitForText(old.fileNo())).contains(old.fileNo());

			admin.get("/users/" + id + "/edit");
			admin.form("/users/" + id, Map.of("name", "调动社工", "phone", "", "organisationId", "" + to.id(), "roles",
					Role.CASEWORKER.name()));

			browser.go("/households");
			browser.waitFor(By.tagName("h1"));
			assertThat(browser.text(By.id("current-org"))).isEqualTo(to.name());
			assertThat(browser.pageText()).doesNotContain(old.fileNo());
			browser.go("/households/" + old.id());
			assertThat(browser.pageText()).doesNotContain(old.fileNo());
			browser.screenshot("session-rights-moved");

			admin.get("/users/" + id + "/edit");
			admin.form("/users/" + id + "/deactivate", Map.of());

			browser.go("/households");
			browser.waitFor(By.id("login-submit"));
			assertThat(browser.url()).contains("/login");
			browser.screenshot("session-rights-deactivated");
		}
	}

}
