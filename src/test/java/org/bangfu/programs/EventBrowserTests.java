package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.shared.Role;
import org.bangfu.support.Browser;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A finance officer on a phone declares an orange heat warning for a township and sees who it reaches. */
@IntegrationTest
class EventBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	@Test
	void declaringAHeatWarningWithTheRegionPickerShowsTheHouseholdsItReaches() {
		OrganisationView org = fixtures.organisation("江岸区总工会");
		EventWorld.household(registry, org, EventWorld.DAZHI, "周淑芬");
		EventWorld.household(registry, org, EventWorld.DAZHI, "吴国强");
		EventWorld.household(registry, org, EventWorld.YIYUAN, "不在大智");
		String login = fixtures.user(org.id(), Role.FINANCE_OFFICER);
		try (Browser b = Browser.phone(port)) {
			b.logIn(login, Fixtures.PASSWORD).go("/programs/events");
			b.click(By.id("declare-event"));
			new Select(b.waitFor(By.id("kind"))).selectByValue("HEAT_ORANGE");
			choose(b, "region-level-1", "湖北省");
			choose(b, "region-level-2", "武汉市");
			choose(b, "region-level-3", "江岸区");
			choose(b, "region-level-4", "大智街道");
			b.click(By.id("add-region"));
			assertThat(b.text(By.id("chosen-regions"))).contains("大智街道");
			JavascriptExecutor js = (JavascriptExecutor) b.driver();
			js.executeScript("document.getElementById('from').value = '2027-07-20';"
					+ "document.getElementById('to').value = '2027-07-25';");
			b.type(By.id("note"), "连续三天 38℃ 以上");
			b.click(By.id("declare"));
			assertThat(b.text(By.id("reach-count"))).isEqualTo("共 2 户、2 人");
			assertThat(b.text(By.id("event-title"))).isEqualTo("高温橙色预警");
			assertThat(b.text(By.id("reach"))).contains("周淑芬").contains("吴国强").doesNotContain("不在大智");
			assertThat(b.driver().findElement(By.tagName("body")).getSize().getWidth()).isLessThanOrEqualTo(375);
		}
	}

	private static void choose(Browser b, String selectId, String text) {
		b.wait(Duration.ofSeconds(10)).until(d -> {
			try {
				Select select = new Select(d.findElement(By.id(selectId)));
				if (!select.getFirstSelectedOption().getText().equals(text)) {
					select.selectByVisibleText(text);
				}
				return d.findElements(By.cssSelector(".htmx-request")).isEmpty()
						&& new Select(d.findElement(By.id(selectId))).getFirstSelectedOption().getText().equals(text);
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
	}

}
