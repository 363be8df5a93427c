package org.bangfu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** The cascade picker in Debian's headless Chromium on a phone-sized window. */
@IntegrationTest
@Import(Fixtures.class)
class RegionPickerBrowserTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	WebDriver browser;

	@BeforeEach
	void start() {
		assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)).as("Debian chromium and chromium-driver are installed").isTrue();
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
		browser.manage().window().setSize(new Dimension(375, 800));
	}

	@AfterEach
	void stop() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void anAdministratorPicksARegionLevelByLevelOnAPhoneAndCreatesTheOrganisation() {
		OrganisationView county = fixtures.organisation("县总工会");
		String login = fixtures.user(county.id(), Role.ADMIN);
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys(login);
		browser.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		browser.get("http://localhost:" + port + "/organisations/new?parent=" + county.id());

		choose("regionCode-level-3", "江岸区");
		choose("regionCode-level-4", "大智街道");
		assertThat(hidden()).isEqualTo("420102002000");
		choose("regionCode-level-2", "黄石市");
		assertThat(hidden()).isEqualTo("420200000000");
		assertThat(browser.findElements(By.id("regionCode-level-4"))).isEmpty();
		choose("regionCode-level-2", "武汉市");
		choose("regionCode-level-3", "江岸区");
		choose("regionCode-level-4", "后湖街道");

		int width = browser.findElement(By.id("regionCode-level-1")).getSize().getWidth();
		assertThat(width).isLessThanOrEqualTo(375);
		assertThat(browser.findElement(By.id("regionCode-level-4")).getLocation().getY())
			.isGreaterThan(browser.findElement(By.id("regionCode-level-3")).getLocation().getY());

		String name = "浏览器建的工会" + System.nanoTime();
		browser.findElement(By.id("code")).sendKeys("BR-" + System.nanoTime());
		browser.findElement(By.id("name")).sendKeys(name);
		new Select(browser.findElement(By.id("type"))).selectByValue("UNION");
		org.openqa.selenium.WebElement submit = browser.findElement(By.cssSelector("#organisation-form button[type=submit]"));
		org.bangfu.support.Browser.clickCentered(browser, submit);
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("flash-message")));
		OrganisationView created = organisations.tree(fixtures.everything())
			.stream()
			.filter(o -> o.name().equals(name))
			.findFirst()
			.orElseThrow();
		assertThat(created.regionName()).isEqualTo("后湖街道");
		assertThat(created.parentId()).isEqualTo(county.id());

		List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
			.filter(e -> !e.getMessage().contains("favicon.ico"))
			.toList();
		assertThat(errors).as("browser console errors (CSP violations, script errors)").isEmpty();
	}

	private void choose(String selectId, String text) {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		wait.until(d -> {
			try {
				new Select(d.findElement(By.id(selectId))).selectByVisibleText(text);
				return true;
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
		wait.until(d -> {
			try {
				return new Select(d.findElement(By.id(selectId))).getFirstSelectedOption().getText().equals(text)
						&& d.findElements(By.cssSelector(".htmx-request")).isEmpty()
						&& !d.findElement(By.id("regionCode")).getDomAttribute("value").isEmpty();
			}
			catch (RuntimeException ex) {
				return false;
			}
		});
		wait.until(d -> {
			String value = d.findElement(By.id("regionCode")).getDomProperty("value");
			String chosen = new Select(d.findElement(By.id(selectId))).getFirstSelectedOption().getDomAttribute("value");
			return chosen.equals(value);
		});
	}

	private String hidden() {
		return browser.findElement(By.id("regionCode")).getDomProperty("value");
	}

}
