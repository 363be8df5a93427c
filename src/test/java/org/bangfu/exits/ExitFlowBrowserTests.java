package org.bangfu.exits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;

import org.bangfu.cases.Notices;
import org.bangfu.identification.Standards;
import org.bangfu.organisation.Organisations;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.economics.HouseholdEconomics;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.bangfu.support.Browser;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A real Chromium: six months above the line (income recorded through the API) make a proposal;
 * the caseworker resolves the cause and opens the exit case from the proposal, the county re-checks
 * at home, the notice runs, the county approves; the household is exited and its first follow-up
 * visit, overdue three months later, is recorded.
 */
@IntegrationTest
@Import(Fixtures.class)
class ExitFlowBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	HouseholdEconomics economics;

	@Autowired
	Standards standards;

	@Autowired
	Notices notices;

	@Autowired
	BusinessClock clock;

	@AfterEach
	void resetClock() {
		clock.set(Clock.system(BusinessClock.zone()));
	}

	@Test
	void sixMonthsAboveTheLineGoThroughTheProposedExitCaseToTheFirstFollowUpVisit() throws Exception {
		ExitWorld world = new ExitWorld(port, fixtures, organisations, registry, economics, standards, "500.00");
		world.settings(12, 12, 3);
		HouseholdView h = world.household("黄新生", true);
		String caseworker = fixtures.user(world.base.id(), Role.CASEWORKER);
		String rechecker = fixtures.user(world.county.id(), Role.REVIEWER);
		String approver = fixtures.user(world.county.id(), Role.APPROVER);
		Http api = Http.basic(port, caseworker, Fixtures.PASSWORD);
		long head = registry.find(world.scope, h.id()).orElseThrow().members().get(0).id();
		YearMonth thisMonth = YearMonth.from(clock.today());
		for (int k = 1; k <= 6; k++) {
			YearMonth m = thisMonth.minusMonths(k);
			HttpResponse<String> res = api.json("POST", "/api/v1/households/" + h.id() + "/income", """
					{"memberId": %d, "kind": "WAGE", "period": "MONTH", "year": %d, "month": %d, "amount": 1200.00}"""
				.formatted(head, m.getYear(), m.getMonthValue()));
			assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
		}
		Path pdf = Files.write(Files.createTempDirectory("bangfu-exit").resolve("材料.pdf"), ExitWorld.PDF);
		String row = "tr[data-file-no='" + h.fileNo() + "']";
		long caseId;
		try (Browser browser = Browser.desktop(port)) {
			browser.logIn(caseworker, Fixtures.PASSWORD);
			browser.click(By.id("nav-exits"));
			assertThat(browser.text(By.id("waiting-table"))).contains(h.fileNo()).contains("连续 6 个月高于标准");
			browser.type(By.cssSelector("#waiting-table " + row + " input[name=note]"), "已在物流公司稳定就业");
			browser.click(By.cssSelector("#waiting-table " + row + " button"));
			assertThat(browser.text(By.id("flash-message"))).contains("已标记为消除");
			assertThat(browser.text(By.cssSelector("#proposals-table " + row)))
				.contains(thisMonth.minusMonths(6).toString()).contains("1200.00");
			browser.click(By.cssSelector("#proposals-table " + row + " .open-exit-case"));
			assertThat(browser.text(By.id("flash-message"))).contains("案件已发起");
			caseId = Long.parseLong(browser.url().replaceAll(".*/cases/(\\d+).*", "$1"));
			upload(browser, "INCOME", pdf);
			browser.click(By.id("submit-case"));
			assertThat(browser.text(By.id("case-status"))).isEqualTo("审核中");

			switchUser(browser, rechecker);
			browser.go("/cases/" + caseId);
			browser.type(By.id("visitors"), "王主任、刘干事").type(By.id("findings"), "户主在物流公司上班半年，工资按月发放");
			browser.click(By.id("act-submit"));
			assertThat(browser.text(By.id("flash-message"))).contains("已办理");
			assertThat(browser.text(By.id("next-step"))).contains("公示");
		}
		world.publishNotice(Http.basic(port, rechecker, Fixtures.PASSWORD), caseId);
		clock.set(Clock.offset(Clock.system(BusinessClock.zone()), Duration.ofDays(10)));
		notices.closeExpired();

		try (Browser browser = Browser.desktop(port)) {
			browser.logIn(approver, Fixtures.PASSWORD);
			browser.go("/cases/" + caseId);
			upload(browser, "EXIT_FORM", pdf);
			browser.type(By.id("comment"), "同意脱困，继续结对帮扶一年");
			browser.click(By.id("act-submit"));
			browser.wait(Duration.ofSeconds(10))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "已办理"));
			assertThat(browser.text(By.id("case-status"))).isEqualTo("已批准");

			clock.set(Clock.offset(Clock.system(BusinessClock.zone()), Duration.ofDays(10 + 100)));
			switchUser(browser, caseworker);
			browser.go("/households/" + h.id());
			assertThat(browser.pageText()).contains("已脱困");
			browser.go("/follow-ups?overdue=true");
			String first = "tr[data-file-no='" + h.fileNo() + "'][data-seq='1']";
			assertThat(browser.text(By.cssSelector(first))).contains("逾期");
			browser.type(By.cssSelector(first + " input[name=visitors]"), "刘干事");
			browser.type(By.cssSelector(first + " input[name=findings]"), "工作稳定，收入按月到账");
			browser.click(By.cssSelector(first + " button"));
			assertThat(browser.text(By.id("flash-message"))).contains("回访已记录");
			browser.go("/follow-ups");
			assertThat(browser.text(By.cssSelector(first + " .visit-done"))).contains("刘干事").contains("稳定");
			browser.screenshot("exit-first-follow-up");
		}
	}

	private static void switchUser(Browser browser, String login) {
		browser.driver().manage().deleteAllCookies();
		browser.logIn(login, Fixtures.PASSWORD);
	}

	private static void upload(Browser browser, String kind, Path file) {
		new Select(browser.waitFor(By.id("doc-kind"))).selectByValue(kind);
		browser.driver().findElement(By.id("doc-file")).sendKeys(file.toAbsolutePath().toString());
		browser.click(By.id("upload"));
		assertThat(browser.text(By.id("flash-message"))).contains("已上传");
	}

}
