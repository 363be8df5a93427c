package org.bangfu.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) driven by Selenium. Never
 * downloads a browser or driver: a missing one fails the test with what to install.
 */
public final class Browser implements AutoCloseable {

	private final WebDriver driver;

	private final String base;

	/** Chromium's profile directory for this browser, deleted when it closes. */
	private final Path profile;

	private Browser(WebDriver driver, int port, Path profile) {
		this.driver = driver;
		this.base = "http://localhost:" + port;
		this.profile = profile;
	}

	public static Browser desktop(int port) {
		return open(port, new Dimension(1280, 900));
	}

	/** A phone-size window (375 px wide). */
	public static Browser phone(int port) {
		return open(port, new Dimension(375, 812));
	}

	private static Browser open(int port, Dimension size) {
		File chromium = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
		File chromedriver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
		Path profile = tempDir();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--lang=zh-CN", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
			.usingAnyFreePort()
			.build();
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(size);
		driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
		return new Browser(driver, port, profile);
	}

	private static File firstExisting(String... paths) {
		for (String p : paths) {
			File f = new File(p);
			if (f.canExecute()) {
				return f;
			}
		}
		throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver packages "
				+ "(apt-get install chromium chromium-driver); not found: " + String.join(", ", paths));
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("bangfu-chromium");
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Browser go(String path) {
		driver.get(base + path);
		return this;
	}

	public Browser logIn(String login, String password) {
		go("/login");
		type(By.id("username"), login);
		type(By.id("password"), password);
		click(By.id("login-submit"));
		waitFor(By.id("welcome"));
		return this;
	}

	public Browser type(By by, String text) {
		WebElement e = driver.findElement(by);
		e.clear();
		e.sendKeys(text);
		return this;
	}

	/** Scrolls the element to the middle of the window (as a user would) and clicks it. */
	public Browser click(By by) {
		clickCentered(driver, wait(Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(by)));
		return this;
	}

	/**
	 * Scrolls the element to the middle of the window at once (Bootstrap makes scrolling smooth,
	 * so a click right after a plain scroll can land while the page still moves) and clicks it,
	 * trying again while something else (a settling layout, a fading alert) covers it.
	 */
	public static void clickCentered(WebDriver driver, WebElement element) {
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
			.ignoring(org.openqa.selenium.ElementNotInteractableException.class)
			.until(d -> {
				((org.openqa.selenium.JavascriptExecutor) d)
					.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
				if (!element.isDisplayed() || !element.isEnabled()) {
					return false;
				}
				element.click();
				return true;
			});
	}

	public WebElement waitFor(By by) {
		return wait(Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	public String text(By by) {
		return waitFor(by).getText();
	}

	/** The page's text; read again when the page was replaced while reading it. */
	public String pageText() {
		for (int attempt = 0;; attempt++) {
			try {
				return driver.findElement(By.tagName("body")).getText();
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

	/** Waits until the page (after a form post or a swap) shows the text; returns the page's text. */
	public String waitForText(String text) {
		wait(Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
		return pageText();
	}

	public String url() {
		return driver.getCurrentUrl();
	}

	public WebDriverWait wait(Duration timeout) {
		return new WebDriverWait(driver, timeout);
	}

	public WebDriver driver() {
		return driver;
	}

	/** Saves a screenshot under target/screenshots for a person to look at. */
	public Path screenshot(String name) {
		try {
			Path dir = Path.of("target/screenshots");
			Files.createDirectories(dir);
			File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.FILE);
			Path target = dir.resolve(name + ".png");
			Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException | UncheckedIOException ex) {
				// a temporary profile: best effort
			}
		}
	}

}
