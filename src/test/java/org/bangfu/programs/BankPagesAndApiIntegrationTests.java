package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.Multipart;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The finance officer's pages and the API: batches of their subtree only, lines masked, the file
 * downloaded as GBK bytes, a refused return listed in Chinese, a layout created with its preview;
 * the API issues a batch, refuses a bad line naming it, and lists a refused return's problems.
 */
@IntegrationTest
@Import(Fixtures.class)
class BankPagesAndApiIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	BankFiles bank;

	@Autowired
	BankLayouts layouts;

	@Autowired
	Fixtures fixtures;

	OrganisationView org;

	Scope scope;

	String officer;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("财务页面测试");
		scope = new Scope(org.id(), org.path());
		officer = fixtures.user(org.id(), Role.FINANCE_OFFICER);
	}

	@Test
	void theFinanceOfficerSeesTheirBatchesMaskedDownloadsTheFileAndSeesARefusedReturnInChinese() throws Exception {
		String id = BankData.idNumber(LocalDate.of(1950, 1, 1), 1);
		BankBatchView batch = bank.issue(scope,
				new BankBatchRequest(new BankPayer(org.id(), "某县总工会", BankData.payerAccount()), layouts.builtIn(scope).id(),
						"重阳节慰问金", LocalDate.of(2026, 10, 20)),
				List.of(BankData.order("张三", "6222020200000000001", id, 20000)));
		OrganisationView other = fixtures.organisation("别的财务");
		Scope otherScope = new Scope(other.id(), other.path());
		BankBatchView foreign = bank.issue(otherScope,
				new BankBatchRequest(new BankPayer(other.id(), "别的工会", BankData.payerAccount()), layouts.builtIn(otherScope).id(),
						"慰问金", LocalDate.of(2026, 10, 20)),
				List.of(BankData.order("赵六", "6222020200000000006", id, 100)));

		Http page = Http.loggedIn(port, officer, Fixtures.PASSWORD);
		HttpResponse<String> list = page.get("/bank/batches");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(batch.batchNo()).doesNotContain("别的工会").contains("待回盘");
		assertThat(page.get("/bank/batches/" + foreign.id()).statusCode()).isEqualTo(404);

		HttpResponse<String> detail = page.get("/bank/batches/" + batch.id());
		assertThat(detail.body()).contains("***************0001").contains(IdNumber.mask(id))
			.doesNotContain("6222020200000000001").doesNotContain(id).contains("¥200.00");

		HttpResponse<byte[]> file = page.getBytes("/bank/batches/" + batch.id() + "/file");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(new String(file.body(), BankData.GBK)).startsWith("H|某县总工会|").contains("D|1|张三|6222020200000000001|200.00|01|" + id);

		byte[] wrong = BankData.gbk("H|" + batch.batchNo() + "|1|300.00|1|300.00|0|0.00\r\nD|1|张三|6222020200000000001|300.00|S|\r\n");
		HttpResponse<String> refused = new Multipart().field("_csrf", page.csrf()).file("回盘.txt", wrong)
			.post(page, "/bank/batches/" + batch.id() + "/answer");
		assertThat(refused.statusCode()).isEqualTo(302);
		// the answer is reconciled by a job: the batch page shows its panel, then the refusal and its problems
		assertThat(untilFinished(page, refused)).contains("银行文件被拒绝").contains("总金额不符：回盘文件为 300.00 元，发出的文件为 200.00 元");

		page.get("/bank/batches/" + batch.id());
		byte[] right = BankData.gbk("H|" + batch.batchNo() + "|1|200.00|0|0.00|1|200.00\r\nD|1|张三|6222020200000000001|200.00|F|账户冻结\r\n");
		HttpResponse<String> done = new Multipart().field("_csrf", page.csrf()).file("回盘.txt", right)
			.post(page, "/bank/batches/" + batch.id() + "/answer");
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(untilFinished(page, done)).contains("已对账：成功 0 笔，失败 1 笔").contains("账户冻结").contains("follow-up-form");

		HttpResponse<String> followUp = page.form("/bank/batches/" + batch.id() + "/follow-up",
				Map.of("account_" + bank.outcomes(scope, batch.id()).get(0).reference(), "6222020200000000011"));
		assertThat(followUp.statusCode()).isEqualTo(302);
		HttpResponse<String> second = page.get(java.net.URI.create(followUp.headers().firstValue("Location").orElseThrow()).getPath());
		assertThat(second.body()).contains("补发:" + batch.batchNo()).contains("***************0011");
	}

	@Test
	void onlyFinanceOfficersAndAdministratorsHandleFilesAuditorsReadAndOthersAreRefused() {
		String id = BankData.idNumber(LocalDate.of(1950, 1, 1), 1);
		BankBatchView batch = bank.issue(scope,
				new BankBatchRequest(new BankPayer(org.id(), "某县总工会", BankData.payerAccount()), layouts.builtIn(scope).id(),
						"慰问金", LocalDate.of(2026, 10, 22)),
				List.of(BankData.order("张三", "6222020200000000001", id, 100)));
		Http auditor = Http.basic(port, fixtures.user(org.id(), Role.AUDITOR), Fixtures.PASSWORD);
		assertThat(auditor.get("/api/v1/bank-batches/" + batch.id()).statusCode()).isEqualTo(200);
		assertThat(auditor.getBytes("/api/v1/bank-batches/" + batch.id() + "/file").statusCode()).isEqualTo(403);
		Http caseworker = Http.basic(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		assertThat(caseworker.get("/api/v1/bank-batches").statusCode()).isEqualTo(403);
		assertThat(caseworker.getBytes("/api/v1/bank-batches/" + batch.id() + "/file").statusCode()).isEqualTo(403);
		Http outsider = Http.basic(port, fixtures.user(fixtures.organisation("别处").id(), Role.FINANCE_OFFICER), Fixtures.PASSWORD);
		assertThat(outsider.getBytes("/api/v1/bank-batches/" + batch.id() + "/file").statusCode()).isEqualTo(404);
	}

	@Test
	void aLayoutIsCreatedWithAPreviewOfItsSampleFile() {
		Http page = Http.loggedIn(port, officer, Fixtures.PASSWORD);
		assertThat(page.get("/bank/layouts").body()).contains("通用代发格式");
		page.get("/bank/layouts/new");
		Map<String, String> form = Map.ofEntries(Map.entry("organisationId", String.valueOf(org.id())),
				Map.entry("name", "某商业银行"), Map.entry("bankCode", "CB01"), Map.entry("encoding", "GBK"),
				Map.entry("separator", ","), Map.entry("lineEnd", "CRLF"), Map.entry("amountUnit", "FEN"),
				Map.entry("summaryPosition", "LAST"), Map.entry("fileType", "TEXT"),
				Map.entry("summaryColumns", "RECORD_TYPE,BATCH_NO,TOTAL_COUNT,TOTAL_AMOUNT"),
				Map.entry("detailColumns", "RECORD_TYPE,SEQ,ACCOUNT,PAYEE_NAME,AMOUNT"),
				Map.entry("returnSummaryColumns", "RECORD_TYPE,BATCH_NO,TOTAL_COUNT,TOTAL_AMOUNT"),
				Map.entry("returnDetailColumns", "RECORD_TYPE,SEQ,PAYEE_NAME,ACCOUNT,AMOUNT,RESULT,REASON"),
				Map.entry("idTypeCodes", "RESIDENT_ID=1"), Map.entry("action", "preview"));
		HttpResponse<String> preview = page.form("/bank/layouts", form);
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("D,1,6222020200000000001,张三,20000").contains("H,20261018001,2,40000");

		Map<String, String> missing = new java.util.HashMap<>(form);
		missing.put("detailColumns", "RECORD_TYPE,SEQ,ACCOUNT");
		missing.put("action", "save");
		assertThat(page.form("/bank/layouts", missing).body()).contains("缺少必需的列");

		Map<String, String> save = new java.util.HashMap<>(form);
		save.put("action", "save");
		HttpResponse<String> saved = page.form("/bank/layouts", save);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(page.get(java.net.URI.create(saved.headers().firstValue("Location").orElseThrow()).getPath()).body()).contains("某商业银行")
			.contains("D,2,6222020200000000002,李四,20000");
	}

	@Test
	void theApiIssuesABatchRefusesABadLineByNumberAndListsARefusedReturnsProblems() throws Exception {
		Http api = Http.basic(port, officer, Fixtures.PASSWORD);
		long layout = JSON.readTree(api.get("/api/v1/bank-layouts").body()).get(0).path("id").asLong();
		String id = BankData.idNumber(LocalDate.of(1950, 1, 1), 1);
		String body = """
				{"organisationId": %d, "payerName": "某县总工会", "payerAccount": "%s", "layoutId": %d,
				 "purpose": "重阳节慰问金", "fileDate": "2026-10-21",
				 "orders": [{"reference": %d, "payeeName": "张三", "account": "6222020200000000001", "idType": "RESIDENT_ID",
				             "idNumber": "%s", "amountFen": 20000},
				            {"reference": %d, "payeeName": "李,四", "account": "6222020200000000002", "idType": "RESIDENT_ID",
				             "idNumber": "%s", "amountFen": %d}]}""";
		HttpResponse<String> bad = api.json("POST", "/api/v1/bank-batches",
				body.formatted(org.id(), BankData.payerAccount(), layout, BankData.reference(), id, BankData.reference(), id, 0));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(bad.body()).path("detail").asString()).contains("第 2 条").contains("金额必须大于 0");

		HttpResponse<String> ok = api.json("POST", "/api/v1/bank-batches",
				body.formatted(org.id(), BankData.payerAccount(), layout, BankData.reference(), id, BankData.reference(), id, 100));
		assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
		JsonNode batch = JSON.readTree(ok.body());
		assertThat(batch.path("totalFen").asLong()).isEqualTo(20100);
		long batchId = batch.path("id").asLong();

		byte[] ret = BankData.gbk("H|" + batch.path("batchNo").asString() + "|2|201.00|2|201.00|0|0.00\r\n"
				+ "D|1|张三|6222020200000000001|200.00|S|\r\nD|9|李,四|6222020200000000002|1.00|S|\r\n");
		HttpResponse<String> accepted = new Multipart().file("r.txt", ret).post(api, "/api/v1/bank-batches/" + batchId + "/answer");
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String location = accepted.headers().firstValue("Location").orElseThrow();
		JsonNode refused = JSON.readTree(accepted.body());
		for (int i = 0; i < 300 && !refused.path("finished").asBoolean(); i++) {
			Thread.sleep(100);
			refused = JSON.readTree(api.get(location).body());
		}
		assertThat(refused.path("status").asString()).isEqualTo("FAILED");
		assertThat(refused.path("error").asString()).contains("银行文件被整体拒绝");
		JsonNode problems = refused.path("problems");
		assertThat(problems.toString()).contains("序号 9 在发出的文件中没有对应的明细").contains("发出的序号 2（李,四）在回盘文件中没有");

		HttpResponse<String> docs = api.get("/v3/api-docs");
		assertThat(docs.body()).contains("/api/v1/bank-batches/{id}/answer").contains("/api/v1/bank-layouts/{id}/preview")
			.contains("/api/v1/bank-jobs/{id}");
	}

	/** Follows the redirect to the batch page with the job's panel until the job has finished; the page then. */
	private static String untilFinished(Http page, HttpResponse<String> redirect) throws InterruptedException {
		String path = java.net.URI.create(redirect.headers().firstValue("Location").orElseThrow()).getRawPath() + "?"
				+ java.net.URI.create(redirect.headers().firstValue("Location").orElseThrow()).getRawQuery();
		assertThat(path).contains("job=");
		String body = page.get(path).body();
		for (int i = 0; i < 300 && body.contains("id=\"bank-job-running\""); i++) {
			Thread.sleep(100);
			body = page.get(path).body();
		}
		assertThat(body).doesNotContain("id=\"bank-job-running\"");
		return body;
	}

}
