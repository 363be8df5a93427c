package org.bangfu.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.organisation.OrganisationType.UNION;
import static org.bangfu.shared.Role.APPROVER;
import static org.bangfu.shared.Role.AUDITOR;
import static org.bangfu.shared.Role.CASEWORKER;
import static org.bangfu.shared.Role.PAIRING_CADRE;
import static org.bangfu.shared.Role.REVIEWER;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.bangfu.cases.CaseWorld.Family;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The case pages as people use them: lists, a new case, the case page at each stage, documents and the archive. */
@IntegrationTest
@Import(Fixtures.class)
class CasePagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	JdbcClient jdbc;

	CaseWorld world;

	OrganisationView county;

	OrganisationView base;

	String caseworkerLogin;

	Http caseworkerApi;

	Family family;

	@BeforeEach
	void setUp() {
		world = new CaseWorld(port, fixtures, organisations, registry);
		county = world.org(null, "县总工会", UNION, "420102");
		base = world.org(county.id(), "基层工会", UNION, "420102");
		caseworkerLogin = fixtures.user(base.id(), CASEWORKER);
		caseworkerApi = Http.basic(port, caseworkerLogin, Fixtures.PASSWORD);
		family = world.family(base, "何文斌");
	}

	@Test
	void aCaseworkerFindsTheHouseholdOpensACaseSeesWhatIsMissingAndSubmits() {
		Http page = Http.loggedIn(port, caseworkerLogin, Fixtures.PASSWORD);
		assertThat(page.get("/cases").body()).contains("我的待办", "没有等待您办理的案件");
		String found = page.get("/cases/new?q=" + java.net.URLEncoder.encode("何文斌", java.nio.charset.StandardCharsets.UTF_8)).body();
		assertThat(found).contains(family.fileNo(), "pick-" + family.id() + "-NEW_FILING");
		for (String type : new String[] { "NEW_FILING", "ASSISTANCE", "CHANGE", "EXIT", "REOPEN" }) {
			HttpResponse<String> form = page.get("/cases/new?householdId=" + family.id() + "&type=" + type);
			assertThat(form.statusCode()).as(type).isEqualTo(200);
		}
		HttpResponse<String> emptySummary = page.form("/cases", Map.of("householdId", String.valueOf(family.id()), "type",
				"NEW_FILING", "summary", ""));
		assertThat(emptySummary.statusCode()).as("the form comes back").isEqualTo(200);
		assertThat(emptySummary.body()).contains("summary-error", "请填写申请事由", "is-invalid");
		HttpResponse<String> created = page.form("/cases", Map.of("householdId", String.valueOf(family.id()), "type",
				"NEW_FILING", "summary", "因病致困，申请建档"));
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		String draft = page.get("/cases/" + id).body();
		assertThat(draft).contains("草稿", "提交前还缺以下材料", "家庭经济状况核对承诺授权书", "李秀英", "upload-form");
		HttpResponse<String> early = page.form("/cases/" + id + "/submit", Map.of("version", String.valueOf(world.version(caseworkerApi, id))));
		assertThat(early.statusCode()).isEqualTo(302);
		assertThat(page.get("/cases/" + id).body()).contains("flash-error", "缺少材料");
		world.uploadFilingDocuments(caseworkerApi, id, family);
		page.get("/cases/" + id);
		page.form("/cases/" + id + "/submit", Map.of("version", String.valueOf(world.version(caseworkerApi, id))));
		String submitted = page.get("/cases/" + id).body();
		assertThat(submitted).contains("审核中", "next-step", "县级工会审核（入户调查）", "本步骤由其他角色或其他层级的机构办理")
			.doesNotContain("act-form");
		assertThat(page.get("/cases?view=all").body()).contains(family.fileNo());
	}

	@Test
	void theReviewerSeesTheInvestigationFormDecidesAndTheTimelineShowsIt() {
		long id = world.open(caseworkerApi, "NEW_FILING", family.id(), null).path("id").asLong();
		world.uploadFilingDocuments(caseworkerApi, id, family);
		world.submit(caseworkerApi, id);
		Http reviewer = Http.loggedIn(port, fixtures.user(county.id(), REVIEWER), Fixtures.PASSWORD);
		assertThat(reviewer.get("/cases?view=mine").body()).contains(family.fileNo());
		String page = reviewer.get("/cases/" + id).body();
		assertThat(page).contains("act-form", "visitors", "findings", "outcome-RETURN");
		HttpResponse<String> decided = reviewer.form("/cases/" + id + "/act", Map.of("version",
				String.valueOf(world.version(caseworkerApi, id)), "outcome", "PASS", "visitDate",
				java.time.LocalDate.now(org.bangfu.shared.BusinessClock.zone()).toString(), "visitors", "王主任", "findings",
				"租房居住，户主患病", "comment", "情况属实"));
		assertThat(decided.statusCode()).isEqualTo(302);
		String after = reviewer.get("/cases/" + id).body();
		assertThat(after).contains("已办理", "信息比对", "租房居住，户主患病", "情况属实", "审核通过")
			.contains("本步骤须由他人办理").doesNotContain("act-form");
		Http checker = Http.loggedIn(port, fixtures.user(county.id(), REVIEWER), Fixtures.PASSWORD);
		assertThat(checker.get("/cases/" + id).body()).contains("act-form", "result", "step-missing");
	}

	@Test
	void theHouseholdPageOpensACaseForItAndTheCaseFormShowsErrorsNextToTheirFields() {
		Http page = Http.loggedIn(port, caseworkerLogin, Fixtures.PASSWORD);
		String household = page.get("/households/" + family.id()).body();
		assertThat(household).contains("id=\"open-case\"", "/cases/new?householdId=" + family.id(), "发起案件");
		String form = page.get("/cases/new?householdId=" + family.id()).body();
		assertThat(form).as("a filed household: assistance by default, other types one click away")
			.contains("name=\"type\" value=\"ASSISTANCE\"", "switch-EXIT", "switch-NEW_FILING", family.fileNo());
		HttpResponse<String> badAmount = page.form("/cases", Map.of("householdId", String.valueOf(family.id()), "type",
				"ASSISTANCE", "summary", "医疗费用负担重", "requestedAmount", "三千元"));
		assertThat(badAmount.statusCode()).isEqualTo(200);
		assertThat(badAmount.body()).contains("requestedAmount-error", "金额格式不对：“三千元”", "医疗费用负担重")
			.doesNotContain("summary-error");
		page.get("/cases/new?householdId=" + family.id() + "&type=EXIT");
		HttpResponse<String> noDate = page.form("/cases", Map.of("householdId", String.valueOf(family.id()), "type", "EXIT",
				"summary", "已稳定就业"));
		assertThat(noDate.body()).contains("exitDate-error", "请填写脱困日期", "已稳定就业");
		HttpResponse<String> ok = page.form("/cases", Map.of("householdId", String.valueOf(family.id()), "type",
				"ASSISTANCE", "summary", "医疗费用负担重", "requestedAmount", "3000"));
		assertThat(ok.statusCode()).isEqualTo(302);
		Http auditor = Http.loggedIn(port, fixtures.user(base.id(), AUDITOR), Fixtures.PASSWORD);
		assertThat(auditor.get("/households/" + family.id()).body()).doesNotContain("id=\"open-case\"");
	}

	@Test
	void theCaseFormPreselectsAndMarksTheDefaultChainOfTheTypeAndNothingWhenNoneIsMarked() {
		long unionFiling = currentChain("union-filing");
		long dibaoFiling = currentChain("dibao-filing");
		long assistance = currentChain("union-assistance");
		Http page = Http.loggedIn(port, caseworkerLogin, Fixtures.PASSWORD);

		String filing = page.get("/cases/new?householdId=" + family.id() + "&type=NEW_FILING").body();
		assertThat(option(filing, unionFiling)).as("the default for the union's kind")
			.contains("selected", "data-default=\"true\"", ">困难职工建档（工会）（默认）<");
		assertThat(option(filing, dibaoFiling)).as("offered, not the default")
			.contains(">最低生活保障申请（民政）<").doesNotContain("selected", "data-default", "（默认）");

		// Another type (the links of the type switch): the marking follows the type.
		assertThat(filing).contains("switch-ASSISTANCE");
		String assist = page.get("/cases/new?householdId=" + family.id() + "&type=ASSISTANCE").body();
		assertThat(option(assist, assistance)).as("the default for any kind")
			.contains("selected", "data-default=\"true\"", "在档困难职工救助申请（默认）");
		assertThat(assist).doesNotContain("value=\"" + unionFiling + "\"");
		String english = Http.loggedIn(port, caseworkerLogin, Fixtures.PASSWORD)
			.get("/cases/new?householdId=" + family.id() + "&type=ASSISTANCE&lang=en").body();
		assertThat(option(english, assistance)).contains("selected", ">Assistance request (filed household) (default)<");

		// No chain marked default for a company's exit: the chains are offered, none chosen.
		OrganisationView company = world.org(null, "默认流程企业", org.bangfu.organisation.OrganisationType.COMPANY, "420102");
		Family worker = world.family(company, "邓志刚");
		Http companyPage = Http.loggedIn(port, fixtures.user(company.id(), CASEWORKER), Fixtures.PASSWORD);
		String exit = companyPage.get("/cases/new?householdId=" + worker.id() + "&type=EXIT").body();
		String select = ChainAdministrationIntegrationTests.between(exit, "id=\"chainId\"", "</select>");
		assertThat(select).contains("value=\"" + currentChain("union-exit") + "\"", "困难职工脱困退出（工会）")
			.doesNotContain("selected", "data-default", "（默认）");

		// Saved without a chain chosen: the service's default, as before.
		HttpResponse<String> created = page.form("/cases", Map.of("householdId", String.valueOf(family.id()), "type",
				"ASSISTANCE", "chainId", "", "summary", "医疗费用负担重"));
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(jdbc.sql("SELECT chain_id FROM cases_case WHERE id = ?")
			.param(Long.parseLong(location.substring(location.lastIndexOf('/') + 1))).query(Long.class).single())
			.isEqualTo(assistance);
	}

	long currentChain(String code) {
		return jdbc.sql("SELECT id FROM cases_chain WHERE code = ? AND retired_at IS NULL").param(code).query(Long.class).single();
	}

	/** The option of a chain in the case form's chain select. */
	static String option(String html, long chainId) {
		String select = ChainAdministrationIntegrationTests.between(html, "id=\"chainId\"", "</select>");
		int at = select.indexOf("value=\"" + chainId + "\"");
		assertThat(at).as("chain " + chainId + " offered").isNotNegative();
		return select.substring(select.lastIndexOf("<option", at), select.indexOf("</option>", at) + "</option>".length());
	}

	@Test
	void documentsAreCheckedByContentLimitedInSizeDownloadedWithAnAuditAndArchivedAsAZip() throws Exception {
		long id = world.open(caseworkerApi, "NEW_FILING", family.id(), null).path("id").asLong();
		HttpResponse<String> disguised = world.upload(caseworkerApi, id, "APPLICATION", null, "申请书.pdf",
				"MZ\u0090\u0000 not a pdf".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
		assertThat(disguised.statusCode()).isEqualTo(400);
		assertThat(disguised.body()).contains("按文件内容判断");
		HttpResponse<String> png = world.upload(caseworkerApi, id, "HARDSHIP", null, "诊断书.pdf", CaseWorld.PNG);
		assertThat(png.statusCode()).isEqualTo(201);
		assertThat(png.body()).contains("\"contentType\":\"image/png\"", "\"sha256\":\"");
		HttpResponse<String> noMember = world.upload(caseworkerApi, id, "IDENTITY", null, "id.png", CaseWorld.PNG);
		assertThat(noMember.statusCode()).isEqualTo(400);
		byte[] big = new byte[21 * 1024 * 1024];
		System.arraycopy(CaseWorld.PDF, 0, big, 0, CaseWorld.PDF.length);
		HttpResponse<String> tooBig = world.upload(caseworkerApi, id, "INCOME", null, "big.pdf", big);
		assertThat(tooBig.statusCode()).isEqualTo(400);
		assertThat(tooBig.body()).contains("20");
		byte[] docx = docx();
		HttpResponse<String> word = world.upload(caseworkerApi, id, "APPLICATION", null, "申请.docx", docx);
		assertThat(word.statusCode()).as(word.body()).isEqualTo(201);
		assertThat(word.body()).contains("wordprocessingml");
		world.uploadFilingDocuments(caseworkerApi, id, family);

		long docId = CaseWorld.JSON.readTree(png.body()).path("id").asLong();
		HttpResponse<byte[]> download = caseworkerApi.getBytes("/api/v1/cases/" + id + "/documents/" + docId);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(CaseWorld.PNG);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'case.document.download' AND object_id = ?")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);

		world.submit(caseworkerApi, id);
		Http reviewer = world.api(county.id(), REVIEWER);
		world.pass(reviewer, id, CaseWorld.VISIT);
		Http page = Http.loggedIn(port, fixtures.user(county.id(), AUDITOR), Fixtures.PASSWORD);
		HttpResponse<byte[]> zip = page.getBytes("/cases/" + id + "/archive");
		assertThat(zip.statusCode()).isEqualTo(200);
		Map<String, byte[]> entries = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				entries.put(e.getName(), in.readAllBytes());
			}
		}
		String caseNo = world.get(caseworkerApi, id).path("case").path("caseNo").asText();
		assertThat(entries.keySet()).anyMatch(k -> k.startsWith("documents/hardship/"))
			.anyMatch(k -> k.startsWith("documents/identity/"))
			.contains("manifest.csv", "forms/00-审批记录.pdf", "forms/01-困难职工档案表.pdf", "forms/02-走访调查表.pdf",
					"forms/03-公示证明材料.pdf", "forms/04-信息比对报告.pdf", caseNo + "-案卷汇编.pdf");
		assertThat(PdfText.of(entries.get("forms/02-走访调查表.pdf"))).contains("走访调查表", caseNo, "王主任", "家中一人患尿毒症");
		assertThat(PdfText.of(entries.get("forms/01-困难职工档案表.pdf"))).contains("困难职工档案表", "何文斌", "户主签字")
			.doesNotContain(family.headId(), family.bank(), family.phone());
		String bundle = PdfText.of(entries.get(caseNo + "-案卷汇编.pdf"));
		assertThat(bundle).contains("审批记录", "困难职工档案表", "走访调查表", "公示证明材料", "信息比对报告", "何文斌", "王主任")
			.doesNotContain(family.headId(), family.bank(), family.phone());
		assertThat(new String(entries.get("manifest.csv"), java.nio.charset.StandardCharsets.UTF_8)).contains("documents/hardship/",
				"forms/02-走访调查表.pdf");
		HttpResponse<byte[]> pdf = page.getBytes("/cases/" + id + "/archive.pdf");
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(PdfText.of(pdf.body())).contains("审批记录", "走访调查表", "王主任", "第1页");
		assertThat(PdfText.of(caseworkerApi.language("en").getBytes("/api/v1/cases/" + id + "/archive.pdf").body()))
			.contains("王主任");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'case.archive' AND object_id = ?")
			.param(String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void noticesPagesAndWhoMaySeeThem() {
		Http reviewer = Http.loggedIn(port, fixtures.user(county.id(), REVIEWER), Fixtures.PASSWORD);
		assertThat(reviewer.get("/notices").body()).contains("新建公示（0 件待公示）");
		assertThat(reviewer.get("/notices/new").body()).contains("no-candidates");
		Http cadre = Http.loggedIn(port, fixtures.user(county.id(), PAIRING_CADRE), Fixtures.PASSWORD);
		assertThat(cadre.get("/cases").statusCode()).isEqualTo(403);
		assertThat(cadre.get("/notices").statusCode()).isEqualTo(403);
		Http approver = Http.loggedIn(port, fixtures.user(county.id(), APPROVER), Fixtures.PASSWORD);
		assertThat(approver.get("/cases?view=overdue").body()).contains("没有超期的案件");
		assertThat(Http.browser(port).get("/public/notices").body()).contains("公示公告");
		String openApi = Http.browser(port).get("/v3/api-docs").body();
		assertThat(openApi).contains("/api/v1/cases/{id}/act", "/api/v1/cases/{id}/documents", "/api/v1/notices/{id}/publish",
				"/api/v1/objections/{objectionId}/resolve", "/api/v1/chains/{id}/steps/{stepId}", "/api/v1/calendar/{date}");
	}

	static byte[] docx() throws Exception {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes());
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write("<w:document/>".getBytes());
			zip.closeEntry();
		}
		return out.toByteArray();
	}

}
