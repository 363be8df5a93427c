package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.shared.Role;
import org.bangfu.support.Browser;
import org.bangfu.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A caseworker imports a small file through the page in a real headless Chromium on a phone-sized screen. */
@ImportIntegrationTest
class HouseholdImportBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void aCaseworkerUploadsAFileWatchesTheProgressAndSeesTheCounts() throws Exception {
		OrganisationView org = fixtures.organisation("浏览器导入");
		String login = fixtures.user(org.id(), Role.CASEWORKER);
		TemplateFile file = new TemplateFile();
		file.household("WEB-1", 3);
		file.household("WEB-2", 2);
		file.household("WEB-3", 1).get(0).put(TemplateColumn.BANK_ACCOUNT, "123");
		Path csv = file.write(dir, "浏览器.csv", file.csv());
		try (Browser browser = Browser.phone(port)) {
			browser.logIn(login, Fixtures.PASSWORD).go("/households");
			browser.click(By.id("import-households"));
			browser.waitFor(By.id("import-form"));
			browser.driver().findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
			browser.click(By.id("existing-skip"));
			browser.click(By.id("import-submit"));
			browser.waitFor(By.id("import-status"));
			browser.wait(Duration.ofSeconds(60))
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("households-summary")));
			assertThat(browser.text(By.id("households-summary")))
				.isEqualTo("新建档 2 户，更新 0 户，无变化 0 户，已建档跳过 0 户，拒绝 1 户。");
			assertThat(browser.text(By.id("rows-accepted"))).isEqualTo("5");
			assertThat(browser.text(By.id("rows-rejected"))).isEqualTo("1");
			assertThat(browser.text(By.id("import-issues"))).contains("银行账号“123”格式不对");
			assertThat(browser.driver().findElement(By.id("error-report")).getAttribute("href")).endsWith("/report");
			browser.screenshot("household-import-phone");
			Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
					"var w = document.documentElement.clientWidth, max = 0;"
							+ "document.querySelectorAll('main *').forEach(function (e) {"
							+ "  if (!e.parentElement.closest('.table-responsive')) {"
							+ "    max = Math.max(max, e.getBoundingClientRect().right); } });"
							+ "return Math.round(max - w);");
			assertThat(overflow.intValue()).as("the import page fits 375 px").isLessThanOrEqualTo(0);
		}
		assertThat(new ImportResults(jdbc).fileNos(org.id())).containsExactly("WEB-1", "WEB-2");
	}

}
