package org.bangfu.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.identification.Places;
import org.bangfu.programs.BankBatchView;
import org.bangfu.programs.BankFiles;
import org.bangfu.programs.BankLayouts;
import org.bangfu.programs.CycleView;
import org.bangfu.programs.Payouts;
import org.bangfu.programs.RosterWorld;
import org.bangfu.programs.Rosters;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BusinessClock;
import org.bangfu.support.Browser;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * In Chromium: the finance officer opens a fund and takes a donation in for the heating subsidy;
 * another user approves the heating roster and the fund shows the money committed; once the bank
 * has paid, the public disclosure page shows the amount, and nobody's name.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, RosterWorld.class })
class FundsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	RosterWorld world;

	@Autowired
	Rosters rosters;

	@Autowired
	Payouts payouts;

	@Autowired
	BankFiles bank;

	@Autowired
	BankLayouts layouts;

	@Autowired
	BusinessClock clock;

	@Test
	void aDonationFundsTheHeatingRosterAndTheDisclosureShowsItsUse() throws Exception {
		RosterWorld.World w = world.world("捐赠取暖");
		LocalDate today = clock.today();
		world.file(w, List.of(Category.DIBAO), true,
				RosterWorld.member("吴取暖", today.minusYears(70), Relation.HEAD, Employment.UNABLE, "0", Health.CHRONIC, null));
		CycleView c = world.run(w, "plan10-heating", "B" + w.place().organisation().id(), LocalDate.of(today.getYear(), 1, 1),
				LocalDate.of(today.getYear(), 1, 31));
		CycleView submitted = RosterWorld.as(w.finance(), () -> rosters.submit(w.scope(), c.id(), c.version()));
		String total = Yuan.of(submitted.totalFen());

		try (Browser b = Browser.desktop(port)) {
			b.logIn(w.finance().login(), Fixtures.PASSWORD).go("/funds");
			b.type(By.id("code-input"), "district-budget");
			b.type(By.id("name-input"), "爱心取暖基金");
			new Select(b.waitFor(By.id("source-input"))).selectByValue("DONATIONS");
			b.click(By.id("open-fund"));
			assertThat(b.waitForText("资金已开设")).contains("爱心取暖基金");
			b.click(By.id("nav-fund-donations"));
			b.type(By.id("d-name"), "热心市民");
			b.click(By.id("d-anonymous"));
			b.type(By.id("d-amount"), "1000");
			b.type(By.id("d-purpose"), "plan10-heating");
			b.type(By.id("d-receipt"), "JZ-2026-001");
			b.click(By.id("save-donation"));
			assertThat(b.waitForText("捐赠已登记入账")).contains("匿名捐赠人", "1,000.00").doesNotContain("热心市民");
		}
		try (Browser b = Browser.desktop(port)) {
			b.logIn(w.approver().login(), Fixtures.PASSWORD).go("/programs/cycles/" + c.id());
			b.click(By.id("approve"));
			assertThat(b.text(By.id("cycle-status"))).isEqualTo("已审批");
		}
		try (Browser b = Browser.desktop(port)) {
			b.logIn(w.finance().login(), Fixtures.PASSWORD).go("/funds");
			assertThat(b.text(By.cssSelector("#fund-district-budget .committed"))).isEqualTo(total);
			assertThat(b.text(By.cssSelector("#fund-district-budget .spent"))).isEqualTo("0.00");
		}

		// the bank pays the line
		int y = today.getYear();
		long layout = layouts.builtIn(w.scope()).id();
		RosterWorld.as(w.finance(), () -> payouts.savePayer(w.scope(), "某县民政局", "1202020209000012345"));
		BankBatchView batch = RosterWorld.as(w.finance(), () -> payouts.createBatch(w.scope(), c.id(), layout, LocalDate.of(y, 1, 20)));
		String yuan = BigDecimal.valueOf(submitted.totalFen(), 2).toPlainString();
		byte[] ret = ("H|" + batch.batchNo() + "|1|" + yuan + "|1|" + yuan + "|0|0.00\r\n"
				+ "D|1|吴取暖|" + RosterWorld.ACCOUNT + "|" + yuan + "|S|\r\n").getBytes(Charset.forName("GBK"));
		RosterWorld.as(w.finance(), () -> {
			try {
				return bank.importAnswer(w.scope(), batch.id(), "回盘.txt", new ByteArrayInputStream(ret));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});

		try (Browser b = Browser.desktop(port)) {
			b.go("/public/funds");
			String page = b.text(By.id("public-funds"));
			assertThat(page).contains(w.place().organisation().name(), "取暖补助", total).doesNotContain("吴取暖", "热心市民");
		}
	}

}
