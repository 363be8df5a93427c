package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.pairing.PairingCommands.Pair;
import org.bangfu.pairing.PairingVocabulary.Frequency;
import org.bangfu.pairing.VisitCommands.SetPolicy;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Browser;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A paired cadre on a 375 px phone: the home page is the list of their households (我的帮扶户) with the one due, the one-page
 * visit form keeps a draft across a reload, the visit is recorded with the checklist and a
 * photo, and the ledger shows it. Without a connection the draft and its photo (IndexedDB) survive
 * a reload and are sent together when the connection is back.
 */
@IntegrationTest
@Import(Fixtures.class)
class VisitBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Pairings pairings;

	@Autowired
	Visits visits;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Fixtures fixtures;

	@Test
	void aPairedCadreRecordsAVisitWithChecklistAndPhotoOnAPhoneAndSeesItInTheLedger() throws Exception {
		OrganisationView org = fixtures.organisation("村帮扶工作队");
		Scope scope = PairingData.scope(fixtures, org);
		visits.setPolicy(scope, new SetPolicy(org.id(), null, Frequency.DAYS, 7));
		String login = fixtures.user(org.id(), Role.PAIRING_CADRE);
		HouseholdView h = PairingData.household(registry, scope, org.id());
		pairings.pair(scope, new Pair(null, fixtures.userId(login), h.id(), null, null, null));
		Path photo = photo(2400, 1800);

		try (Browser browser = Browser.phone(port)) {
			browser.logIn(login, Fixtures.PASSWORD);
			WebElement record = browser.waitFor(By.id("record-" + h.id()));
			assertThat(browser.text(By.id("my-households"))).contains("王德明", "村帮扶工作队", "尚未走访", "7 天内到期");
			Browser.clickCentered(browser.driver(), record);

			browser.waitFor(By.id("visit-form"));
			assertThat(overflowing(browser)).as("elements wider than 375 px").isEmpty();
			browser.type(By.id("findings"), "屋顶漏雨，需要维修");
			browser.driver().navigate().refresh();
			browser.wait(Duration.ofSeconds(10))
				.until(ExpectedConditions.attributeToBe(By.id("findings"), "value", "屋顶漏雨，需要维修"));

			clickLabel(browser, "c-incomeAboveLine-no");
			clickLabel(browser, "c-food-yes");
			clickLabel(browser, "c-housingSafe-no");
			clickLabel(browser, "c-safeWater-yes");
			browser.type(By.id("problems"), "希望申请危房改造");
			browser.type(By.id("measures-agreed"), "下周联系住建部门");
			browser.driver().findElement(By.id("photos")).sendKeys(photo.toString());
			browser.screenshot("visit-phone");
			Browser.clickCentered(browser.driver(), browser.driver().findElement(By.id("visit-submit")));

			browser.wait(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/ledger/" + h.id()));
			WebElement card = browser.waitFor(By.cssSelector(".visit-card"));
			assertThat(card.getText()).contains("屋顶漏雨，需要维修", "希望申请危房改造", "下周联系住建部门", "入户",
					"吃 ✓", "住房 ✗", "收入 ✗", "饮水 ✓", "用电 —");
			WebElement img = card.findElement(By.cssSelector("img.visit-photo"));
			browser.wait(Duration.ofSeconds(10)).until(d -> ((Number) ((JavascriptExecutor) d)
				.executeScript("return arguments[0].naturalWidth", img)).intValue() > 0);
			assertThat(((Number) ((JavascriptExecutor) browser.driver()).executeScript("return arguments[0].naturalWidth", img))
				.intValue()).as("scaled to 1600 px").isEqualTo(1600);
			assertThat(overflowing(browser)).as("elements wider than 375 px").isEmpty();
			browser.screenshot("ledger-phone");
			Object draft = ((JavascriptExecutor) browser.driver())
				.executeScript("return localStorage.getItem('bangfu-visit-draft-" + h.id() + "')");
			assertThat(draft).as("the draft is gone once sent").isNull();
		}
		assertThat(visits.ofHousehold(scope, h.id())).singleElement()
			.satisfies(v -> assertThat(v.photos()).hasSize(1));
	}

	@Test
	void aVisitSentWithoutConnectionKeepsItsPhotoAcrossAReloadAndSendsBothWhenTheConnectionIsBack() throws Exception {
		OrganisationView org = fixtures.organisation("离线走访工作队");
		Scope scope = PairingData.scope(fixtures, org);
		String login = fixtures.user(org.id(), Role.PAIRING_CADRE);
		HouseholdView h = PairingData.household(registry, scope, org.id());
		pairings.pair(scope, new Pair(null, fixtures.userId(login), h.id(), null, null, null));
		Path photo = photo(1200, 900);
		String offline = "网络不通，草稿已保存，恢复网络后会自动重新提交。";

		try (Browser browser = Browser.phone(port)) {
			browser.logIn(login, Fixtures.PASSWORD);
			browser.go("/visits/new?householdId=" + h.id());
			WebElement form = browser.waitFor(By.id("visit-form"));
			browser.wait(Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(form, "data-draft-ready", "true"));
			browser.type(By.id("findings"), "村里没有信号，回镇上再提交");
			clickLabel(browser, "c-safeWater-no");
			browser.driver().findElement(By.id("photos")).sendKeys(photo.toString());
			browser.wait(Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(form, "data-photos-kept", "1"));
			assertThat(browser.text(By.id("photo-draft-status"))).isEqualTo("已在本机保留 1 张照片，提交时一并发送。");

			// no connection to the server: the submission fails and the draft stays
			ChromeDriver chrome = (ChromeDriver) browser.driver();
			chrome.executeCdpCommand("Network.enable", Map.of());
			chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/visits")));
			Browser.clickCentered(browser.driver(), browser.driver().findElement(By.id("visit-submit")));
			browser.wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("draft-status"), offline));
			assertThat(visits.ofHousehold(scope, h.id())).isEmpty();

			// the page is reloaded (or the phone's browser restarted): text and photo come back, the retry fails again
			browser.driver().navigate().refresh();
			form = browser.waitFor(By.id("visit-form"));
			browser.wait(Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(form, "data-draft-ready", "true"));
			browser.wait(Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("draft-status"), offline));
			assertThat(browser.driver().findElement(By.id("findings")).getAttribute("value")).isEqualTo("村里没有信号，回镇上再提交");
			assertThat(browser.driver().findElement(By.id("c-safeWater-no")).isSelected()).isTrue();
			assertThat(browser.text(By.id("photo-draft-status"))).isEqualTo("已在本机保留 1 张照片，提交时一并发送。");
			assertThat(((Number) ((JavascriptExecutor) browser.driver())
				.executeScript("return document.getElementById('photos').files.length")).intValue())
				.as("the photo is back in the file input").isEqualTo(1);
			assertThat(visits.ofHousehold(scope, h.id())).isEmpty();

			// the connection is back: the draft and its photo are sent once
			chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
			browser.driver().navigate().refresh();
			browser.wait(Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/ledger/" + h.id()));
			WebElement card = browser.waitFor(By.cssSelector(".visit-card"));
			assertThat(card.getText()).contains("村里没有信号，回镇上再提交", "饮水 ✗");
			WebElement img = card.findElement(By.cssSelector("img.visit-photo"));
			browser.wait(Duration.ofSeconds(10)).until(d -> ((Number) ((JavascriptExecutor) d)
				.executeScript("return arguments[0].naturalWidth", img)).intValue() > 0);
			Object kept = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
					var done = arguments[arguments.length - 1];
					var open = indexedDB.open('bangfu-visit-drafts', 1);
					open.onsuccess = function () {
					  var get = open.result.transaction('photos').objectStore('photos').get('bangfu-visit-draft-%d');
					  get.onsuccess = function () { done(get.result === undefined ? 'gone' : 'kept'); };
					};
					open.onerror = function () { done('error'); };""".formatted(h.id()));
			assertThat(kept).as("the kept photo is deleted once sent").isEqualTo("gone");
		}
		assertThat(visits.ofHousehold(scope, h.id())).singleElement().satisfies(v -> {
			assertThat(v.findings()).isEqualTo("村里没有信号，回镇上再提交");
			assertThat(v.photos()).singleElement().satisfies(p -> assertThat(p.width()).isEqualTo(1200));
		});
	}

	private static Path photo(int width, int height) throws java.io.IOException {
		Path photo = Files.createTempFile("visit-photo", ".png");
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(40, 120, 200));
		g.fillRect(0, 0, width, height);
		g.dispose();
		ImageIO.write(image, "png", photo.toFile());
		return photo;
	}

	private static WebElement scrollTo(Browser browser, WebElement e) {
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", e);
		return e;
	}

	private static void clickLabel(Browser browser, String inputId) {
		WebElement label = browser.driver().findElement(By.cssSelector("label[for='" + inputId + "']"));
		scrollTo(browser, label);
		browser.click(By.cssSelector("label[for='" + inputId + "']"));
		assertThat(browser.driver().findElement(By.id(inputId)).isSelected()).isTrue();
	}

	/** Elements sticking out on the right (empty when the page needs no horizontal scrolling). */
	private static java.util.List<?> overflowing(Browser browser) {
		return (java.util.List<?>) ((JavascriptExecutor) browser.driver()).executeScript("""
				var w = document.documentElement.clientWidth, out = [];
				if (document.documentElement.scrollWidth <= w) { return out; }
				document.querySelectorAll('body *').forEach(function (e) {
				  var r = e.getBoundingClientRect();
				  if (r.right > w + 1 && out.length < 8) { out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right)); }
				});
				return out;""");
	}

}
