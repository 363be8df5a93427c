package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.bangfu.support.Browser;
import org.bangfu.support.Fixtures;
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
 * A caseworker on a phone (375 px) files a household through the form: region by the cascade
 * picker, the head's ID number checked as it is typed, the one-head rule shown live; then sees
 * the file with its derived figures on its page.
 */
@IntegrationTest
@Import(Fixtures.class)
class HouseholdFormBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void aCaseworkerFilesAHouseholdOnAPhone() {
		OrganisationView org = fixtures.organisation("手机建档工会");
		String login = fixtures.user(org.id(), Role.CASEWORKER);
		String headId = Households.idNumber(LocalDate.of(1974, 5, 6), true);
		String fileNo = Households.fileNo();
		try (Browser browser = Browser.phone(port)) {
			browser.logIn(login, Fixtures.PASSWORD);
			browser.go("/households/new");
			// a file number is suggested from the organisation's sequence; the paper file's number may replace it
			assertThat(browser.driver().findElement(By.id("fileNo")).getDomProperty("value")).startsWith(org.code() + "-");
			browser.type(By.id("fileNo"), fileNo);

			// the region picker starts at the organisation's own region (江岸区): only the street is left to choose
			assertThat(browser.driver().findElement(By.id("regionCode")).getDomProperty("value")).isEqualTo("420102000000");
			assertThat(new Select(browser.driver().findElement(By.id("regionCode-level-3"))).getFirstSelectedOption().getText())
				.isEqualTo("江岸区");
			choose(browser, "regionCode-level-4", "大智街道");
			assertThat(browser.driver().findElement(By.id("regionCode")).getDomProperty("value")).isEqualTo("420102002000");

			browser.type(By.id("address"), "大智路 8 号");
			// a wrong check character is pointed out while typing …
			String wrong = headId.substring(0, 17) + (headId.charAt(17) == '1' ? "2" : "1");
			browser.type(By.id("head.idNumber"), wrong);
			waitForText(browser, By.cssSelector(".id-check"), "校验位");
			// … the right one shows sex and birth date
			browser.type(By.id("head.idNumber"), headId);
			waitForText(browser, By.cssSelector(".id-check"), "男");
			assertThat(browser.text(By.cssSelector(".id-check"))).contains("1974-05-06");

			// the head of a new file must be 户主: said as soon as another relation is chosen
			Select relation = new Select(browser.driver().findElement(By.id("head.relation")));
			relation.selectByVisibleText("配偶");
			waitForText(browser, By.id("head.relation-check"), "须为户主");
			relation.selectByVisibleText("户主");
			browser.wait(Duration.ofSeconds(5)).until(d -> d.findElement(By.id("head.relation-check")).getText().isEmpty());

			browser.type(By.id("head.name"), "赵大勇");
			browser.type(By.id("head.wage"), "700");
			assertNoHorizontalScroll(browser);
			browser.screenshot("household-form-phone");
			WebElement save = browser.driver().findElement(By.id("save-file"));
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", save);
			browser.click(By.id("save-file"));

			assertThat(browser.text(By.id("flash-message"))).contains("已建档").contains(fileNo);
			assertThat(browser.text(By.id("household-status"))).isEqualTo("在档");
			String header = browser.text(By.id("household-header"));
			assertThat(header).contains("赵大勇").contains("大智街道").contains("420102002000").contains("大智路 8 号");
			assertThat(browser.text(By.id("figures"))).contains("¥700.00").contains("¥8,400.00");
			assertThat(browser.text(By.id("members"))).contains("赵大勇").contains("户主")
				.contains(headId.substring(0, 6) + "********" + headId.substring(14))
				.contains(Integer.toString(java.time.Period.between(LocalDate.of(1974, 5, 6), LocalDate.now(BusinessClock.zone())).getYears()));
			assertNoHorizontalScroll(browser);
			browser.screenshot("household-detail-phone");

			// adding a second 户主 is pointed out before saving
			browser.go(browser.url().replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "") + "/members/new");
			new Select(browser.driver().findElement(By.id("relation"))).selectByVisibleText("户主");
			waitForText(browser, By.id("relation-check"), "已有户主");
			assertThat(browser.text(By.id("relation-check"))).contains("赵大勇");
			assertNoHorizontalScroll(browser);
		}
	}

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
		// htmx swaps the picker: wait until the hidden input holds the chosen region
		browser.wait(Duration.ofSeconds(10)).until(d -> {
			try {
				String chosen = new Select(d.findElement(By.id(selectId))).getFirstSelectedOption().getDomAttribute("value");
				return chosen.equals(d.findElement(By.id("regionCode")).getDomProperty("value"))
						&& d.findElements(By.cssSelector(".htmx-request")).isEmpty();
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
	}

	private static void waitForText(Browser browser, By by, String text) {
		browser.wait(Duration.ofSeconds(10)).until(d -> {
			try {
				return d.findElement(by).getText().contains(text);
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
	}

	/**
	 * Nothing of the page's content sticks out of a 375 px screen (tables scroll inside their
	 * .table-responsive box). The shell's top bar is the layout's business, not this page's.
	 */
	private static void assertNoHorizontalScroll(Browser browser) {
		Object wide = ((JavascriptExecutor) browser.driver()).executeScript("""
				var w = document.documentElement.clientWidth, out = [];
				document.querySelectorAll('main *').forEach(function (e) {
				  if (e.closest('.table-responsive') && !e.classList.contains('table-responsive')) { return; }
				  var r = e.getBoundingClientRect();
				  if (r.width > 0 && r.right > w + 1) { out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right)); }
				});
				return out.join('; ');""");
		assertThat(wide).as("elements wider than the 375 px screen").isEqualTo("");
	}

}
