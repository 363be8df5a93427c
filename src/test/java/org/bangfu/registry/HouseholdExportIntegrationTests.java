package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.HouseholdExport.Format;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.shared.SpreadsheetText;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Export of a search result in the import template: content read back, masking, formulas, audit, scope. */
@IntegrationTest
@Import(Fixtures.class)
class HouseholdExportIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final EnumSet<Role> CASEWORKER = EnumSet.of(Role.CASEWORKER);

	@LocalServerPort
	int port;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	HouseholdExport export;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	OrganisationView org;

	Scope scope;

	String headId;

	String spouseId;

	HouseholdView family;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("导出测试工会");
		scope = new Scope(org.id(), fixtures.everything().path() + org.id() + "/");
		LocalDate today = registry.today();
		headId = Households.idNumber(today.minusYears(52), true);
		spouseId = Households.idNumber(today.minusYears(50), false);
		family = registry.file(scope, Households.headOnly(headId));
		registry.addMember(scope, family.id(), new AddMember(new MemberData("李梅", spouseId, Relation.SPOUSE, "汉族", null,
				null, Employment.EMPLOYED, "某保洁公司", "13900001111", new BigDecimal("700.50"), null, null, null, null,
				Health.DISABLED, null, "肢体", 2, null, null, null, List.of(Category.DIBAO, Category.DISABLED))));
		registry.addMember(scope, family.id(), new AddMember(Households.student("张伟", Households.idNumber(today.minusYears(19), true))));
	}

	@Test
	void theXlsxHasTheTemplateColumnsOneRowPerPersonAndHouseholdValuesOnTheHeadRow() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		HouseholdExport.Result result = export.export(scope, CASEWORKER, HouseholdQuery.all(), Format.XLSX, out);
		assertThat(result).isEqualTo(new HouseholdExport.Result(1, 3, true));

		List<List<String>> rows = xlsx(out.toByteArray());
		assertThat(rows.get(0)).containsExactly(TemplateColumn.headers());
		assertThat(rows).hasSize(4);
		List<String> head = rows.get(1);
		assertThat(cell(head, TemplateColumn.HOUSEHOLD_REF)).isEqualTo(family.fileNo());
		assertThat(cell(head, TemplateColumn.REGION_CODE)).isEqualTo(Households.TOWNSHIP + "000");
		assertThat(cell(head, TemplateColumn.NAME)).isEqualTo("张建国");
		assertThat(cell(head, TemplateColumn.ID_NUMBER)).isEqualTo(headId);
		assertThat(cell(head, TemplateColumn.RELATION)).isEqualTo("户主");
		assertThat(cell(head, TemplateColumn.SEX)).isEqualTo("男");
		assertThat(cell(head, TemplateColumn.MONTHLY_INCOME)).isEqualTo("0.00");
		assertThat(cell(head, TemplateColumn.EMPLOYMENT)).isEqualTo("下岗");
		assertThat(cell(head, TemplateColumn.HEALTH)).isEqualTo("健康");
		assertThat(cell(head, TemplateColumn.HARDSHIP_CAUSES)).isEqualTo("失业、因学");
		assertThat(cell(head, TemplateColumn.HOUSING)).isEqualTo("租住");
		assertThat(cell(head, TemplateColumn.ANNUAL_RENT)).isEqualTo("9600.00");
		assertThat(cell(head, TemplateColumn.VEHICLES)).isEqualTo("0");
		assertThat(cell(head, TemplateColumn.SAVINGS)).isEqualTo("1200.00");
		assertThat(cell(head, TemplateColumn.PHONE)).isEqualTo("13812345678");
		assertThat(cell(head, TemplateColumn.BANK_NAME)).isEqualTo("工商银行");
		assertThat(cell(head, TemplateColumn.BANK_ACCOUNT)).isEqualTo("6222021234567890123");

		List<String> spouse = rows.get(2);
		assertThat(cell(spouse, TemplateColumn.HOUSEHOLD_REF)).isEqualTo(family.fileNo());
		assertThat(cell(spouse, TemplateColumn.ID_NUMBER)).isEqualTo(spouseId);
		assertThat(cell(spouse, TemplateColumn.RELATION)).isEqualTo("配偶");
		assertThat(cell(spouse, TemplateColumn.SEX)).isEqualTo("女");
		assertThat(cell(spouse, TemplateColumn.MONTHLY_INCOME)).isEqualTo("700.50");
		assertThat(cell(spouse, TemplateColumn.EMPLOYMENT)).isEqualTo("在岗");
		assertThat(cell(spouse, TemplateColumn.EMPLOYER)).isEqualTo("某保洁公司");
		assertThat(cell(spouse, TemplateColumn.HEALTH)).isEqualTo("残疾");
		assertThat(cell(spouse, TemplateColumn.DISABILITY_GRADE)).isEqualTo("二级");
		assertThat(cell(spouse, TemplateColumn.CATEGORIES)).isEqualTo("低保、残疾人");
		assertThat(cell(spouse, TemplateColumn.PHONE)).isEqualTo("13900001111");
		for (TemplateColumn c : TemplateColumn.values()) {
			if (c.householdLevel() && c != TemplateColumn.HOUSEHOLD_REF) {
				assertThat(cell(spouse, c)).as(c.header() + " only on the head's row").isEmpty();
			}
		}
		List<String> son = rows.get(3);
		assertThat(cell(son, TemplateColumn.RELATION)).isEqualTo("子");
		assertThat(cell(son, TemplateColumn.SCHOOLING)).isEqualTo("本科");
		assertThat(cell(son, TemplateColumn.EMPLOYMENT)).isEqualTo("在校");

		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Row r = wb.getSheetAt(0).getRow(2);
			assertThat(r.getCell(TemplateColumn.MONTHLY_INCOME.ordinal()).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(r.getCell(TemplateColumn.MONTHLY_INCOME.ordinal()).getNumericCellValue()).isEqualTo(700.5);
			assertThat(r.getCell(TemplateColumn.ID_NUMBER.ordinal()).getCellType()).isEqualTo(CellType.STRING);
		}
	}

	@Test
	void theCsvThroughTheApiIsUtf8WithBomAndKeepsTheSearchFilters() throws Exception {
		HouseholdView other = registry.file(scope, Households.headOnly(Households.idNumber(LocalDate.of(1971, 1, 1), false)));
		Http api = Http.basic(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		HttpResponse<byte[]> res = api.getBytes("/api/v1/households/export?purpose=check&format=csv&idNumber=" + spouseId);
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(res.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(res.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment").contains(".csv");
		byte[] body = res.body();
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		List<CSVRecord> records = csv(body);
		assertThat(records.get(0).values()).containsExactly(TemplateColumn.headers());
		assertThat(records).hasSize(4);
		assertThat(records.get(1).get(TemplateColumn.ID_NUMBER.ordinal())).isEqualTo(headId);
		assertThat(records.get(1).get(TemplateColumn.ANNUAL_RENT.ordinal())).isEqualTo("9600.00");
		assertThat(records.get(1).get(TemplateColumn.BANK_ACCOUNT.ordinal())).isEqualTo("6222021234567890123");
		assertThat(records.get(2).get(TemplateColumn.MONTHLY_INCOME.ordinal())).isEqualTo("700.50");
		assertThat(records.get(2).get(TemplateColumn.SAVINGS.ordinal())).isEmpty();
		assertThat(new String(body, StandardCharsets.UTF_8)).doesNotContain(other.fileNo());

		HttpResponse<byte[]> all = api.getBytes("/api/v1/households/export?purpose=check&format=csv&sort=fileNo");
		List<String> searchOrder = registry.search(scope,
				new HouseholdQuery(null, null, null, null, null, null, null, "fileNo", null, null, null))
			.rows().stream().map(HouseholdRow::fileNo).toList();
		assertThat(csv(all.body()).stream().skip(1).map(r -> r.get(0)).distinct().toList())
			.containsExactlyElementsOf(searchOrder)
			.containsExactlyInAnyOrder(family.fileNo(), other.fileNo());

		HttpResponse<String> badFormat = api.language("en").get("/api/v1/households/export?purpose=check&format=pdf");
		assertThat(badFormat.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(badFormat.body()).path("errors").path("format").asText()).contains("xlsx or csv");
		HttpResponse<String> badRegion = api.get("/api/v1/households/export?purpose=check&region=abc");
		assertThat(badRegion.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(badRegion.body()).path("errors").has("region")).isTrue();

		// whole numbers need the purpose; the audit row keeps it with the count
		HttpResponse<String> noPurpose = api.get("/api/v1/households/export?format=csv");
		assertThat(noPurpose.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(noPurpose.body()).path("errors").path("purpose").asText()).isNotBlank();
		String detail = jdbc.sql("SELECT detail FROM audit_event WHERE action = 'household.export' ORDER BY id DESC LIMIT 1")
			.query(String.class).single();
		assertThat(detail).contains("check").contains("\"households\":2").contains("\"fullNumbers\":true");
	}

	@Test
	void valuesThatASpreadsheetWouldRunAsFormulasAreNeutralised() throws Exception {
		HouseholdData d = Households.household(Households.fileNo());
		HouseholdData risky = new HouseholdData(d.fileNo(), d.regionCode(), d.address(), d.phone(), d.mainCause(),
				d.secondaryCauses(), d.categories(), d.housingType(), d.floorArea(), d.annualRent(), d.vehicles(),
				d.savings(), d.business(), "@SUM(A1:A9)", d.bankAccount(), d.remarks());
		MemberData head = new MemberData("-王五", Households.idNumber(LocalDate.of(1980, 8, 8), true), Relation.HEAD,
				null, null, null, Employment.EMPLOYED, "=HYPERLINK(\"http://evil\",\"x\")", null, BigDecimal.TEN, null,
				null, null, null, null, null, null, null, null, null, null, List.of());
		HouseholdView h = registry.file(scope, new FileHousehold(null, risky, head));
		HouseholdQuery only = new HouseholdQuery(null, "-王", null, null, null, null, null, null, null, null, null);

		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		export.export(scope, CASEWORKER, only, Format.XLSX, xlsx);
		List<String> row = xlsx(xlsx.toByteArray()).get(1);
		assertThat(cell(row, TemplateColumn.HOUSEHOLD_REF)).isEqualTo(h.fileNo());
		assertThat(cell(row, TemplateColumn.NAME)).isEqualTo("'-王五");
		assertThat(cell(row, TemplateColumn.EMPLOYER)).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
		assertThat(cell(row, TemplateColumn.BANK_NAME)).isEqualTo("'@SUM(A1:A9)");
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
			for (Cell c : wb.getSheetAt(0).getRow(1)) {
				assertThat(c.getCellType()).as("no formula cells").isNotEqualTo(CellType.FORMULA);
			}
		}

		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		export.export(scope, CASEWORKER, only, Format.CSV, csv);
		CSVRecord record = csv(csv.toByteArray()).get(1);
		assertThat(record.get(TemplateColumn.NAME.ordinal())).isEqualTo("'-王五");
		assertThat(record.get(TemplateColumn.EMPLOYER.ordinal())).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
		assertThat(record.get(TemplateColumn.BANK_NAME.ordinal())).isEqualTo("'@SUM(A1:A9)");
		// an import gets the original back
		assertThat(SpreadsheetText.restore(record.get(TemplateColumn.NAME.ordinal()))).isEqualTo("-王五");
		assertThat(SpreadsheetText.restore("'普通")).isEqualTo("'普通");
	}

	@Test
	void everyExportIsAuditedWithItsFilterAndRowCount() throws Exception {
		long before = exports();
		Http api = Http.basic(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		HttpResponse<byte[]> res = api.getBytes("/api/v1/households/export?purpose=check&status=FILED&category=DIBAO&idNumber=" + headId);
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(exports()).isEqualTo(before + 1);
		JsonNode detail = JSON.readTree(jdbc.sql("""
				SELECT detail FROM audit_event WHERE action = 'household.export' ORDER BY id DESC LIMIT 1""")
			.query(String.class).single());
		assertThat(detail.path("format").asText()).isEqualTo("xlsx");
		assertThat(detail.path("households").asLong()).isEqualTo(1);
		assertThat(detail.path("rows").asLong()).isEqualTo(3);
		assertThat(detail.path("fullNumbers").asBoolean()).isTrue();
		assertThat(detail.path("complete").asBoolean()).isTrue();
		assertThat(detail.path("filter").path("status").asText()).isEqualTo("FILED");
		assertThat(detail.path("filter").path("category").asText()).isEqualTo("DIBAO");
		assertThat(detail.path("filter").path("idNumber").asText()).isEqualTo(headId.substring(0, 6) + "********" + headId.substring(14));
		assertThat(detail.toString()).doesNotContain(headId);
		String actor = jdbc.sql("SELECT actor_login FROM audit_event WHERE action = 'household.export' ORDER BY id DESC LIMIT 1")
			.query(String.class).single();
		assertThat(actor).startsWith("u");
	}

	@Test
	void aSiblingOrganisationsHouseholdsAreNeverExportedButSubordinatesAre() throws Exception {
		OrganisationView child = fixtures.organisationUnder(org.id(), "下级工会");
		Scope childScope = new Scope(child.id(), scope.path() + child.id() + "/");
		HouseholdView below = registry.file(childScope, Households.headOnly(Households.idNumber(LocalDate.of(1979, 9, 9), true)));
		OrganisationView sibling = fixtures.organisation("兄弟工会");
		Scope siblingScope = new Scope(sibling.id(), fixtures.everything().path() + sibling.id() + "/");
		String siblingId = Households.idNumber(LocalDate.of(1969, 9, 9), false);
		HouseholdView theirs = registry.file(siblingScope, Households.headOnly(siblingId));

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		HouseholdExport.Result result = export.export(scope, CASEWORKER, HouseholdQuery.all(), Format.CSV, out);
		String text = out.toString(StandardCharsets.UTF_8);
		assertThat(result.households()).isEqualTo(2);
		assertThat(text).contains(family.fileNo()).contains(below.fileNo()).doesNotContain(theirs.fileNo()).doesNotContain(siblingId);
		// even when asked for the sibling's person by ID number
		ByteArrayOutputStream byId = new ByteArrayOutputStream();
		HouseholdExport.Result none = export.export(scope, CASEWORKER,
				new HouseholdQuery(siblingId, null, null, null, null, null, null, null, null, null, null), Format.CSV, byId);
		assertThat(none.rows()).isZero();
		assertThat(csv(byId.toByteArray())).hasSize(1);
	}

	@Test
	void rolesThatMayNotRevealGetMaskedNumbers() throws Exception {
		for (Role role : new Role[] { Role.AUDITOR, Role.PAIRING_CADRE }) {
			Http reader = Http.basic(port, fixtures.user(org.id(), role), Fixtures.PASSWORD);
			HttpResponse<byte[]> res = reader.getBytes("/api/v1/households/export?purpose=check&format=csv");
			assertThat(res.statusCode()).as(role.name()).isEqualTo(200);
			String text = new String(res.body(), StandardCharsets.UTF_8);
			assertThat(text).doesNotContain(headId).doesNotContain(spouseId).doesNotContain("6222021234567890123")
				.doesNotContain("13900001111");
			CSVRecord head = csv(res.body()).get(1);
			assertThat(head.get(TemplateColumn.ID_NUMBER.ordinal())).isEqualTo(headId.substring(0, 6) + "********" + headId.substring(14));
			assertThat(head.get(TemplateColumn.BANK_ACCOUNT.ordinal())).endsWith("0123").startsWith("****");
			assertThat(head.get(TemplateColumn.PHONE.ordinal())).isEqualTo("138****5678");
		}
		Http finance = Http.basic(port, fixtures.user(org.id(), Role.FINANCE_OFFICER), Fixtures.PASSWORD);
		assertThat(finance.getBytes("/api/v1/households/export").statusCode()).isEqualTo(403);
	}

	@Test
	void theListPageOffersTheExportWithItsFiltersAndBadFiltersGoBackToTheList() throws Exception {
		Http page = Http.loggedIn(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		String list = page.get("/households?status=FILED&name=" + URLEncoder.encode("张", StandardCharsets.UTF_8)).body();
		assertThat(list).contains("id=\"export-xlsx\"").contains("导出 Excel").contains("导出 CSV")
			.contains("action=\"/households/exports\"").contains("value=\"FILED\"").contains("含完整身份证号")
			.contains("id=\"export-purpose\"");
		// whole numbers need a purpose: without one, back to the list saying so
		HttpResponse<byte[]> noPurpose = page.getBytes("/households/export?format=xlsx&status=FILED");
		assertThat(noPurpose.statusCode()).isEqualTo(302);
		java.net.URI back = java.net.URI.create(noPurpose.headers().firstValue("Location").orElseThrow());
		assertThat(page.get(back.getRawPath() + "?" + back.getRawQuery()).body()).contains("须填写用途");
		HttpResponse<byte[]> file = page.getBytes("/households/export?purpose=" + URLEncoder.encode("报县总工会复核", StandardCharsets.UTF_8)
				+ "&format=xlsx&status=FILED&name="
				+ URLEncoder.encode("张", StandardCharsets.UTF_8));
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
		assertThat(xlsx(file.body())).hasSize(4);

		HttpResponse<byte[]> bad = page.getBytes("/households/export?format=xlsx&region=abc");
		assertThat(bad.statusCode()).isEqualTo(302);
		assertThat(bad.headers().firstValue("Location").orElseThrow()).contains("/households?").contains("region=abc");
		assertThat(page.get("/households?format=xlsx&region=abc").body()).contains("id=\"flash-error\"");

		Http auditor = Http.loggedIn(port, fixtures.user(org.id(), Role.AUDITOR), Fixtures.PASSWORD);
		assertThat(auditor.get("/households").body()).contains("id=\"export-csv\"").contains("为脱敏值");
	}

	@Test
	void theExportAndTheStatusActionsAreInTheOpenApiDocument() {
		JsonNode paths = JSON.readTree(Http.browser(port).get("/v3/api-docs").body()).path("paths");
		JsonNode get = paths.path("/api/v1/households/export").path("get");
		assertThat(get.path("summary").asText()).contains("Export");
		assertThat(get.path("parameters").toString()).contains("\"format\"").contains("\"status\"").contains("\"region\"");
		assertThat(get.path("responses").path("200").path("content").has("text/csv")).isTrue();
		assertThat(paths.has("/api/v1/households/{id}/exit")).isTrue();
		assertThat(paths.has("/api/v1/households/{id}/file")).isTrue();
	}

	@Test
	void aMalformedFilterFailsBeforeAnythingIsWritten() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		assertThatThrownBy(() -> export.export(scope, CASEWORKER,
				new HouseholdQuery("12345", null, null, null, HouseholdStatus.FILED, null, HardshipCause.ILLNESS, null, null, null, null),
				Format.XLSX, out))
			.isInstanceOf(BangfuException.class);
		assertThat(out.size()).isZero();
	}

	private long exports() {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'household.export'").query(Long.class).single();
	}

	static String cell(List<String> row, TemplateColumn column) {
		return row.size() > column.ordinal() ? row.get(column.ordinal()) : "";
	}

	/** Every sheet's rows as the texts a user sees (numbers formatted as the cells say). */
	static List<List<String>> xlsx(byte[] bytes) throws Exception {
		DataFormatter formatter = new DataFormatter();
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			Sheet sheet = wb.getSheetAt(0);
			for (Row r : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < TemplateColumn.COUNT; i++) {
					Cell c = r.getCell(i);
					cells.add(c == null ? "" : formatter.formatCellValue(c));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	static List<CSVRecord> csv(byte[] bytes) throws Exception {
		try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.parse(reader, CSVFormat.DEFAULT)) {
			return parser.getRecords();
		}
	}

}
