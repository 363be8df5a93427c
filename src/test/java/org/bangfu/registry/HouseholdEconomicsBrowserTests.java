package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Browser;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A caseworker records a farm family's yearly income and a medical expense on the household's
 * Economics page in Chromium, and sees the yearly figure kept as entered, each month of the
 * chart's table saying it is the yearly figure ÷ 12, and this year's medical spending.
 */
@IntegrationTest
@Import(Fixtures.class)
class HouseholdEconomicsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	@Test
	void aYearlyFarmIncomeAndAMedicalExpenseAreRecordedAndShown() {
		OrganisationView org = fixtures.organisation("经济浏览器工会");
		String login = fixtures.user(org.id(), Role.CASEWORKER);
		Scope scope = new Scope(org.id(), fixtures.everything().path() + org.id() + "/");
		LocalDate today = LocalDate.now(BusinessClock.ZONE);
		HouseholdView h = registry.file(scope, new FileHousehold(null, Households.household(Households.fileNo()),
				Households.person("刘长根", Households.idNumber(today.minusYears(55), true), Vocabulary.Relation.HEAD, "0")));
		try (Browser browser = Browser.desktop(port)) {
			browser.logIn(login, Fixtures.PASSWORD);
			browser.go("/households/" + h.id());
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
			browser.type(By.id("spending-amount"), "8,600.40");
			browser.type(By.id("spending-evidence"), "住院发票 2026-118");
			submit(browser, "spending-save");
			assertThat(browser.text(By.id("spent-MEDICAL"))).isEqualTo("¥8,600.40");
			assertThat(browser.text(By.id("spent-total"))).isEqualTo("¥8,600.40");

			// a wrong amount is pointed out next to its field
			browser.type(By.id("cost-amount"), "12.345");
			new Select(browser.driver().findElement(By.id("cost-kind"))).selectByVisibleText("意外事故");
			browser.type(By.id("cost-date"), "");
			submit(browser, "cost-save");
			assertThat(browser.pageText()).contains("金额最多两位小数");
			browser.screenshot("household-economics");
		}
	}

	static void submit(Browser browser, String id) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
				browser.driver().findElement(By.id(id)));
		browser.click(By.id(id));
	}

}
