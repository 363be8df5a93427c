package org.bangfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.support.Browser;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A real Chromium logs in, reads the home page, switches language, and logs out. */
@IntegrationTest
class ShellBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void logsInNavigatesSwitchesLanguageAndLogsOut() {
		try (Browser browser = Browser.desktop(port)) {
			browser.go("/login");
			assertThat(browser.waitForText("登录")).contains("登录");
			browser.type(By.id("username"), "admin").type(By.id("password"), "wrong-password").click(By.id("login-submit"));
			assertThat(browser.text(By.id("login-error"))).contains("用户名或密码错误");

			browser.logIn("admin", IntegrationTest.ADMIN_PASSWORD);
			assertThat(browser.text(By.id("welcome"))).isEqualTo("您好，系统管理员");
			assertThat(browser.text(By.id("count-organisations"))).isNotBlank();

			browser.click(By.id("lang-en"));
			assertThat(browser.text(By.id("welcome"))).isEqualTo("Hello, 系统管理员");
			// the Users page fits a 1366 px screen in English: no sideways scrolling, not even in the table
			browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
			browser.go("/users");
			browser.waitFor(By.id("user-table"));
			org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
			assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
				.as("the page scrolls sideways by").isLessThanOrEqualTo(0);
			assertThat(((Number) js.executeScript("var t = document.getElementById('user-table').parentElement; return t.scrollWidth - t.clientWidth")).intValue())
				.as("the users table scrolls sideways by").isLessThanOrEqualTo(0);
			browser.go("/");
			browser.click(By.id("lang-zh"));
			assertThat(browser.text(By.id("welcome"))).isEqualTo("您好，系统管理员");
			browser.screenshot("home");

			browser.click(By.id("user-menu")).click(By.id("logout"));
			browser.waitFor(By.id("login-submit"));
			assertThat(browser.waitForText("您已安全退出")).contains("您已安全退出");
		}
	}

	@Test
	void theNavigationBecomesAMenuButtonOnAPhone() {
		try (Browser browser = Browser.phone(port)) {
			browser.logIn("admin", IntegrationTest.ADMIN_PASSWORD);
			assertThat(browser.driver().findElement(By.id("sidebar")).isDisplayed()).isFalse();
			browser.click(By.cssSelector("[data-bs-target='#sidebar']"));
			assertThat(browser.waitFor(By.id("nav-organisations")).isDisplayed()).isTrue();
			browser.screenshot("home-phone");
		}
	}

}
