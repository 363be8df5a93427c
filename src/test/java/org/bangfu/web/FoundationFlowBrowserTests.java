package org.bangfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.shared.Scope;
import org.bangfu.support.Browser;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The foundation's "done when", in a real Chromium and through the pages only: the administrator
 * logs in, creates an organisation (region from the cascade picker) and a caseworker in it, and
 * logs out; the caseworker logs in, must choose a password first, sees the own organisation, and
 * can reach nothing of a sibling organisation, neither by typing its URLs nor through the API.
 */
@IntegrationTest
@Import(Fixtures.class)
class FoundationFlowBrowserTests {

	static final String INITIAL = "Initial-Flow-2026";

	static final String CHOSEN = "Chosen-Flow-2026!";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	@Autowired
	HouseholdRegistry registry;

	@Test
	void adminSetsUpAnOrganisationAndACaseworkerWhoSeesNothingOfTheSibling() {
		long n = System.nanoTime() % 1000000;
		String orgName = "流程街道工会" + n;
		String login = "flow.caseworker" + n;
		// a sibling under the same root, with a household on its register
		OrganisationView sibling = fixtures.organisation("流程兄弟工会");
		HouseholdView theirs = registry.file(new Scope(sibling.id(), sibling.path()),
				Households.headOnly(Households.idNumber(LocalDate.of(1968, 3, 3), true)));
		long root = fixtures.everything().organisationId();

		try (Browser browser = Browser.desktop(port)) {
			browser.logIn("admin", IntegrationTest.ADMIN_PASSWORD);

			browser.click(By.id("nav-organisations"));
			browser.click(By.id("organisation-new"));
			new Select(browser.waitFor(By.id("parentId"))).selectByValue("" + root);
			browser.type(By.id("code"), "FLOW-" + n).type(By.id("name"), orgName);
			new Select(browser.waitFor(By.id("type"))).selectByValue("UNION");
			choose(browser, "regionCode-level-1", "湖北省");
			choose(browser, "regionCode-level-2", "武汉市");
			choose(browser, "regionCode-level-3", "江岸区");
			choose(browser, "regionCode-level-4", "大智街道");
			browser.screenshot("flow-1-new-organisation");
			submit(browser, By.cssSelector("#organisation-form button[type=submit]"));
			assertThat(browser.text(By.id("flash-message"))).contains(orgName);
			assertThat(browser.waitForText(orgName)).contains(orgName).contains("大智街道");
			OrganisationView created = organisations.tree(fixtures.everything())
				.stream()
				.filter(o -> o.name().equals(orgName))
				.findFirst()
				.orElseThrow();
			assertThat(created.regionCode()).isEqualTo("420102002000");

			browser.click(By.id("nav-users"));
			browser.click(By.id("user-new"));
			browser.type(By.id("login"), login).type(By.id("name"), "流程社工");
			new Select(browser.waitFor(By.id("organisationId"))).selectByValue("" + created.id());
			browser.click(By.cssSelector("input[name=roles][value=CASEWORKER]"));
			browser.type(By.id("password"), INITIAL);
			browser.screenshot("flow-2-new-caseworker");
			submit(browser, By.id("user-save"));
			assertThat(browser.text(By.id("flash-message"))).contains(login);

			browser.click(By.id("user-menu")).click(By.id("logout"));
			browser.waitFor(By.id("login-submit"));

			// the caseworker's first login ends on the password form, whatever page was asked for
			browser.type(By.id("username"), login).type(By.id("password"), INITIAL).click(By.id("login-submit"));
			browser.waitFor(By.id("currentPassword"));
			assertThat(browser.url()).endsWith("/account/password");
			browser.go("/households");
			browser.waitFor(By.id("currentPassword"));
			assertThat(browser.url()).endsWith("/account/password");
			browser.screenshot("flow-3-must-change-password");
			browser.type(By.id("currentPassword"), INITIAL).type(By.id("newPassword"), CHOSEN);
			submit(browser, By.cssSelector("form[action='/account/password'] button[type=submit]"));
			assertThat(browser.text(By.id("welcome"))).isEqualTo("您好，流程社工");
			assertThat(browser.text(By.id("flash-message"))).isEqualTo("密码已修改。");
			assertThat(browser.text(By.id("current-org"))).isEqualTo(orgName);
			assertThat(browser.waitForText("所属机构：" + orgName)).contains("所属机构：" + orgName);
			browser.screenshot("flow-4-caseworker-home");

			browser.click(By.id("nav-households"));
			browser.waitFor(By.tagName("h1"));
			assertThat(browser.pageText()).doesNotContain(theirs.fileNo());

			// the sibling's household and the sibling itself, by URL
			browser.go("/households/" + theirs.id());
			assertThat(browser.text(By.id("error-message"))).isEqualTo("页面不存在或您无权查看。");
			assertThat(browser.pageText()).doesNotContain(theirs.fileNo()).doesNotContain("张建国");
			browser.screenshot("flow-5-sibling-household-not-found");
			browser.go("/organisations/" + sibling.id() + "/edit");
			assertThat(browser.text(By.id("error-message"))).isEqualTo("页面不存在或您无权查看。");
			assertThat(browser.pageText()).doesNotContain(sibling.name());
		}

		// ... and through the API with the caseworker's own (new) password
		Http api = Http.basic(port, login, CHOSEN);
		assertThat(api.get("/api/v1/me").body()).contains(orgName);
		HttpResponse<String> household = api.get("/api/v1/households/" + theirs.id());
		assertThat(household.statusCode()).isEqualTo(404);
		assertThat(household.body()).doesNotContain(theirs.fileNo());
		HttpResponse<String> org = api.get("/api/v1/organisations/" + sibling.id());
		assertThat(org.statusCode()).isEqualTo(404);
		assertThat(org.body()).doesNotContain(sibling.name());
		assertThat(api.get("/api/v1/households?size=100").body()).doesNotContain(theirs.fileNo());
		assertThat(api.get("/api/v1/organisations").body()).contains(orgName).doesNotContain(sibling.name());
		assertThat(Http.basic(port, login, INITIAL).get("/api/v1/me").statusCode()).isEqualTo(401);
	}

	/** Picks an option of one level of the cascade picker and waits for htmx to swap the picker in. */
	private static void choose(Browser browser, String selectId, String text) {
		browser.wait(Duration.ofSeconds(10)).until(d -> {
			try {
				new Select(d.findElement(By.id(selectId))).selectByVisibleText(text);
				return true;
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
		browser.wait(Duration.ofSeconds(10)).until(d -> {
			try {
				String chosen = new Select(d.findElement(By.id(selectId))).getFirstSelectedOption().getDomAttribute("value");
				return d.findElements(By.cssSelector(".htmx-request")).isEmpty()
						&& chosen.equals(d.findElement(By.id("regionCode")).getDomProperty("value"));
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
	}

	private static void submit(Browser browser, By button) {
		browser.waitFor(button);
		browser.click(button);
	}

}
