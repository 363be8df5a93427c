package org.bangfu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.organisation.OrganisationType.UNION;
import static org.bangfu.shared.Role.APPROVER;
import static org.bangfu.shared.Role.CASEWORKER;
import static org.bangfu.shared.Role.REVIEWER;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.bangfu.cases.CaseWorld.Family;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.shared.BusinessClock;
import org.bangfu.support.Browser;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real Chromium: a caseworker submits a filing with its documents, two county reviewers pass
 * it (home visit, cross-check), one publishes the notice, someone objects on the public page from
 * a phone, the objection is resolved, the period ends and the federation approves.
 */
@IntegrationTest
@Import(Fixtures.class)
class CaseFlowBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Notices notices;

	@Autowired
	BusinessClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.set(Clock.system(BusinessClock.zone()));
	}

	@Test
	void aFilingGoesFromApplicationThroughReviewNoticeAndObjectionToApproval() throws Exception {
		CaseWorld world = new CaseWorld(port, fixtures, organisations, registry);
		OrganisationView county = world.org(null, "县总工会", UNION, "420102");
		OrganisationView base = world.org(county.id(), "第一机械厂工会", UNION, "420102");
		String caseworker = fixtures.user(base.id(), CASEWORKER);
		String visitor = fixtures.user(county.id(), REVIEWER);
		String checker = fixtures.user(county.id(), REVIEWER);
		String approver = fixtures.user(county.id(), APPROVER);
		Family f = world.family(base, "曹德胜");
		Path dir = Files.createTempDirectory("bangfu-docs");
		Path pdf = Files.write(dir.resolve("材料.pdf"), CaseWorld.PDF);
		Path png = Files.write(dir.resolve("身份证.png"), CaseWorld.PNG);
		jdbc.sql("DELETE FROM cases_objection_rate").update();

		long caseId;
		long noticeId;
		try (Browser browser = Browser.desktop(port)) {
			browser.logIn(caseworker, Fixtures.PASSWORD);
			click(browser, By.id("nav-cases"));
			click(browser, By.id("new-case"));
			browser.type(By.id("q"), "曹德胜").click(By.cssSelector("#household-search button"));
			click(browser, By.id("pick-" + f.id() + "-NEW_FILING"));
			browser.type(By.id("summary"), "户主患尿毒症长期透析，配偶收入低，申请纳入困难职工档案");
			click(browser, By.id("open-case"));
			assertThat(browser.text(By.id("flash-message"))).contains("已创建");
			assertThat(browser.text(By.id("submit-missing"))).contains("家庭经济状况核对承诺授权书");
			caseId = Long.parseLong(browser.url().replaceAll(".*/cases/(\\d+).*", "$1"));
			for (String kind : new String[] { "APPLICATION", "AUTHORISATION", "LABOUR_RELATION", "INCOME", "HARDSHIP" }) {
				upload(browser, kind, null, pdf);
			}
			for (long member : f.memberIds()) {
				upload(browser, "IDENTITY", member, png);
			}
			assertThat(browser.driver().findElements(By.id("submit-missing"))).isEmpty();
			browser.screenshot("case-draft");
			click(browser, By.id("submit-case"));
			assertThat(browser.text(By.id("flash-message"))).contains("已提交审核");
			assertThat(browser.text(By.id("case-status"))).isEqualTo("审核中");

			switchUser(browser, visitor);
			browser.go("/cases?view=mine");
			click(browser, By.linkText(caseNo(caseId)));
			browser.type(By.id("visitors"), "王主任、刘干事").type(By.id("findings"), "租房居住，户主每周透析三次，家中无其他收入来源");
			click(browser, By.id("act-submit"));
			assertThat(browser.text(By.id("flash-message"))).contains("已办理");
			assertThat(browser.text(By.id("next-step"))).contains("信息比对");

			switchUser(browser, checker);
			browser.go("/cases/" + caseId);
			upload(browser, "CROSS_CHECK_REPORT", null, pdf);
			new Select(browser.waitFor(By.id("result"))).selectByValue("MATCH");
			click(browser, By.id("act-submit"));
			browser.wait(Duration.ofSeconds(10))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "已办理"));
			assertThat(browser.text(By.id("next-step"))).contains("公示");

			switchUser(browser, visitor);
			click(browser, By.id("nav-notices"));
			click(browser, By.id("new-notice"));
			browser.type(By.id("title"), "2026 年困难职工建档公示（第一机械厂）");
			browser.type(By.id("periodDays"), "1");
			new Select(browser.waitFor(By.id("periodKind"))).selectByValue("CALENDAR");
			click(browser, By.id("create-notice"));
			assertThat(browser.text(By.id("flash-message"))).contains("公示已创建");
			noticeId = Long.parseLong(browser.url().replaceAll(".*/notices/(\\d+).*", "$1"));
			click(browser, By.id("publish"));
			browser.wait(Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
			assertThat(browser.text(By.id("flash-message"))).contains("公示已发布");
			assertThat(browser.text(By.id("notice-status"))).isEqualTo("公示中");
		}

		try (Browser phone = Browser.phone(port)) {
			phone.go("/public/notices");
			click(phone, By.partialLinkText("2026 年困难职工建档公示（第一机械厂）"));
			assertThat(phone.text(By.id("notice-table"))).contains("曹*胜").doesNotContain("曹德胜", f.headId(), f.phone());
			phone.type(By.id("text"), "该户配偶另有兼职收入，请核实");
			click(phone, By.id("send-objection"));
			assertThat(phone.text(By.id("flash-message"))).contains("您的异议已收到");
			Object scrollWidth = ((org.openqa.selenium.JavascriptExecutor) phone.driver())
				.executeScript("return document.documentElement.scrollWidth;");
			assertThat(((Number) scrollWidth).intValue()).as("fits a 375 px phone").isLessThanOrEqualTo(375);
			phone.screenshot("public-notice-phone");
		}

		try (Browser browser = Browser.desktop(port)) {
			browser.logIn(approver, Fixtures.PASSWORD);
			browser.go("/notices/" + noticeId);
			assertThat(browser.text(By.id("objections"))).isNotBlank();
			assertThat(browser.waitForText("该户配偶另有兼职收入，请核实")).contains("该户配偶另有兼职收入，请核实");
			browser.type(By.cssSelector(".resolve-form input[name=finding]"), "经核实兼职已于上月结束，收入证明在案，异议不成立");
			click(browser, By.cssSelector(".resolve-form button"));
			assertThat(browser.text(By.id("flash-message"))).contains("异议已处理");

			clock.set(Clock.offset(Clock.system(BusinessClock.zone()), Duration.ofDays(2)));
			notices.closeExpired();

			browser.go("/cases/" + caseId);
			assertThat(browser.text(By.id("next-step"))).contains("县总工会审批");
			browser.type(By.id("comment"), "同意纳入困难职工档案");
			click(browser, By.id("act-submit"));
			browser.wait(Duration.ofSeconds(10))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash-message"), "已办理"));
			assertThat(browser.text(By.id("case-status"))).isEqualTo("已批准");
			assertThat(browser.text(By.id("timeline"))).contains("发布公示", "批准", "同意纳入困难职工档案");
			browser.screenshot("case-approved");
			browser.go("/notices/" + noticeId);
			assertThat(browser.text(By.id("notice-result"))).contains("1 户无异议通过");
		}
	}

	/** Scrolls the element to the middle of the window first (the sticky top bar would take the click otherwise). */
	private static void click(Browser browser, By by) {
		browser.click(by);
	}

	private String caseNo(long caseId) {
		return jdbc.sql("SELECT case_no FROM cases_case WHERE id = ?").param(caseId).query(String.class).single();
	}

	private static void switchUser(Browser browser, String login) {
		browser.driver().manage().deleteAllCookies();
		browser.logIn(login, Fixtures.PASSWORD);
	}

	private static void upload(Browser browser, String kind, Long member, Path file) {
		new Select(browser.waitFor(By.id("doc-kind"))).selectByValue(kind);
		new Select(browser.waitFor(By.id("doc-member"))).selectByValue(member == null ? "" : member.toString());
		browser.driver().findElement(By.id("doc-file")).sendKeys(file.toAbsolutePath().toString());
		click(browser, By.id("upload"));
		assertThat(browser.text(By.id("flash-message"))).contains("已上传");
	}

}
