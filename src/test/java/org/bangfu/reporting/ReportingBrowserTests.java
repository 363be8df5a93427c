package org.bangfu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bangfu.identification.Places;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.shared.Actor;
import org.bangfu.shared.Role;
import org.bangfu.support.Browser;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * In Chromium: a township clerk opens the dashboard (the chart is drawn, its table links to the list), follows a
 * category's number to the register list it counts, then fills the quarterly inspection sheet and submits it.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, ReportingWorld.class })
class ReportingBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ReportingWorld world;

	@Test
	void aClerkDrillsDownFromTheDashboardAndSubmitsAReport() {
		Places.Place place = world.place("浏览县");
		OrganisationView town = world.under(place.organisation().id(), "丙镇");
		Actor clerk = world.actor(town, Role.CASEWORKER);
		for (int i = 0; i < 2; i++) {
			ReportingWorld.as(clerk, () -> world.household(clerk.scope(), town.id(), place.township(), HardshipCause.DISABILITY,
					List.of(Category.ORPHAN), false));
		}
		try (Browser b = Browser.desktop(port)) {
			b.logIn(clerk.login(), Fixtures.PASSWORD);
			b.click(By.id("nav-dashboards"));
			b.waitFor(By.cssSelector(".bf-chart svg"));
			assertThat(b.text(By.id("fig-households-filed"))).isEqualTo("2");
			b.click(By.cssSelector("#table-category a[data-key='ORPHAN']"));
			assertThat(b.url()).contains("/households").contains("category=ORPHAN");
			String rows = b.text(By.cssSelector("#households tbody"));
			assertThat(rows.split("李大明", -1)).hasSize(3);
			b.go("/reports/QUARTERLY_INSPECTION/2026-Q3");
			b.click(By.id("fill-report"));
			assertThat(b.waitForText("已按本单位数据生成报表草稿")).contains("季度督查表");
			b.click(By.cssSelector("#versions-table a"));
			assertThat(b.text(By.cssSelector("#row-households-filed td.fw-bold"))).isEqualTo("2");
			b.click(By.id("submit-report"));
			assertThat(b.waitForText("已上报，报表已冻结")).isNotEmpty();
			assertThat(b.text(By.id("report-status"))).isEqualTo("已上报");
		}
	}

}
