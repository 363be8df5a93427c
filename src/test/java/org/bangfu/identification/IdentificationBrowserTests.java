package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.organisation.RegionView;
import org.bangfu.organisation.Regions;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.Role;
import org.bangfu.support.Browser;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * In Debian's headless Chromium on a phone-sized screen: an administrator sees the household's
 * class and why, adds a standard for the household's township on the standards page (region
 * chosen with the cascade picker), and the household page then shows the new class with the
 * new figure in its explanation.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class })
class IdentificationBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Places places;

	@Autowired
	Standards standards;

	@Autowired
	Regions regions;

	@Test
	void editingAStandardChangesTheDecisionShownOnTheHouseholdPageWithItsExplanation() {
		Places.Place place = places.county("浏览器识别工会");
		LocalDate today = LocalDate.now(org.bangfu.shared.BusinessClock.zone());
		standards.add(place.scope(), new AddStandard("dibao_urban", place.county(), new BigDecimal("300"), null,
				LocalDate.of(2020, 1, 1), null, null));
		HouseholdView h = places.workedExample(place.scope(), place.township(), today);
		String admin = fixtures.user(place.organisation().id(), Role.ADMIN);

		try (Browser browser = Browser.phone(port)) {
			browser.logIn(admin, Fixtures.PASSWORD);
			browser.go("/households/" + h.id());
			// on a phone the members are stacked cards, each value named, nothing wider than the screen
			JavascriptExecutor js = (JavascriptExecutor) browser.driver();
			assertThat(browser.driver().findElements(By.cssSelector("#members tbody tr"))).hasSize(3)
				.allSatisfy(row -> assertThat(row.getSize().getWidth()).isLessThanOrEqualTo(375));
			assertThat(js.executeScript("return getComputedStyle(document.querySelector('#members tbody td[data-label]'), '::before').content"))
				.isEqualTo("\"与户主关系\"");
			assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).intValue())
				.as("no sideways scrolling").isLessThanOrEqualTo(375);
			// the identification panel is folded below the members: the outcome in its summary line, the reasons on demand
			WebElement folded = browser.waitFor(By.id("decision-summary"));
			assertThat(folded.getText()).contains("深度困难");
			assertThat(browser.driver().findElement(By.id("rule-set-union-classes")).isDisplayed()).isFalse();
			browser.click(By.id("decision-summary"));
			WebElement union = browser.waitFor(By.id("rule-set-union-classes"));
			assertThat(union.getText()).contains("深度困难");
			assertThat(union.findElement(By.tagName("summary")).getText())
				.isEqualTo("(家庭年收入 8,400.00 − 年刚性支出 0.00) ÷ 12 ÷ 家庭人口 3 = 233.333333… < 城市低保标准（每人每月） 300.00 ✓ → 深度困难");

			browser.go("/identification/standards");
			browser.click(By.cssSelector("#add-standard > summary"));
			new Select(browser.waitFor(By.id("kind"))).selectByValue("dibao_urban");
			browser.type(By.id("value"), "200.00");
			List<RegionView> lineage = regions.lineage(place.township());
			for (RegionView level : lineage) {
				By select = By.id("regionCode-level-" + level.level());
				browser.wait(Duration.ofSeconds(10)).until(d -> {
					try {
						new Select(d.findElement(select)).selectByValue(level.code());
						return true;
					}
					catch (RuntimeException ex) {
						return false;
					}
				});
				browser.wait(Duration.ofSeconds(10)).until(d -> {
					try {
						return level.code().equals(d.findElement(By.id("regionCode")).getAttribute("value"));
					}
					catch (RuntimeException ex) {
						return false;
					}
				});
			}
			browser.type(By.id("note"), "浏览器调标");
			WebElement submit = browser.driver().findElement(By.id("standard-submit"));
			Browser.clickCentered(browser.driver(), submit);
			assertThat(browser.text(By.id("flash-message"))).contains("dibao_urban = 200.00");

			browser.go("/households/" + h.id());
			browser.click(By.id("decision-summary")); // the identification panel is folded below the members
			union = browser.waitFor(By.id("rule-set-union-classes"));
			assertThat(union.getText()).contains("相对困难");
			WebElement summary = union.findElement(By.tagName("summary"));
			assertThat(summary.getText()).isEqualTo("(家庭年收入 8,400.00 − 年刚性支出 0.00) ÷ 12 ÷ 家庭人口 3 = 233.333333… < 2 × 城市低保标准（每人每月） 200.00 = 400.00 ✓ → 相对困难");
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", summary);
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", summary);
			String why = union.findElement(By.className("explanation")).getText();
			assertThat(why).contains("城市低保标准").contains("200.00").contains(place.township()).contains("第 1 版")
				.contains("家庭年收入").contains("8,400.00");
			WebElement panel = browser.driver().findElement(By.id("decision-panel"));
			assertThat(panel.getSize().getWidth()).as("the panel fits a 375 px phone").isLessThanOrEqualTo(375);
			assertThat(((Number) ((JavascriptExecutor) browser.driver())
				.executeScript("return arguments[0].scrollWidth - arguments[0].clientWidth", panel)).intValue())
				.as("nothing in the panel overflows sideways").isLessThanOrEqualTo(0);
			browser.screenshot("identification-household-panel");
		}
	}

}
