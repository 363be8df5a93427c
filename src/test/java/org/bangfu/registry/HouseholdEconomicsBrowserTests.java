package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import java.math.BigDecimal;

import org.bangfu.identification.Places;
import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.identification.Standards;
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
 * A caseworker records a farm family's yearly income and a medical expense on the household's
 * Economics page in Chromium, and sees the yearly figure kept as entered, each month of the
 * chart's table saying it is the yearly figure ÷ 12, and this year's medical spending — which, as
 * essential spending, moves the household from relative to deep hardship under the union rule set.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class })
class HouseholdEconomicsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Places places;

	@Autowired
	Standards standards;

	@Test
	void aYearlyFarmIncomeAndAMedicalExpenseAreRecordedAndShown() {
		// DOMAIN's worked example (8,400 a year, 3 people) where the urban dibao line is 200: relative hardship
		Places.Place place = places.county("经济浏览器工会");
		LocalDate today = LocalDate.now(BusinessClock.zone());
		standards.add(place.scope(), new AddStandard("dibao_urban", place.county(), new BigDecimal("200"), null,
				LocalDate.of(2020, 1, 1), null, null));
		HouseholdView h = places.workedExample(place.scope(), place.township(), today);
		String login = fixtures.user(place.organisation().id(), Role.ADMIN);
		try (Browser browser = Browser.desktop(port)) {
			browser.logIn(login, Fixtures.PASSWORD);
			browser.go("/households/" + h.id());
			browser.click(By.id("decision-summary")); // the identification panel is folded below the members
			assertThat(browser.waitFor(By.id("rule-set-union-classes")).getText()).contains("相对困难");
			// the decision panel loads into the header (htmx) and may move the tabs: follow the tab's link
			browser.go(browser.waitFor(By.id("economics-tab")).getDomAttribute("href"));
			browser.waitFor(By.id("income-chart"));

			new Select(browser.driver().findElement(By.id("income-kind"))).selectByVisibleText("农业经营收入");
			new Select(browser.driver().findElement(By.id("income-period"))).selectByVisibleText("按年");
			browser.type(By.id("income-year"), Integer.toString(today.getYear()));
			browser.type(By.id("income-month"), "");
			browser.type(By.id("income-amount"), "25000");
			new Select(browser.driver().findElement(By.id("income-source"))).selectByVisibleText("走访");
			submit(browser, "income-save");
			assertThat(browser.text(By.id("flash-message"))).contains("已保存");
			assertThat(browser.text(By.id("income-items"))).contains("农业经营收入").contains("¥25,000.00").contains("全年");
			assertThat(browser.text(By.id("income-months"))).contains("年收入 ¥25,000.00 ÷ 12").contains("¥2,083.33");

			new Select(browser.driver().findElement(By.id("spending-kind"))).selectByVisibleText("医疗自付");
			browser.type(By.id("spending-year-input"), Integer.toString(today.getYear()));
			browser.type(By.id("spending-amount"), "6,000.00");
			browser.type(By.id("spending-evidence"), "住院发票 2026-118");
			submit(browser, "spending-save");
			assertThat(browser.text(By.id("spent-MEDICAL"))).isEqualTo("¥6,000.00");
			assertThat(browser.text(By.id("spent-total"))).isEqualTo("¥6,000.00");

			// a wrong amount is pointed out next to its field
			browser.type(By.id("cost-amount"), "12.345");
			new Select(browser.driver().findElement(By.id("cost-kind"))).selectByVisibleText("意外事故");
			browser.type(By.id("cost-date"), "");
			submit(browser, "cost-save");
			assertThat(browser.waitForText("金额最多两位小数")).contains("金额最多两位小数");
			browser.screenshot("household-economics");

			// the medical spending is essential spending now: (8,400 − 6,000) ÷ 12 ÷ 3 = 66.666… < 200 → deep hardship,
			// every figure named and the quotient shown unrounded
			browser.go("/households/" + h.id());
			browser.click(By.id("decision-summary")); // the identification panel is folded below the members
			WebElement union = browser.waitFor(By.id("rule-set-union-classes"));
			assertThat(union.getText()).contains("深度困难");
			assertThat(union.findElement(By.tagName("summary")).getText())
				.isEqualTo("(家庭年收入 8,400.00 − 年刚性支出 6,000.00) ÷ 12 ÷ 家庭人口 3 = 66.666666… < 城市低保标准（每人每月） 200.00 ✓ → 深度困难");
		}
	}

	static void submit(Browser browser, String id) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
				browser.driver().findElement(By.id(id)));
		browser.click(By.id(id));
	}

}
