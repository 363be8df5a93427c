package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdExport.Format;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The template's columns for monthly income (收入月份 and 当月… per kind), one sudden cost and the
 * assets of a household: a cadre's GBK CSV and an Excel workbook whose dates are real date cells
 * import them exactly; bad cells reject the whole household with Chinese messages; the export
 * carries them and imports back unchanged; a changed figure replaces the recorded one and is a
 * history entry of the household.
 */
@ImportIntegrationTest
class HouseholdCostsAndAssetsImportIntegrationTests {

	@Autowired
	HouseholdImports imports;

	@Autowired
	HouseholdExport export;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	@Autowired
	org.bangfu.identification.Decisions decisions;

	@TempDir
	Path dir;

	OrganisationView org;

	final LocalDate today = LocalDate.now(BusinessClock.zone());

	final YearMonth lastMonth = YearMonth.from(today).minusMonths(1);

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("突发资产导入");
	}

	TemplateFile withRecords(String ref) {
		TemplateFile file = new TemplateFile();
		List<Map<TemplateColumn, String>> rows = file.household(ref, 3);
		Map<TemplateColumn, String> head = rows.get(0);
		head.put(TemplateColumn.INCOME_MONTH, lastMonth.toString());
		head.put(TemplateColumn.MONTH_FARMING, "3100.50");
		rows.get(1).put(TemplateColumn.MONTH_PENSION, "1200");
		head.put(TemplateColumn.SUDDEN_COST_KIND, "意外事故");
		head.put(TemplateColumn.SUDDEN_COST_DATE, today.minusDays(10).toString());
		head.put(TemplateColumn.SUDDEN_COST_AMOUNT, "30000");
		head.put(TemplateColumn.SUDDEN_COST_COVERED, "12000.33");
		head.put(TemplateColumn.ASSETS_AS_OF, today.minusDays(100).toString());
		head.put(TemplateColumn.VEHICLE_KIND, "摩托车");
		head.put(TemplateColumn.VEHICLE_VALUE, "4500");
		head.put(TemplateColumn.EXTRA_HOMES, "2");
		head.put(TemplateColumn.LUXURY_PURCHASE, "9999");
		return file;
	}

	@Test
	void aGbkCsvAndAWorkbookWithExcelDatesBringInMonthlyIncomeASuddenCostAndAssets() throws IOException {
		TemplateFile csv = withRecords("R-GBK");
		assertThat(importFile(csv.write(dir, "gbk.csv", csv.gbk()), OnExisting.SKIP).rowsRejected()).isZero();
		TemplateFile book = withRecords("R-XLSX");
		assertThat(importFile(Files.write(dir.resolve("dates.xlsx"), withDateCells(book)), OnExisting.SKIP).rowsRejected()).isZero();
		for (String ref : List.of("R-GBK", "R-XLSX")) {
			long id = id(ref);
			assertThat(jdbc.sql("""
					SELECT kind || ' ' || period_start || ' ' || amount || ' ' || source FROM registry_income_item
					WHERE household_id = ? AND retired_at IS NULL AND NOT mirrored ORDER BY kind""").param(id).query(String.class).list())
				.as(ref)
				.containsExactly("FARMING " + lastMonth.atDay(1) + " 3100.50 IMPORT", "PENSION " + lastMonth.atDay(1) + " 1200.00 IMPORT");
			assertThat(jdbc.sql("SELECT kind || ' ' || occurred_on || ' ' || amount || ' ' || covered FROM registry_sudden_cost "
					+ "WHERE household_id = ?").param(id).query(String.class).single())
				.isEqualTo("ACCIDENT " + today.minusDays(10) + " 30000.00 12000.33");
			assertThat(jdbc.sql("""
					SELECT kind || ' ' || coalesce(vehicle_kind, '-') || ' ' || coalesce(CAST(value AS text), '-') || ' ' || as_of
					FROM registry_asset WHERE household_id = ? ORDER BY kind, id""").param(id).query(String.class).list())
				.containsExactly("EXTRA_HOME - - " + today.minusDays(100), "EXTRA_HOME - - " + today.minusDays(100),
						"LUXURY_PURCHASE - 9999.00 " + today.minusDays(100), "VEHICLE MOTORCYCLE 4500.00 " + today.minusDays(100));
		}
	}

	@Test
	void badCellsRejectTheWholeHouseholdWithMessagesInChinese() throws IOException {
		TemplateFile file = withRecords("R-BAD");
		Map<TemplateColumn, String> head = file.rows().get(0);
		head.put(TemplateColumn.INCOME_MONTH, YearMonth.from(today).plusMonths(1).toString());
		head.put(TemplateColumn.SUDDEN_COST_AMOUNT, "");
		head.put(TemplateColumn.VEHICLE_VALUE, "");
		head.put(TemplateColumn.ASSETS_AS_OF, "2025-02-30");
		file.rows().get(1).put(TemplateColumn.MONTH_PENSION, "-5");
		ImportView done = importFile(file.write(dir, "bad.csv", file.gbk()), OnExisting.SKIP);
		assertThat(done.householdsFiled()).isZero();
		assertThat(done.rowsRejected()).isEqualTo(3);
		List<ImportIssue> issues = imports.issues(scope(), done.id(), 50);
		assertThat(issues).extracting(ImportIssue::messageKey).contains("imports.economics.month",
				"imports.economics.suddenCost.incomplete", "imports.economics.vehicleKind.onlyWithValue", "imports.economics.date",
				"money.negative");
		ImportIssue month = issues.stream().filter(i -> i.messageKey().equals("imports.economics.month")).findFirst().orElseThrow();
		assertThat(messages.getMessage(month.messageKey(), month.args().toArray(), Locale.SIMPLIFIED_CHINESE))
			.startsWith("收入月份“" + YearMonth.from(today).plusMonths(1) + "”不是有效的月份");
		ImportIssue incomplete = issues.stream().filter(i -> i.messageKey().equals("imports.economics.suddenCost.incomplete"))
			.findFirst().orElseThrow();
		assertThat(messages.getMessage(incomplete.messageKey(), incomplete.args().toArray(), Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("填写突发支出时，突发支出类别、日期和金额都要填写：缺少突发支出金额。");
		// covered more than the cost, and a month of a year given whole in the same file
		TemplateFile more = withRecords("R-BAD2");
		more.rows().get(0).put(TemplateColumn.SUDDEN_COST_COVERED, "30000.01");
		more.rows().get(0).put(TemplateColumn.INCOME_YEAR, Integer.toString(lastMonth.getYear()));
		more.rows().get(0).put(TemplateColumn.ANNUAL_FARMING, "25000");
		ImportView again = importFile(more.write(dir, "bad2.csv", more.gbk()), OnExisting.SKIP);
		assertThat(imports.issues(scope(), again.id(), 50)).extracting(ImportIssue::messageKey)
			.contains("imports.economics.covered.tooMuch", "imports.economics.monthAndYear");
		assertThat(jdbc.sql("SELECT count(*) FROM registry_household WHERE organisation_id = ?").param(org.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void theExportCarriesTheFiguresBackUnchangedAndAChangedFigureIsAHistoryEntry() throws IOException, InterruptedException {
		TemplateFile file = withRecords("R-TRIP");
		importFile(file.write(dir, "trip.csv", file.gbk()), OnExisting.SKIP);
		long id = id("R-TRIP");
		String counts = "SELECT (SELECT count(*) FROM registry_income_item) || '/' || (SELECT count(*) FROM registry_sudden_cost) "
				+ "|| '/' || (SELECT count(*) FROM registry_asset) || '/' || (SELECT count(*) FROM registry_change WHERE household_id = "
				+ id + ")";
		String before = jdbc.sql(counts).query(String.class).single();
		for (Format format : Format.values()) {
			Path exported = dir.resolve("export." + format.name().toLowerCase(Locale.ROOT));
			try (OutputStream out = Files.newOutputStream(exported)) {
				export.export(scope(), EnumSet.of(Role.ADMIN), HouseholdQuery.all(), format, out);
			}
			if (format == Format.CSV) {
				assertThat(Files.readString(exported)).contains("收入月份", "突发支出类别", "意外事故", "30000.00", "12000.33", "摩托车",
						"4500.00", "9999.00", lastMonth.toString(), "3100.50");
			}
			ImportView again = importFile(exported, OnExisting.UPDATE);
			assertThat(again.rowsRejected()).as(format + " rejected").isZero();
			assertThat(again.householdsUnchanged()).as(format + " unchanged").isEqualTo(1);
			assertThat(jdbc.sql(counts).query(String.class).single()).as(format.name()).isEqualTo(before);
		}
		int version = jdbc.sql("SELECT version FROM registry_household WHERE id = ?").param(id).query(Integer.class).single();
		long decision = decisions.record(scope(), id, "union-classes", null, Locale.SIMPLIFIED_CHINESE).id();
		file.rows().get(0).put(TemplateColumn.SUDDEN_COST_COVERED, "20000");
		file.rows().get(0).put(TemplateColumn.VEHICLE_VALUE, "0");
		file.rows().get(0).put(TemplateColumn.MONTH_FARMING, "3200");
		ImportView changed = importFile(file.write(dir, "trip2.csv", file.gbk()), OnExisting.UPDATE);
		assertThat(changed.householdsUpdated()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT covered FROM registry_sudden_cost WHERE household_id = ? AND retired_at IS NULL")
			.param(id).query(String.class).single()).isEqualTo("20000.00");
		assertThat(jdbc.sql("SELECT count(*) FROM registry_asset WHERE household_id = ? AND kind = 'VEHICLE' AND retired_at IS NULL")
			.param(id).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM registry_asset WHERE household_id = ? AND kind = 'VEHICLE' AND retired_at IS NOT NULL")
			.param(id).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT amount FROM registry_income_item WHERE household_id = ? AND kind = 'FARMING' AND retired_at IS NULL")
			.param(id).query(String.class).single()).isEqualTo("3200.00");
		// only the economics changed: the household has a new version and one history entry, at the import's time
		assertThat(jdbc.sql("SELECT version FROM registry_household WHERE id = ?").param(id).query(Integer.class).single())
			.isEqualTo(version + 1);
		assertThat(jdbc.sql("""
				SELECT c.kind FROM registry_change c WHERE c.household_id = ? ORDER BY c.changed_at DESC, c.id DESC LIMIT 1""")
			.param(id).query(String.class).single()).isEqualTo("import.economics");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM registry_change c JOIN registry_sudden_cost s ON s.household_id = c.household_id
				WHERE c.household_id = ? AND c.kind = 'import.economics' AND s.recorded_at = c.changed_at""")
			.param(id).query(Long.class).single()).isEqualTo(1);
		// and its decision is stale, as after any change of its file
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (!stale(decision) && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(stale(decision)).as("decision marked stale").isTrue();
	}

	private boolean stale(long decision) {
		return jdbc.sql("SELECT stale FROM identification_decision WHERE id = ?").param(decision).query(Boolean.class).single();
	}

	@Test
	void aMonthOfAYearRecordedWholeIsRejectedNamingTheYear() throws IOException {
		TemplateFile file = withRecords("R-YEAR");
		Map<TemplateColumn, String> head = file.rows().get(0);
		head.put(TemplateColumn.MONTH_FARMING, "");
		head.put(TemplateColumn.INCOME_YEAR, Integer.toString(lastMonth.getYear()));
		head.put(TemplateColumn.ANNUAL_FARMING, "25000");
		importFile(file.write(dir, "year.csv", file.gbk()), OnExisting.SKIP);
		// the same people again: farming income of last month, its year recorded whole (the yearly cell left empty)
		head.put(TemplateColumn.INCOME_YEAR, "");
		head.put(TemplateColumn.ANNUAL_FARMING, "");
		head.put(TemplateColumn.MONTH_FARMING, "3100.50");
		ImportView done = importFile(file.write(dir, "month.csv", file.gbk()), OnExisting.UPDATE);
		assertThat(done.householdsUpdated()).isZero();
		assertThat(done.householdsRejected()).isEqualTo(1);
		ImportIssue issue = imports.issues(scope(), done.id(), 20).stream()
			.filter(i -> i.messageKey().equals("imports.economics.yearRecorded")).findFirst().orElseThrow();
		assertThat(issue.args()).contains("当月农业经营收入", lastMonth.toString(), Integer.toString(lastMonth.getYear()));
		assertThat(issue.row()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT count(*) FROM registry_income_item WHERE household_id = ? AND kind = 'FARMING' AND period = 'MONTH'")
			.param(id("R-YEAR")).query(Long.class).single()).isZero();
	}

	/** The file as a workbook in which the dates and the month are Excel date cells, as a cadre types them. */
	private static byte[] withDateCells(TemplateFile file) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("家庭");
			CellStyle date = wb.createCellStyle();
			date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
			List<String[]> lines = file.lines();
			String[] header = lines.get(0);
			for (int r = 0; r < lines.size(); r++) {
				Row row = sheet.createRow(r);
				for (int i = 0; i < lines.get(r).length; i++) {
					String v = lines.get(r)[i];
					if (v == null || v.isEmpty()) {
						continue;
					}
					TemplateColumn c = TemplateColumn.forHeader(header[i]).orElseThrow();
					if (r > 0 && (c == TemplateColumn.SUDDEN_COST_DATE || c == TemplateColumn.ASSETS_AS_OF)) {
						row.createCell(i).setCellValue(LocalDate.parse(v));
						row.getCell(i).setCellStyle(date);
					}
					else if (r > 0 && c == TemplateColumn.INCOME_MONTH) {
						row.createCell(i).setCellValue(YearMonth.parse(v).atDay(1));
						row.getCell(i).setCellStyle(date);
					}
					else {
						row.createCell(i).setCellValue(v);
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

	private ImportView importFile(Path file, OnExisting mode) throws IOException {
		return imports.importLocal(org.code(), file, mode, Locale.SIMPLIFIED_CHINESE, (a, b, c, d, e) -> {
		});
	}

	private Scope scope() {
		return new Scope(org.id(), org.path());
	}

	private long id(String fileNo) {
		return jdbc.sql("SELECT id FROM registry_household WHERE organisation_id = ? AND file_no = ?").params(org.id(), fileNo)
			.query(Long.class).single();
	}

}
