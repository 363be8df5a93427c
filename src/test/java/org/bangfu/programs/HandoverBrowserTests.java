package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.bangfu.support.Browser;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * At the delivery point, on a phone: a caseworker opens the approved 重阳 gifts roster, finds the
 * old lady, records that her son received the gift with a photo of his signature, and then sees
 * the hand-over, with the signature image, on the household's ledger (一户一册).
 */
@IntegrationTest
@Import({ Fixtures.class, RosterWorld.class })
class HandoverBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	RosterWorld world;

	@Autowired
	Rosters rosters;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BusinessClock clock;

	@Test
	void aGoodsLineIsHandedOverWithASignatureAndShowsOnTheLedger() throws Exception {
		RosterWorld.World w = world.world("重阳浏览器");
		LocalDate today = clock.today();
		int y = today.getYear();
		HouseholdView grandma = world.file(w, List.of(Category.ELDERLY_ALONE), false,
				RosterWorld.member("钱桂花", today.minusYears(81), Relation.HEAD, Employment.RETIRED, "0", Health.CHRONIC, null));
		CycleView c = world.run(w, "plan2-double-ninth", "B" + w.place().organisation().id(), LocalDate.of(y, 10, 1),
				LocalDate.of(y, 10, 31));
		CycleView s = RosterWorld.as(w.finance(), () -> rosters.submit(w.scope(), c.id(), c.version()));
		RosterWorld.as(w.approver(), () -> rosters.approve(w.scope(), c.id(), s.version()));
		long line = world.lines(w, c.id()).get(0).id();
		String caseworker = fixtures.user(w.place().organisation().id(), Role.CASEWORKER);
		Path signature = Files.createTempFile("signature", ".png");
		Files.write(signature, HandoverImages.signature(600, 240, "png"));
		try (Browser b = Browser.phone(port)) {
			b.logIn(caseworker, Fixtures.PASSWORD).go("/programs/handovers");
			b.click(By.id("handover-cycle-" + c.id()));
			b.type(By.id("handover-search"), "钱");
			b.click(By.cssSelector("#handover-search + button"));
			b.click(By.id("handover-line-" + line));
			b.type(By.id("deliveryPoint"), "村委会");
			b.click(By.id("proxy-yes"));
			b.type(By.id("recipientName"), "钱大宝");
			b.type(By.id("proxyRelation"), "儿子");
			// no confirmation yet: refused, nothing recorded
			b.click(By.id("hand-over"));
			assertThat(b.text(By.id("handover-error"))).isEqualTo("请上传领取人的签名图片或签收照片。");
			b.driver().findElement(By.id("confirmation")).sendKeys(signature.toString());
			b.click(By.id("hand-over"));
			assertThat(b.waitForText("钱桂花：已发放签收")).contains("已发放 1 / 1");

			// the household page's payments panel lists the hand-over
			b.go("/households/" + grandma.id());
			assertThat(b.waitForText("钱大宝（儿子）")).contains("重阳节独居老人慰问 ¥200.00");

			b.go("/ledger/" + grandma.id());
			String ledger = b.waitForText("钱大宝（儿子）");
			assertThat(ledger).contains("物资、消费券发放", "重阳节独居老人慰问 ¥200.00", "村委会");
			Object width = ((JavascriptExecutor) b.driver()).executeAsyncScript("""
					const img = document.querySelector('#handovers img'); const done = arguments[arguments.length - 1];
					if (img.complete) { done(img.naturalWidth); } else { img.onload = () => done(img.naturalWidth); img.onerror = () => done(0); }""");
			assertThat(((Number) width).intValue()).isEqualTo(600);
		}
		finally {
			Files.deleteIfExists(signature);
		}
		// the same through the API, described in the OpenAPI document
		Http api = Http.basic(port, caseworker, Fixtures.PASSWORD);
		assertThat(api.get("/api/v1/cycles/" + c.id() + "/handovers/progress").body()).contains("\"handedOver\":1", "\"lines\":1");
		assertThat(api.get("/api/v1/households/" + grandma.id() + "/handovers").body()).contains("钱大宝", "HANDED_OVER");
		assertThat(api.get("/v3/api-docs").body()).contains("/api/v1/cycles/{id}/handovers/{lineId}", "/api/v1/cycles/{id}/notice");
	}

}
