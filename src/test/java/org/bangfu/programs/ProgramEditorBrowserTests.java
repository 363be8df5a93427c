package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.shared.Role;
import org.bangfu.support.Browser;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A finance officer writes a university study-aid program with three tiers (postgraduate 5,000,
 * bachelor 3,000, college 1,000) in the program form, without any JSON, adds rows and a test
 * member with the form's buttons, saves it and activates it.
 */
@IntegrationTest
class ProgramEditorBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void aTieredStudyAidIsWrittenInTheFormAndActivated() {
		OrganisationView org = fixtures.organisation("编辑器测试总工会");
		String login = fixtures.user(org.id(), Role.FINANCE_OFFICER);
		String code = "t" + org.id() + "-university";
		try (Browser b = Browser.desktop(port)) {
			b.logIn(login, Fixtures.PASSWORD).go("/programs/new");
			b.type(By.id("code"), code).type(By.id("nameZh"), "大学生助学").type(By.id("schedule"), "month 8");
			new Select(b.waitFor(By.id("unit"))).selectByValue("QUALIFYING_MEMBER");
			b.click(By.id("member-schooling-COLLEGE")).click(By.id("member-schooling-BACHELOR"))
				.click(By.id("member-schooling-POSTGRADUATE"));
			b.click(By.id("add-row"));
			b.waitFor(By.id("rows-1-amount"));
			b.click(By.id("add-row"));
			b.waitFor(By.id("rows-2-amount"));
			tier(b, 0, "POSTGRADUATE", "5000", "研究生 5000元");
			tier(b, 1, "BACHELOR", "3000", "本科 3000元");
			tier(b, 2, "COLLEGE", "1000", "专科 1000元");
			// the test case: a postgraduate and a bachelor student in a 低保 household
			b.type(By.id("cases-0-name"), "研究生和本科生各一");
			b.click(By.id("add-member-0"));
			b.waitFor(By.id("cases-0-members-0-age"));
			b.click(By.id("add-member-0"));
			b.waitFor(By.id("cases-0-members-1-age"));
			b.type(By.id("cases-0-members-0-age"), "24");
			new Select(b.waitFor(By.id("cases-0-members-0-schooling"))).selectByValue("POSTGRADUATE");
			b.type(By.id("cases-0-members-1-age"), "20");
			new Select(b.waitFor(By.id("cases-0-members-1-schooling"))).selectByValue("BACHELOR");
			b.type(By.id("cases-0-expected"), "5000, 3000");
			// what was typed before the rows were added is still there
			assertThat(b.waitFor(By.id("nameZh")).getDomProperty("value")).isEqualTo("大学生助学");
			assertThat(b.waitFor(By.id("rows-0-labelZh")).getDomProperty("value")).isEqualTo("研究生 5000元");
			b.click(By.id("save-program"));
			assertThat(b.text(By.id("program-status"))).isEqualTo("草稿");
			assertThat(b.pageText()).contains("研究生 5000元", "本科 3000元", "专科 1000元");
			b.click(By.id("activate"));
			b.waitForText("已启用");
			assertThat(b.text(By.id("program-status"))).isEqualTo("已启用");
		}
	}

	private static void tier(Browser b, int row, String schooling, String amount, String label) {
		b.type(By.id("rows-" + row + "-condition"), "true");
		b.type(By.id("rows-" + row + "-amount"), amount);
		b.type(By.id("rows-" + row + "-labelZh"), label);
		b.click(By.id("rows-" + row + "-member-toggle"));
		b.click(By.id("rows-" + row + "-member-schooling-" + schooling));
	}

}
