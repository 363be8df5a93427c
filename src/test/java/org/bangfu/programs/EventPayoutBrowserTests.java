package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Browser;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * From an orange heat warning to the bank file, in Chromium: the finance officer declares the
 * warning for a township, opens the proposed cycle of the event program, generates and submits
 * its roster; another user approves it; the finance officer sets the payer and creates the bank
 * payment file, whose GBK bytes add up and name the payees.
 */
@IntegrationTest
class EventPayoutBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	BusinessClock clock;

	@Test
	void aHeatWarningBecomesAnApprovedRosterAndABankFile() throws Exception {
		OrganisationView org = fixtures.organisation("江岸区民政局");
		Scope scope = new Scope(org.id(), org.path());
		LocalDate today = clock.today();
		long[] spouse = household(scope, org, EventWorld.DAZHI, "高温甲", "高温乙");
		household(scope, org, EventWorld.YIYUAN, "别处丙");
		String finance = fixtures.user(org.id(), Role.FINANCE_OFFICER);
		String approver = fixtures.user(org.id(), Role.APPROVER);
		String cycleUrl;
		try (Browser b = Browser.desktop(port)) {
			// the spouse is paid per person to her own card (一卡通): recorded first
			b.logIn(finance, Fixtures.PASSWORD).go("/households/" + spouse[0] + "/members/" + spouse[1] + "/bank-account");
			b.type(By.id("bank-name"), "中国农业银行");
			b.type(By.id("account"), "12");
			b.click(By.id("save-account"));
			assertThat(b.text(By.id("account-error"))).isEqualTo("账号应为 8 到 32 位数字");
			b.type(By.id("account"), "6228480012345678901");
			b.click(By.id("save-account"));
			assertThat(b.waitForText("个人账户已保存")).contains("个人账户已保存");
			b.go("/programs/events/new");
			new Select(b.waitFor(By.id("kind"))).selectByValue("HEAT_ORANGE");
			choose(b, "region-level-1", "湖北省");
			choose(b, "region-level-2", "武汉市");
			choose(b, "region-level-3", "江岸区");
			choose(b, "region-level-4", "大智街道");
			b.click(By.id("add-region"));
			((JavascriptExecutor) b.driver()).executeScript("document.getElementById('from').value = arguments[0];"
					+ "document.getElementById('to').value = arguments[1];", today.toString(), today.plusDays(2).toString());
			b.click(By.id("declare"));
			assertThat(b.text(By.id("reach-count"))).isEqualTo("共 1 户、2 人");
			String eventUrl = b.url();
			b.wait(Duration.ofSeconds(15)).until(d -> {
				d.navigate().refresh();
				return !d.findElements(By.cssSelector("#proposed-cycles a")).isEmpty();
			});
			assertThat(b.text(By.id("proposed-cycles"))).contains("高温橙色预警慰问金");
			b.click(By.cssSelector("#proposed-cycles a"));
			assertThat(b.text(By.id("cycle-regions"))).isEqualTo(EventWorld.DAZHI + "000");
			b.click(By.id("generate"));
			b.wait(Duration.ofSeconds(20)).until(d -> {
				d.navigate().refresh();
				return d.findElement(By.id("cycle-status")).getText().equals("待审核");
			});
			assertThat(b.text(By.id("roster"))).contains("高温甲", "高温乙").doesNotContain("别处丙");
			assertThat(b.text(By.id("check-total"))).isEqualTo("¥400.00");
			b.click(By.id("submit"));
			assertThat(b.text(By.id("cycle-status"))).isEqualTo("待审批");
			cycleUrl = b.url().replace("http://localhost:" + port, "");
			// the event page now tells whom the proposed cycle reaches
			b.go(eventUrl.replace("http://localhost:" + port, ""));
			assertThat(b.text(By.id("proposed-cycles"))).contains("名册 2 条，合计 ¥400.00");
		}
		try (Browser b = Browser.desktop(port)) {
			b.logIn(approver, Fixtures.PASSWORD).go(cycleUrl);
			b.click(By.id("approve"));
			assertThat(b.text(By.id("cycle-status"))).isEqualTo("已审批");
		}
		long batchId;
		try (Browser b = Browser.desktop(port)) {
			b.logIn(finance, Fixtures.PASSWORD).go(cycleUrl);
			b.click(By.id("set-payer"));
			b.type(By.id("payer-name-input"), "江岸区民政局");
			b.type(By.id("payer-account-input"), "4202 0200 0000 1234 5");
			b.click(By.id("save-payer"));
			assertThat(b.text(By.id("payer-name"))).isEqualTo("江岸区民政局");
			b.click(By.id("create-bank-batch"));
			assertThat(b.waitForText("已生成银行代发批次")).contains("已生成银行代发批次");
			assertThat(b.text(By.id("roster"))).contains("已发送");
			String href = b.driver().findElement(By.cssSelector("#payout-batches a")).getAttribute("href");
			batchId = Long.parseLong(href.substring(href.lastIndexOf('/') + 1));
		}
		HttpResponse<byte[]> file = Http.loggedIn(port, finance, Fixtures.PASSWORD).getBytes("/bank/batches/" + batchId + "/file");
		assertThat(file.statusCode()).isEqualTo(200);
		String text = new String(file.body(), BankData.GBK);
		assertThat(new String(text.getBytes(BankData.GBK), BankData.GBK)).isEqualTo(text);
		List<String> lines = Arrays.asList(text.split("\r\n"));
		String[] summary = lines.get(0).split("\\|", -1);
		assertThat(summary[1]).isEqualTo("江岸区民政局");
		assertThat(summary[2]).isEqualTo("4202020000001234 5".replace(" ", ""));
		assertThat(summary[5]).isEqualTo("2");
		assertThat(summary[6]).isEqualTo("400.00");
		BigDecimal sum = lines.stream().skip(1).map(l -> new BigDecimal(l.split("\\|", -1)[4])).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(sum).isEqualByComparingTo(summary[6]);
		assertThat(text).contains("|高温甲|" + RosterWorld.ACCOUNT + "|200.00|", "|高温乙|6228480012345678901|200.00|")
			.doesNotContain("别处丙");
	}

	/** Files a dibao household; returns its id and the last other member's id. */
	private long[] household(Scope scope, OrganisationView org, String township, String head, String... others) {
		HouseholdData data = new HouseholdData(Households.fileNo(), township, "江岸区某街道某小区", null,
				HardshipCause.ILLNESS, List.of(), List.of(Category.DIBAO), HousingType.OWN, null, null, 0, BigDecimal.ZERO,
				null, "中国工商银行", RosterWorld.ACCOUNT, null);
		HouseholdView h = registry.file(scope, new FileHousehold(org.id(), data,
				RosterWorld.member(head, LocalDate.of(1950, 5, 5), Relation.HEAD, Employment.UNABLE,
						"0", Health.CHRONIC, null)));
		long last = 0;
		for (String o : others) {
			last = registry.addMember(scope, h.id(), new AddMember(RosterWorld.member(o, LocalDate.of(1952, 6, 6), Relation.SPOUSE,
					Employment.UNABLE, "0", Health.CHRONIC, null))).id();
		}
		return new long[] { h.id(), last };
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
