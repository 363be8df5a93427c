package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.identity.UserCommands.UpdateUser;
import org.bangfu.identity.Users;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.pairing.PairingCommands.Pair;
import org.bangfu.pairing.PairingCommands.RegisterCadre;
import org.bangfu.pairing.PairingCommands.UpdateSettings;
import org.bangfu.pairing.PairingVocabulary.PairingType;
import org.bangfu.registry.HouseholdCommands.CloseHousehold;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.ImportResults;
import org.bangfu.registry.Households;
import org.bangfu.registry.Multipart;
import org.bangfu.registry.Vocabulary.CloseReason;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.importing.SpreadsheetBombs;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk pairing import from real .xlsx files made by POI (and a GBK CSV): cadres by login, number
 * or name and phone, households by ID number or 户编号; each row paired or rejected on its own;
 * the cap holds and names the cadre; anything outside the importer's organisations is "not
 * found"; the error report has the file's columns, the rejected rows and an error column.
 */
@IntegrationTest
@Import(Fixtures.class)
class PairingImportIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final List<String> HEADER = List.of("干部账号", "干部编号", "干部姓名", "干部电话", "身份证号", "户编号", "开始日期",
			"计划结束日期", "帮扶类型", "备注");

	@LocalServerPort
	int port;

	@Autowired
	Pairings pairings;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Users users;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	OrganisationView org;

	OrganisationView branch;

	OrganisationView other;

	Scope scope;

	Scope otherScope;

	String admin;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("结对导入测试");
		branch = fixtures.organisationUnder(org.id(), "结对导入分会");
		other = fixtures.organisation("别的机构");
		scope = PairingData.scope(fixtures, org);
		otherScope = PairingData.scope(fixtures, other);
		admin = fixtures.user(org.id(), Role.ADMIN);
		pairings.updateSettings(scope, org.id(), new UpdateSettings(2, 12, null));
	}

	record Family(HouseholdView household, String headId) {
	}

	@Test
	void goodRowsArePairedByLoginNumberOrNameAndByIdNumberOrFileNumberWithTheirDatesAndTypes() throws Exception {
		String cadreLogin = fixtures.user(branch.id(), Role.PAIRING_CADRE);
		CadreView numbered = pairings.registerCadre(scope, new RegisterCadre(org.id(), "钱无号", null, null));
		CadreView named = pairings.registerCadre(scope, new RegisterCadre(branch.id(), "孙同名", "13900001111", null));
		pairings.registerCadre(scope, new RegisterCadre(org.id(), "孙同名", "13900002222", null));
		Family a = family(branch.id());
		Family b = family(org.id());
		Family c = family(org.id());
		Family d = family(branch.id());

		byte[] xlsx = xlsx(HEADER,
				row(cadreLogin, "", "", "", a.headId(), "", LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28), "一对多", "按账号"),
				row("", String.valueOf(numbered.id()), "", "", "", b.household().fileNo(), "2026/4/1", "", "一对一", ""),
				row("", "", "孙同名", "139-0000-1111", "", c.household().fileNo(), "2026年5月6日", "", "", ""),
				row("", "", "孙同名", "13900001111", d.headId(), d.household().fileNo(), "", "", "ONE_TO_MANY", ""));
		Http api = Http.basic(port, admin, Fixtures.PASSWORD);
		HttpResponse<String> res = new Multipart().file("结对.xlsx", xlsx).post(api, "/api/v1/pairings/import");
		assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
		JsonNode body = JSON.readTree(res.body());
		assertThat(body.path("rowsRead").asInt()).isEqualTo(4);
		assertThat(body.path("rowsPaired").asInt()).as(res.body()).isEqualTo(4);
		assertThat(body.path("rowsRejected").asInt()).isZero();
		assertThat(body.path("errorReport").isNull()).isTrue();
		long id = body.path("id").asLong();
		assertThat(res.headers().firstValue("Location")).hasValue("/api/v1/pairings/imports/" + id);

		PairingView pa = pairings.activePairing(scope, a.household().id()).orElseThrow();
		assertThat(pa.cadreName()).isEqualTo("测试用户" + cadreLogin);
		assertThat(pa.startedOn()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(pa.plannedEndOn()).isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(pa.type()).isEqualTo(PairingType.ONE_TO_MANY);
		PairingView pb = pairings.activePairing(scope, b.household().id()).orElseThrow();
		assertThat(pb.cadreId()).isEqualTo(numbered.id());
		assertThat(pb.type()).isEqualTo(PairingType.ONE_TO_ONE);
		assertThat(pb.startedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(pb.plannedEndOn()).as("start plus the minimum term").isEqualTo(LocalDate.of(2027, 4, 1));
		assertThat(pairings.activePairing(scope, c.household().id()).orElseThrow())
			.satisfies(p -> assertThat(p.cadreId()).isEqualTo(named.id()))
			.satisfies(p -> assertThat(p.startedOn()).isEqualTo(LocalDate.of(2026, 5, 6)));
		assertThat(pairings.activePairing(scope, d.household().id()).orElseThrow().cadreId()).isEqualTo(named.id());

		assertThat(audits("pairing.import", id)).isEqualTo(1);
		assertThat(audits("pairing.create", pa.id())).as("each pairing audited").isEqualTo(1);
		JsonNode again = JSON.readTree(api.get("/api/v1/pairings/imports/" + id).body());
		assertThat(again.path("fileName").asString()).isEqualTo("结对.xlsx");
		assertThat(again.path("rowsPaired").asInt()).isEqualTo(4);
	}

	@Test
	void badRowsOfEachKindAreRejectedOnTheirOwnWithTheCapNamedAndComeBackInTheErrorReport() throws Exception {
		String cadreLogin = fixtures.user(org.id(), Role.PAIRING_CADRE);
		String notCadre = fixtures.user(org.id(), Role.CASEWORKER);
		String elsewhere = fixtures.user(other.id(), Role.PAIRING_CADRE);
		CadreView outside = pairings.registerCadre(otherScope, new RegisterCadre(other.id(), "外单位干部", null, null));
		pairings.registerCadre(scope, new RegisterCadre(org.id(), "周重名", null, null));
		pairings.registerCadre(scope, new RegisterCadre(branch.id(), "周重名", null, null));
		Family f1 = family(org.id());
		Family f2 = family(org.id());
		Family f3 = family(org.id());
		Family alreadyPaired = family(org.id());
		CadreView first = pairings.registerCadre(scope, new RegisterCadre(org.id(), "吴先到", null, null));
		pairings.pair(scope, new Pair(first.id(), null, alreadyPaired.household().id(), null, null, null));
		Family closed = family(org.id());
		registry.close(scope, closed.household().id(), new CloseHousehold(CloseReason.DEATH, null));
		Family foreign = family(other.id(), otherScope);
		Family spare = family(org.id());

		List<List<Object>> rows = new ArrayList<>();
		rows.add(row(cadreLogin, "", "", "", f1.headId(), "", "", "", "", "行2 好"));                       // 2 paired
		rows.add(row(cadreLogin, "", "", "", "", f2.household().fileNo(), "", "", "", "行3 好"));         // 3 paired
		rows.add(row(cadreLogin, "", "", "", f3.headId(), "", "", "", "", "行4 超上限"));                  // 4 cap
		rows.add(row("nobody-here", "", "", "", spare.headId(), "", "", "", "", ""));                     // 5
		rows.add(row(notCadre, "", "", "", spare.headId(), "", "", "", "", ""));                          // 6
		rows.add(row(elsewhere, "", "", "", spare.headId(), "", "", "", "", ""));                         // 7 out of scope
		rows.add(row("", String.valueOf(outside.id()), "", "", spare.headId(), "", "", "", "", ""));      // 8 out of scope
		rows.add(row("", "x12", "", "", spare.headId(), "", "", "", "", ""));                             // 9
		rows.add(row("", "", "周重名", "", spare.headId(), "", "", "", "", ""));                             // 10 ambiguous
		rows.add(row("", "", "无此人", "", spare.headId(), "", "", "", "", ""));                             // 11
		rows.add(row("", "", "", "", spare.headId(), "", "", "", "", "没有干部"));                          // 12
		rows.add(row("", String.valueOf(first.id()), "", "", "11010119900101123", "", "", "", "", ""));   // 13 bad id
		rows.add(row("", String.valueOf(first.id()), "", "", foreign.headId(), "", "", "", "", ""));      // 14 out of scope
		rows.add(row("", String.valueOf(first.id()), "", "", "", "NO-SUCH-FILE", "", "", "", ""));        // 15
		rows.add(row("", String.valueOf(first.id()), "", "", spare.headId(), f1.household().fileNo(), "", "", "", "")); // 16 mismatch
		rows.add(row("", String.valueOf(first.id()), "", "", alreadyPaired.headId(), "", "", "", "", "")); // 17 already
		rows.add(row("", String.valueOf(first.id()), "", "", "", closed.household().fileNo(), "", "", "", "")); // 18 closed
		rows.add(row("", String.valueOf(first.id()), "", "", spare.headId(), "", "2026-02-30", "", "", "")); // 19 date
		rows.add(row("", String.valueOf(first.id()), "", "", spare.headId(), "", "", "", "一对三", ""));   // 20 type
		rows.add(row("", String.valueOf(first.id()), "", "", spare.headId(), "", "2026-03-01", "2026-01-01", "", "")); // 21 end<start
		rows.add(row("", String.valueOf(first.id()), "", "", f1.headId(), "", "", "", "", "重复"));          // 22 repeated
		rows.add(row("", "=1+1", "", "", spare.headId(), "", "", "", "", ""));                            // 23 formula
		rows.add(row("", "", "", "", "", "", "", "", "", ""));                                            // blank: skipped
		rows.add(row("", String.valueOf(first.id()), "", "", spare.headId(), "", "", "", "", "行25 好"));   // 25 paired
		byte[] xlsx = xlsx(HEADER, rows.toArray(List[]::new));

		Http api = Http.basic(port, admin, Fixtures.PASSWORD);
		HttpResponse<String> res = new Multipart().file("bad.xlsx", xlsx).post(api, "/api/v1/pairings/import");
		assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
		JsonNode body = JSON.readTree(res.body());
		assertThat(body.path("rowsRead").asInt()).isEqualTo(23);
		assertThat(body.path("rowsPaired").asInt()).as(res.body()).isEqualTo(3);
		assertThat(body.path("rowsRejected").asInt()).isEqualTo(20);
		Map<Long, String> byRow = new java.util.TreeMap<>();
		for (JsonNode p : body.path("problems")) {
			byRow.merge(p.path("row").asLong(), p.path("column").asString("") + "|" + p.path("message").asString(),
					(x, y) -> x + " / " + y);
		}
		String cadreName = "测试用户" + cadreLogin;
		assertThat(byRow).containsOnlyKeys(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L,
				21L, 22L, 23L);
		assertThat(byRow.get(4L)).contains("帮扶干部 " + cadreName + " 已结对 2 户，上限 2 户");
		assertThat(byRow.get(5L)).contains("干部账号|").contains("找不到账号为“nobody-here”的用户");
		assertThat(byRow.get(6L)).contains("没有“帮扶干部”角色");
		assertThat(byRow.get(7L)).as("a cadre of another organisation is not found").contains("找不到账号为“" + elsewhere + "”");
		assertThat(byRow.get(8L)).contains("干部编号|").contains("找不到编号为 " + outside.id() + " 的帮扶干部");
		assertThat(byRow.get(9L)).contains("不是数字");
		assertThat(byRow.get(10L)).contains("有多名帮扶干部叫“周重名”");
		assertThat(byRow.get(11L)).contains("找不到名为“无此人”的帮扶干部");
		assertThat(byRow.get(12L)).contains("没有填写帮扶干部");
		assertThat(byRow.get(13L)).contains("身份证号|身份证号格式不正确");
		assertThat(byRow.get(14L)).as("a household of another organisation is not found").contains("找不到身份证号为")
			.doesNotContain(foreign.headId());
		assertThat(byRow.get(15L)).contains("户编号|").contains("找不到户编号为“NO-SUCH-FILE”的家庭");
		assertThat(byRow.get(16L)).contains("不一致");
		assertThat(byRow.get(17L)).contains("已有帮扶干部 吴先到");
		assertThat(byRow.get(18L)).contains("不是在册状态");
		assertThat(byRow.get(19L)).contains("开始日期|“2026-02-30”不是有效日期");
		assertThat(byRow.get(20L)).contains("帮扶类型|").contains("“一对三”不是有效的帮扶类型");
		assertThat(byRow.get(21L)).contains("计划结束日期不能早于开始日期");
		assertThat(byRow.get(22L)).contains("该家庭已在第 2 行结对");
		assertThat(byRow.get(23L)).contains("干部编号|单元格是公式");

		assertThat(pairings.activePairing(scope, f1.household().id()).orElseThrow().cadreName()).isEqualTo(cadreName);
		assertThat(pairings.activePairing(scope, f2.household().id())).isPresent();
		assertThat(pairings.activePairing(scope, f3.household().id())).as("over the cap").isEmpty();
		assertThat(pairings.activePairing(scope, spare.household().id()).orElseThrow().cadreId()).isEqualTo(first.id());
		assertThat(pairings.cadreOfUser(fixtures.userId(cadreLogin)).orElseThrow().activeHouseholds()).isEqualTo(2);
		assertThat(pairings.activePairing(otherScope, foreign.household().id())).isEmpty();

		// the error report: the file's columns in its order, the rejected rows as written, an error column
		String link = body.path("errorReport").asString();
		HttpResponse<byte[]> download = api.getBytes(link);
		assertThat(download.statusCode()).isEqualTo(200);
		List<List<String>> report = ImportResults.report(new ByteArrayInputStream(download.body()));
		List<String> expectedHeader = new ArrayList<>(HEADER);
		expectedHeader.add("错误说明");
		assertThat(report.get(0)).isEqualTo(expectedHeader);
		assertThat(report).hasSize(1 + 20);
		assertThat(ImportResults.rejectedRows(report)).containsExactly(4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L,
				15L, 16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L);
		List<String> capRow = report.get(1);
		assertThat(capRow.get(0)).isEqualTo(cadreLogin);
		assertThat(capRow.get(4)).as("the row as written").isEqualTo(f3.headId());
		assertThat(capRow.get(9)).isEqualTo("行4 超上限");
		assertThat(capRow.get(10)).startsWith("第 4 行：").contains(cadreName).contains("2 户");
		assertThat(report.get(report.size() - 2).get(10)).startsWith("第 22 行：");
		assertThat(audits("pairing.import.report", body.path("id").asLong())).as("download audited").isEqualTo(1);

		// correcting the report and importing it again adds the rest
		pairings.updateSettings(scope, org.id(), new UpdateSettings(3, 12, null));
		byte[] fixed = xlsx(HEADER, row(cadreLogin, "", "", "", f3.headId(), "", "", "", "", "改正后"));
		JsonNode second = JSON.readTree(new Multipart().file("fixed.xlsx", fixed).post(api, "/api/v1/pairings/import").body());
		assertThat(second.path("rowsPaired").asInt()).isEqualTo(1);
		assertThat(pairings.activePairing(scope, f3.household().id())).isPresent();
	}

	@Test
	void twoImportsAtOnceForTheSameCadreNeverPassTheCap() throws Exception {
		CadreView cadre = pairings.registerCadre(scope, new RegisterCadre(org.id(), "郑并发", null, null));
		List<Family> families = List.of(family(org.id()), family(org.id()), family(org.id()), family(org.id()));
		byte[] one = xlsx(HEADER, row("", String.valueOf(cadre.id()), "", "", families.get(0).headId(), "", "", "", "", ""),
				row("", String.valueOf(cadre.id()), "", "", families.get(1).headId(), "", "", "", "", ""));
		byte[] two = xlsx(HEADER, row("", String.valueOf(cadre.id()), "", "", families.get(2).headId(), "", "", "", "", ""),
				row("", String.valueOf(cadre.id()), "", "", families.get(3).headId(), "", "", "", "", ""));
		Http api = Http.basic(port, admin, Fixtures.PASSWORD);
		java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var a = pool.submit(() -> {
				start.await();
				return JSON.readTree(new Multipart().file("one.xlsx", one).post(api, "/api/v1/pairings/import").body());
			});
			var b = pool.submit(() -> {
				start.await();
				return JSON.readTree(new Multipart().file("two.xlsx", two).post(api, "/api/v1/pairings/import").body());
			});
			JsonNode ra = a.get();
			JsonNode rb = b.get();
			assertThat(ra.path("rowsPaired").asInt() + rb.path("rowsPaired").asInt()).as(ra + " " + rb).isEqualTo(2);
			assertThat(ra.path("rowsRejected").asInt() + rb.path("rowsRejected").asInt()).isEqualTo(2);
			List<String> messages = new ArrayList<>();
			ra.path("problems").forEach(p -> messages.add(p.path("message").asString()));
			rb.path("problems").forEach(p -> messages.add(p.path("message").asString()));
			assertThat(messages).hasSize(2).allSatisfy(m -> assertThat(m).contains("郑并发", "上限 2 户"));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(pairings.cadre(scope, cadre.id()).activeHouseholds()).isEqualTo(2);
		assertThat(pairings.search(scope, cadre.id(), null, true, 100, 0)).hasSize(2);
	}

	@Test
	void theApiSpeaksTheCallersLanguageAndKeepsOtherOrganisationsImportsHidden() throws Exception {
		Family f = family(org.id());
		byte[] xlsx = xlsx(HEADER, row("nobody", "", "", "", f.headId(), "", "", "", "", ""));
		Http api = Http.basic(port, admin, Fixtures.PASSWORD).language("en");
		JsonNode body = JSON.readTree(new Multipart().file("en.xlsx", xlsx).post(api, "/api/v1/pairings/import").body());
		assertThat(body.path("problems").get(0).path("message").asString())
			.isEqualTo("No user with the login \"nobody\" in your organisations.");
		long id = body.path("id").asLong();
		List<List<String>> report = ImportResults.report(new ByteArrayInputStream(api.getBytes(body.path("errorReport").asString()).body()));
		assertThat(report.get(1).get(10)).startsWith("Row 2");

		Http stranger = Http.basic(port, fixtures.user(other.id(), Role.ADMIN), Fixtures.PASSWORD);
		assertThat(stranger.get("/api/v1/pairings/imports/" + id).statusCode()).isEqualTo(404);
		assertThat(stranger.getBytes("/api/v1/pairings/imports/" + id + "/report").statusCode()).isEqualTo(404);
		Http caseworker = Http.basic(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		assertThat(new Multipart().file("x.xlsx", xlsx).post(caseworker, "/api/v1/pairings/import").statusCode())
			.isEqualTo(403);
		assertThat(caseworker.get("/api/v1/pairings/imports/" + id).statusCode()).isEqualTo(403);
	}

	@Test
	void aFileThatCannotBeReadIsRefusedWholeAndNothingIsKept() throws Exception {
		Http api = Http.basic(port, admin, Fixtures.PASSWORD);
		long before = jdbc.sql("SELECT count(*) FROM pairing_import").query(Long.class).single();
		Family f = family(org.id());

		HttpResponse<String> noCadre = new Multipart().file("a.xlsx", xlsx(List.of("身份证号", "开始日期"),
				List.of(f.headId(), ""))).post(api, "/api/v1/pairings/import");
		assertThat(noCadre.statusCode()).isEqualTo(400);
		assertThat(noCadre.body()).contains("缺少列：干部账号/干部编号/干部姓名");

		HttpResponse<String> twice = new Multipart().file("b.xlsx", xlsx(List.of("干部账号", "身份证号", "账号"),
				List.of("a", f.headId(), "b"))).post(api, "/api/v1/pairings/import");
		assertThat(twice.statusCode()).isEqualTo(400);
		assertThat(twice.body()).contains("列“干部账号”出现了两次");

		HttpResponse<String> headerOnly = new Multipart().file("c.xlsx", xlsx(HEADER)).post(api, "/api/v1/pairings/import");
		assertThat(headerOnly.statusCode()).isEqualTo(400);
		assertThat(headerOnly.body()).contains("文件只有表头");

		HttpResponse<String> fake = new Multipart().file("d.xlsx", "干部账号,身份证号\nx,y\n".getBytes())
			.post(api, "/api/v1/pairings/import");
		assertThat(fake.statusCode()).isEqualTo(400);
		assertThat(fake.body()).contains("不是有效的 Excel 工作簿");

		Path bomb = SpreadsheetBombs.bomb(dir.resolve("bomb.xlsx"), 200);
		HttpResponse<String> bombed = new Multipart().file("bomb.xlsx", Files.readAllBytes(bomb))
			.post(api, "/api/v1/pairings/import");
		assertThat(bombed.statusCode()).isEqualTo(400);
		assertThat(bombed.body()).contains("压缩炸弹");

		assertThat(jdbc.sql("SELECT count(*) FROM pairing_import").query(Long.class).single()).isEqualTo(before);
		assertThat(pairings.activePairing(scope, f.household().id())).isEmpty();
	}

	@Test
	void anAdministratorImportsAGbkCsvThroughThePageSeesTheProblemsAndDownloadsTheReport() throws Exception {
		String cadreLogin = fixtures.user(org.id(), Role.PAIRING_CADRE);
		Family good = family(org.id());
		String csv = "干部账号,户编号,帮扶类型\r\n" + cadreLogin + "," + good.household().fileNo() + ",一对多\r\n"
				+ cadreLogin + ",没有这户,\r\n";
		Http page = Http.loggedIn(port, admin, Fixtures.PASSWORD);
		assertThat(page.get("/pairing/unpaired").body()).contains("href=\"/pairing/import\"");
		String form = page.get("/pairing/import").body();
		assertThat(form).contains("enctype=\"multipart/form-data\"").contains("干部账号").contains("下载空白模板");
		HttpResponse<String> res = new Multipart().field("_csrf", page.csrf())
			.file("结对.csv", csv.getBytes(Charset.forName("GBK")))
			.post(page, "/pairing/import");
		assertThat(res.statusCode()).as(res.body()).isEqualTo(302);
		String location = res.headers().firstValue("Location").orElseThrow();
		String result = page.get(location.replaceFirst("^https?://[^/]+", "")).body();
		assertThat(result).contains("导入完成：结对 1 行，拒绝 1 行。")
			.contains("id=\"rows-paired\">1<")
			.contains("id=\"rows-rejected\">1<")
			.contains("找不到户编号为“没有这户”的家庭")
			.contains("id=\"error-report\"");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		HttpResponse<byte[]> report = page.getBytes("/pairing/imports/" + id + "/report");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(ImportResults.rejectedRows(ImportResults.report(new ByteArrayInputStream(report.body()))))
			.containsExactly(3L);
		assertThat(pairings.activePairing(scope, good.household().id())).isPresent();
		assertThat(page.get("/pairing/import").body()).contains("结对.csv");

		HttpResponse<byte[]> template = page.getBytes("/pairing/import/template");
		assertThat(template.statusCode()).isEqualTo(200);
		assertThat(ImportResults.report(new ByteArrayInputStream(template.body())).get(0)).startsWith("干部账号", "干部编号");

		page.get("/pairing/import");
		HttpResponse<String> bad = new Multipart().field("_csrf", page.csrf())
			.file("坏.xlsx", "just text".getBytes()).post(page, "/pairing/import");
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"file-error\"").contains("不是有效的 Excel 工作簿");

		Http cadrePage = Http.loggedIn(port, cadreLogin, Fixtures.PASSWORD);
		assertThat(cadrePage.get("/pairing/import").statusCode()).isEqualTo(403);
		assertThat(cadrePage.get("/pairing/imports/" + id).statusCode()).isEqualTo(403);
	}

	@Test
	void removingTheCadreRoleEndsTheirPairingsAtOnceAndGivingItBackLetsThemPairAgain() {
		String cadreLogin = fixtures.user(org.id(), Role.PAIRING_CADRE);
		long userId = fixtures.userId(cadreLogin);
		long h1 = family(org.id()).household().id();
		long h2 = family(org.id()).household().id();
		pairings.pair(scope, new Pair(null, userId, h1, null, null, null));
		pairings.pair(scope, new Pair(null, userId, h2, null, null, null));
		assertThat(pairings.countUnpaired(scope)).isZero();

		Http page = Http.loggedIn(port, admin, Fixtures.PASSWORD);
		page.get("/users/" + userId + "/edit");
		HttpResponse<String> res = page.form("/users/" + userId,
				Map.of("name", "测试用户" + cadreLogin, "organisationId", String.valueOf(org.id()), "roles", "CASEWORKER"));
		assertThat(res.statusCode()).as(res.body()).isEqualTo(302);

		assertThat(pairings.unpaired(scope, null, null, 1, 50)).extracting(UnpairedRow::householdId)
			.containsExactlyInAnyOrder(h1, h2);
		assertThat(pairings.history(scope, h1)).first()
			.satisfies(p -> assertThat(p.endReason()).isEqualTo(PairingVocabulary.EndReason.CADRE_ROLE_REMOVED))
			.satisfies(p -> assertThat(p.endedOn()).isEqualTo(pairings.today()));
		CadreView cadre = pairings.cadreOfUser(userId).orElseThrow();
		assertThat(cadre.active()).isFalse();
		assertThat(cadre.activeHouseholds()).isZero();
		assertThat(page.get("/pairing/households/" + h1).body()).contains("干部角色被取消");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'pairing.endAll' AND object_id = ? AND detail LIKE '%CADRE_ROLE_REMOVED%'")
			.param(String.valueOf(cadre.id())).query(Long.class).single()).isEqualTo(1);

		users.update(scope, userId, new UpdateUser("测试用户" + cadreLogin, null, org.id(),
				EnumSet.of(Role.CASEWORKER, Role.PAIRING_CADRE)));
		assertThat(pairings.cadreOfUser(userId).orElseThrow().active()).as("role given back").isTrue();
		assertThat(pairings.pair(scope, new Pair(cadre.id(), null, h1, null, null, null)).active()).isTrue();

		// the same for a user deactivated and activated again
		users.setActive(scope, userId, false);
		assertThat(pairings.cadreOfUser(userId).orElseThrow().active()).isFalse();
		users.setActive(scope, userId, true);
		assertThat(pairings.cadreOfUser(userId).orElseThrow().active()).as("activated again").isTrue();
		assertThat(pairings.activePairing(scope, h1)).as("households stay unpaired until someone pairs them").isEmpty();

		// other role changes leave the pairings alone
		pairings.pair(scope, new Pair(cadre.id(), null, h2, null, null, null));
		users.update(scope, userId, new UpdateUser("测试用户" + cadreLogin, null, org.id(), EnumSet.of(Role.PAIRING_CADRE)));
		assertThat(pairings.activePairing(scope, h2)).isPresent();
	}

	// ---- helpers

	private long audits(String action, long id) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND object_id = ?")
			.params(action, String.valueOf(id))
			.query(Long.class)
			.single();
	}

	private Family family(long organisationId) {
		return family(organisationId, scope);
	}

	private Family family(long organisationId, Scope in) {
		String id = Households.idNumber(LocalDate.of(1968, 5, 5), true);
		HouseholdData data = new HouseholdData(Households.fileNo(), PairingData.DAZHI, "江岸区某街道某小区", "13812345678",
				HardshipCause.ILLNESS, List.of(), List.of(), HousingType.OWN, new java.math.BigDecimal("50.00"), null, 0,
				null, null, null, null, null);
		HouseholdView h = registry.file(in,
				new FileHousehold(organisationId, data, Households.person("刘家长", id, Relation.HEAD, "0")));
		return new Family(h, id);
	}

	private static List<Object> row(Object... cells) {
		return java.util.Arrays.asList(cells);
	}

	/** An .xlsx made by POI: text cells, dates as real date cells, "=…" as formulas. */
	@SafeVarargs
	static byte[] xlsx(List<String> header, List<Object>... rows) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("结对");
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			Row top = sheet.createRow(0);
			for (int i = 0; i < header.size(); i++) {
				top.createCell(i).setCellValue(header.get(i));
			}
			int r = 1;
			for (List<Object> values : rows) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < values.size(); i++) {
					Object v = values.get(i);
					if (v instanceof LocalDate d) {
						row.createCell(i).setCellValue(d);
						row.getCell(i).setCellStyle(date);
					}
					else if (v instanceof String s && s.startsWith("=")) {
						row.createCell(i).setCellFormula(s.substring(1));
					}
					else if (v instanceof String s && !s.isEmpty()) {
						row.createCell(i).setCellValue(s);
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

}
