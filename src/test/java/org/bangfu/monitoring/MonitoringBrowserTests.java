package org.bangfu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.identification.Places;
import org.bangfu.support.Browser;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On a phone in Chromium: the caseworker runs the monitoring screening, the household a fen a
 * month below the line is flagged as marginal; once its deadline has passed it is on the overdue
 * list until the caseworker records a measure carried out, and then only on the monitored list.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, MonitoringWorld.class })
class MonitoringBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	MonitoringWorld world;

	@Autowired
	JdbcClient jdbc;

	@Test
	void flagRecordAMeasureAndTheHouseholdMovesBetweenTheLists() throws Exception {
		MonitoringWorld.World w = world.world("监测浏览器");
		long h = world.household(w, w.place().township(), "462.49");
		try (Browser b = Browser.phone(port)) {
			b.logIn(w.caseworker().login(), Fixtures.PASSWORD).go("/monitoring");
			b.click(By.id("start-run"));
			b.waitForText("已开始筛查");
			String job = b.waitFor(By.id("run-job")).getAttribute("href").replaceAll(".*/jobs/(\\d+).*", "$1");
			world.waitFor(Long.parseLong(job));

			b.go("/monitoring");
			assertThat(b.text(By.id("flag-" + h))).contains("边缘易致贫", "规则筛查", "0 / 0");
			// the flag was raised twenty days ago and its deadline has passed
			jdbc.sql("UPDATE monitoring_flag SET flagged_on = flagged_on - 20, measure_due = flagged_on - 5 WHERE household_id = ?")
				.param(h).update();
			b.go("/monitoring?list=OVERDUE");
			assertThat(b.text(By.id("flag-" + h))).contains("已逾期");

			b.click(By.cssSelector("#flag-" + h + " a"));
			b.type(By.id("m-responsible"), "王社工");
			b.click(By.id("m-done"));
			b.type(By.id("m-note"), "介绍到社区公益岗位");
			b.click(By.id("record-measure"));
			assertThat(b.waitForText("帮扶措施已记录")).contains("王社工", "就业帮扶");

			b.go("/monitoring?list=OVERDUE");
			assertThat(b.driver().findElements(By.id("flag-" + h))).isEmpty();
			b.go("/monitoring?list=FLAGGED");
			assertThat(b.text(By.id("flag-" + h))).contains("1 / 1").doesNotContain("已逾期");
		}
	}

}
