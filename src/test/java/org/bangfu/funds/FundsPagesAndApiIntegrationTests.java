package org.bangfu.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.bangfu.identification.Places;
import org.bangfu.programs.RosterWorld;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The finance officer opens a fund, receives money, records donations (an anonymous donor's name
 * appears nowhere) and proposes a transfer someone else approves; bad input answers in Chinese and
 * changes nothing; the auditor reads but cannot change; the API answers the same.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, RosterWorld.class })
class FundsPagesAndApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RosterWorld world;

	@Autowired
	Fixtures fixtures;

	@Test
	void theFinanceOfficerKeepsTheFundsAndTheAuditorOnlyReadsThem() {
		RosterWorld.World w = world.world("资金页面");
		long org = w.place().organisation().id();
		Http finance = Http.loggedIn(port, w.finance().login(), Fixtures.PASSWORD);
		finance.get("/funds");
		HttpResponse<String> opened = finance.form("/funds", Map.of("code", "district-budget", "name", "区财政救助资金",
				"source", "DISTRICT_FINANCE", "transferable", "true"));
		assertThat(opened.statusCode()).isEqualTo(302);
		String fundPath = opened.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
		long fundId = Long.parseLong(fundPath.substring(fundPath.lastIndexOf('/') + 1));
		finance.form("/funds", Map.of("code", "disaster", "name", "救灾储备金", "source", "DISASTER_RESERVE"));

		finance.get(fundPath);
		finance.form(fundPath + "/receipts", Map.of("amount", "1.234"));
		assertThat(finance.get(fundPath).body()).contains("金额须大于零，最多两位小数").contains("id=\"fund-available\">0.00<");
		finance.form(fundPath + "/receipts", Map.of("amount", "1000000", "memo", "年初拨入"));
		assertThat(finance.get(fundPath).body()).contains("id=\"fund-available\">1,000,000.00<", "年初拨入", "拨入");

		finance.get("/funds/donations");
		finance.form("/funds/donations", Map.of("fundId", "" + fundId, "donorKind", "PERSON", "donorName", "张隐名", "anonymous",
				"true", "form", "CASH", "amount", "500", "receivedOn", java.time.LocalDate.now().minusDays(1).toString(),
				"receiptNo", "SJ-1"));
		finance.form("/funds/donations", Map.of("fundId", "" + fundId, "donorKind", "ORGANISATION", "donorName", "某公司",
				"form", "GOODS", "goods", "棉被100床", "amount", "8000", "receivedOn", java.time.LocalDate.now().minusDays(1).toString(),
				"receiptNo", "SJ-1"));
		String donations = finance.get("/funds/donations").body();
		assertThat(donations).contains("收据编号 SJ-1 已登记过", "匿名捐赠人", "500.00").doesNotContain("张隐名", "棉被100床");

		// four eyes: the proposer cannot approve
		finance.get("/funds/transfers");
		long disaster = fundId + 1;
		finance.form("/funds/transfers", Map.of("fromFundId", "" + fundId, "toFundId", "" + disaster, "amount", "2000",
				"reason", "补充救灾储备"));
		String transfers = finance.get("/funds/transfers").body();
		assertThat(transfers).contains("补充救灾储备", "待审批");
		String approvePath = transfers.replaceAll("(?s).*action=\"(/funds/transfers/\\d+/approve)\".*", "$1");
		finance.form(approvePath, Map.of());
		assertThat(finance.get("/funds/transfers").body()).contains("调拨须由提出人以外的人审批", "待审批");
		Http colleague = Http.loggedIn(port, fixtures.user(org, Role.FINANCE_OFFICER), Fixtures.PASSWORD);
		colleague.get("/funds/transfers");
		colleague.form(approvePath, Map.of());
		assertThat(colleague.get("/funds/transfers").body()).contains("调拨已批准并记账", "已批准");
		assertThat(colleague.get(fundPath).body()).contains("id=\"fund-available\">998,500.00<");

		Http auditor = Http.loggedIn(port, fixtures.user(org, Role.AUDITOR), Fixtures.PASSWORD);
		String list = auditor.get("/funds").body();
		assertThat(list).contains("区财政救助资金", "救灾储备金", "2,000.00").doesNotContain("id=\"open-fund-form\"");
		assertThat(auditor.get(fundPath).body()).doesNotContain("id=\"receive-form\"");
		assertThat(auditor.form(fundPath + "/receipts", Map.of("amount", "1")).statusCode()).isEqualTo(403);
		assertThat(Http.loggedIn(port, w.approver().login(), Fixtures.PASSWORD).get("/funds").statusCode()).isEqualTo(403);
	}

	@Test
	void theApiAnswersInChineseAndKeepsAnonymousDonorsUnnamed() {
		RosterWorld.World w = world.world("资金接口");
		Http api = Http.basic(port, w.finance().login(), Fixtures.PASSWORD);
		HttpResponse<String> created = api.json("POST", "/api/v1/funds",
				"{\"code\":\"union\",\"name\":\"工会帮扶资金\",\"source\":\"UNION\",\"transferable\":false}");
		assertThat(created.statusCode()).isEqualTo(201);
		long id = Long.parseLong(created.body().replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));
		HttpResponse<String> bad = api.json("POST", "/api/v1/donations", "{\"fundId\":" + id
				+ ",\"donorKind\":\"PERSON\",\"donorName\":\"李善\",\"anonymous\":true,\"form\":\"CASH\",\"amount\":100,\"receivedOn\":\""
				+ java.time.LocalDate.now().minusDays(1) + "\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("请填写收据编号");
		assertThat(api.json("POST", "/api/v1/donations", "{\"fundId\":" + id
				+ ",\"donorKind\":\"PERSON\",\"donorName\":\"李善\",\"anonymous\":true,\"form\":\"CASH\",\"amount\":100.5,\"receivedOn\":\""
				+ java.time.LocalDate.now().minusDays(1) + "\",\"purpose\":\"plan10-heating\",\"receiptNo\":\"GH-1\"}").statusCode())
			.isEqualTo(201);
		String list = api.get("/api/v1/donations").body();
		assertThat(list).contains("GH-1").doesNotContain("李善");
		assertThat(api.get("/api/v1/funds/" + id).body()).contains("\"availableFen\":10050", "\"restrictedFen\":10050");
		assertThat(api.get("/api/v1/ledger/balances?by=program").body()).contains("plan10-heating");
		HttpResponse<String> transfer = api.json("POST", "/api/v1/fund-transfers",
				"{\"fromFundId\":" + id + ",\"toFundId\":" + id + ",\"amount\":1,\"reason\":\"x\"}");
		assertThat(transfer.statusCode()).isEqualTo(400);
		assertThat(transfer.body()).contains("调出和调入资金不能相同");
	}

}
