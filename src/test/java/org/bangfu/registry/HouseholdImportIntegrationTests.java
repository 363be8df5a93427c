package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bangfu.registry.TemplateColumn.HOUSEHOLD_REF;
import static org.bangfu.registry.TemplateColumn.ID_NUMBER;
import static org.bangfu.registry.TemplateColumn.MONTHLY_INCOME;
import static org.bangfu.registry.TemplateColumn.NAME;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.importing.SpreadsheetBombs;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Importing files end to end on PostgreSQL: what gets filed and how it looks in the register,
 * files that cannot be imported at all (nothing changes), encodings and workbook kinds, and the
 * rows the template rules cannot see alone (repeated people, people already on the register).
 */
@ImportIntegrationTest
class HouseholdImportIntegrationTests {

	@Autowired
	HouseholdImports imports;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	ImportResults results;

	OrganisationView org;

	@BeforeEach
	void setUp() {
		results = new ImportResults(jdbc);
		org = fixtures.organisation("导入测试");
	}

	@Test
	void aValidFileFilesEveryHouseholdWithItsMembersHistoryAndAudit() throws IOException {
		TemplateFile file = new TemplateFile();
		List<Map<TemplateColumn, String>> rows = file.household("H-001", 3);
		rows.get(0).put(TemplateColumn.HARDSHIP_CAUSES, "失业，因学|因病;单亲、缺劳动力");
		rows.get(1).put(TemplateColumn.CATEGORIES, "低保；低保边缘");
		rows.get(2).put(ID_NUMBER, rows.get(2).get(ID_NUMBER).replace('X', 'x'));
		file.household("H-002", 1).get(0).put(TemplateColumn.EMPLOYMENT, "退休");

		ImportView done = importFile(file.write(dir, "ok.csv", file.csv()), OnExisting.SKIP);

		assertThat(done.status()).isEqualTo("DONE");
		assertThat(done.rowsTotal()).isEqualTo(4);
		assertThat(done.rowsRead()).isEqualTo(4);
		assertThat(done.rowsAccepted()).isEqualTo(4);
		assertThat(done.householdsFiled()).isEqualTo(2);
		assertThat(done.hasReport()).isFalse();
		HouseholdView h = registry.find(scope(), id("H-001")).orElseThrow();
		assertThat(h.regionCode()).isEqualTo("420102002000");
		assertThat(h.members()).hasSize(3);
		assertThat(h.head().orElseThrow().name()).isEqualTo("张测试甲");
		assertThat(h.mainCause()).isEqualTo(HardshipCause.UNEMPLOYMENT);
		assertThat(h.secondaryCauses()).containsExactly(HardshipCause.SCHOOLING, HardshipCause.ILLNESS,
				HardshipCause.SINGLE_PARENT);
		assertThat(h.housingType()).isEqualTo(HousingType.RENTED);
		assertThat(h.annualRent()).isEqualByComparingTo("9600");
		assertThat(h.savings()).isEqualByComparingTo("1200");
		assertThat(h.bankAccountMasked()).isEqualTo("***************0123");
		assertThat(h.phone()).isEqualTo("13812345678");
		MemberView head = h.head().orElseThrow();
		assertThat(head.wage()).isEqualByComparingTo("1200.50");
		assertThat(head.employment()).isEqualTo(Employment.LAID_OFF);
		assertThat(head.categories()).containsExactly(Category.HARDSHIP_WORKER);
		assertThat(head.idNumberMasked()).isEqualTo(IdNumber.mask(rows.get(0).get(ID_NUMBER)));
		assertThat(h.members()).filteredOn(m -> m.relation() == Relation.SPOUSE).singleElement()
			.satisfies(m -> assertThat(m.categories()).containsExactly(Category.DIBAO, Category.NEAR_DIBAO));
		MemberView retired = registry.find(scope(), id("H-002")).orElseThrow().head().orElseThrow();
		assertThat(retired.pension()).isEqualByComparingTo("1200.50");
		assertThat(retired.wage()).isEqualByComparingTo("0");
		assertThat(registry.history(scope(), h.id())).singleElement()
			.satisfies(c -> assertThat(c.kind()).isEqualTo("import.file"));
		for (String ref : List.of("H-001", "H-002")) { // the first history entry is the file exactly as filed
			HouseholdView now = registry.find(scope(), id(ref)).orElseThrow();
			assertThat(registry.history(scope(), now.id()).get(0).after()).usingRecursiveComparison().isEqualTo(now);
		}
		assertThat(registry.search(scope(), new HouseholdQuery(rows.get(2).get(ID_NUMBER).toUpperCase(), null, null, null,
				null, null, null, null, null, null, null)).total()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'household.import' AND object_id = ?")
			.param(Long.toString(done.id())).query(Long.class).single()).isEqualTo(1);
		List<ImportIssue> issues = imports.issues(scope(), done.id(), 10);
		assertThat(issues).singleElement().satisfies(i -> {
			assertThat(i.kind()).isEqualTo(ImportIssue.Kind.WARNING);
			assertThat(i.messageKey()).isEqualTo("imports.causes.truncated");
		});
	}

	@Test
	void gbkCsvUtf8WithoutBomAndPoiWorkbooksImportTheSameHouseholds() throws IOException {
		TemplateFile file = new TemplateFile();
		file.household("GBK-1", 2);
		assertThat(importFile(file.write(dir, "gbk.csv", file.gbk()), OnExisting.SKIP).householdsFiled()).isEqualTo(1);
		TemplateFile plain = new TemplateFile();
		plain.household("UTF-1", 2);
		assertThat(importFile(plain.write(dir, "plain.csv", plain.csv(java.nio.charset.StandardCharsets.UTF_8, false)),
				OnExisting.SKIP).householdsFiled()).isEqualTo(1);
		TemplateFile workbook = new TemplateFile();
		workbook.household("XLSX-1", 3);
		assertThat(importFile(workbook.write(dir, "book.xlsx", workbook.xlsx()), OnExisting.SKIP).householdsFiled())
			.isEqualTo(1);
		assertThat(results.fileNos(org.id())).containsExactly("GBK-1", "UTF-1", "XLSX-1");
		assertThat(registry.find(scope(), id("GBK-1")).orElseThrow().headName()).isEqualTo("张测试甲");
		assertThat(registry.find(scope(), id("XLSX-1")).orElseThrow().head().orElseThrow().wage())
			.isEqualByComparingTo(new BigDecimal("1200.50"));
	}

	@Test
	void headersByAliasInAnyOrderWithUnknownColumnsImportAndWarn() throws IOException {
		TemplateFile file = TemplateFile.withHeaders("备注", "name", "ID_Number", "与户主关系", "household_ref",
				" region_code ", "性别");
		file.household("ALIAS-1", 2);
		file.extra(0, "第一户");
		ImportView done = importFile(file.write(dir, "alias.csv", file.csv()), OnExisting.SKIP);
		assertThat(done.householdsFiled()).isEqualTo(1);
		assertThat(done.warnings()).isEqualTo(1);
		assertThat(imports.issues(scope(), done.id(), 10)).singleElement().satisfies(i -> {
			assertThat(i.kind()).isEqualTo(ImportIssue.Kind.WARNING);
			assertThat(i.messageKey()).isEqualTo("imports.header.unknown");
			assertThat(i.args()).containsExactly("A", "备注");
		});
	}

	@Test
	void rowsOfAHouseholdNeedNotBeTogether() throws IOException {
		TemplateFile file = new TemplateFile();
		List<Map<TemplateColumn, String>> a = file.household("SPLIT-A", 2);
		file.household("SPLIT-B", 1);
		Map<TemplateColumn, String> late = file.row(a.get(1));
		late.put(ID_NUMBER, Households.idNumber(java.time.LocalDate.of(2010, 5, 6), false));
		late.put(NAME, "张测试晚");
		late.put(TemplateColumn.RELATION, "女");
		late.put(TemplateColumn.SEX, "女");
		ImportView done = importFile(file.write(dir, "split.csv", file.csv()), OnExisting.SKIP);
		assertThat(done.householdsFiled()).isEqualTo(2);
		assertThat(registry.find(scope(), id("SPLIT-A")).orElseThrow().members()).extracting(MemberView::name)
			.containsExactlyInAnyOrder("张测试甲", "李测试乙", "张测试晚");
	}

	@Test
	void aPersonTwiceInTheFileIsRejectedWhereTheyAppearAgainNamingTheFirstRow() throws IOException {
		TemplateFile file = new TemplateFile();
		List<Map<TemplateColumn, String>> first = file.household("DUP-1", 2);
		List<Map<TemplateColumn, String>> second = file.household("DUP-2", 2);
		second.get(1).put(ID_NUMBER, first.get(0).get(ID_NUMBER));
		second.get(1).put(TemplateColumn.SEX, "男");
		ImportView done = importFile(file.write(dir, "dup.csv", file.csv()), OnExisting.SKIP);
		assertThat(results.fileNos(org.id())).containsExactly("DUP-1");
		assertThat(imports.issues(scope(), done.id(), 10)).singleElement().satisfies(i -> {
			assertThat(i.row()).isEqualTo(5);
			assertThat(i.messageKey()).isEqualTo("imports.idNumber.twiceInFile");
			assertThat(i.args()).containsExactly(IdNumber.mask(first.get(0).get(ID_NUMBER)), "2");
		});
	}

	@Test
	void aPersonAlreadyInAnotherActiveHouseholdIsRejectedNamingBothPlaces() throws IOException {
		OrganisationView other = fixtures.organisation("另一工会");
		String id = Households.idNumber(java.time.LocalDate.of(1960, 2, 2), true);
		HouseholdView existing = registry.file(new Scope(other.id(), other.path()),
				new FileHousehold(null, Households.household("OLD-7"), Households.person("王老五", id, Relation.HEAD, "0")));
		TemplateFile file = new TemplateFile();
		file.household("NEW-1", 1);
		List<Map<TemplateColumn, String>> rows = file.household("NEW-2", 2);
		rows.get(1).put(ID_NUMBER, id);
		rows.get(1).put(TemplateColumn.SEX, "男");
		long claims = results.claims();
		ImportView done = importFile(file.write(dir, "claimed.csv", file.csv()), OnExisting.SKIP);
		assertThat(results.fileNos(org.id())).containsExactly("NEW-1");
		assertThat(results.claims() - claims).isEqualTo(1);
		assertThat(imports.issues(scope(), done.id(), 10)).singleElement().satisfies(i -> {
			assertThat(i.row()).isEqualTo(4);
			assertThat(i.column()).isEqualTo("身份证号");
			assertThat(i.messageKey()).isEqualTo("imports.idNumber.inOtherHousehold");
			assertThat(i.args()).containsExactly(IdNumber.mask(id), other.name(), existing.fileNo());
		});
		List<List<String>> report = ImportResults.report(Path.of(ImportResults.reportPath(jdbc, done.id())));
		assertThat(ImportResults.rejectedRows(report)).containsExactly(3L, 4L);
		assertThat(report.get(1).get(report.get(0).size() - 1))
			.isEqualTo("第 3 行：本行没有问题，但同户（户编号 NEW-2）第 4 行有错误，整户未导入。");
		assertThat(report.get(2).get(report.get(0).size() - 1)).isEqualTo("第 4 行：身份证号：身份证号 " + IdNumber.mask(id)
				+ " 的人员已在其他有效家庭档案中：" + other.name() + " 户编号 OLD-7。一人只能属于一个有效家庭。");
	}

	@Test
	void theErrorReportHasTheOriginalColumnsInTheirOrderTheOriginalValuesAndAnErrorColumn() throws IOException {
		TemplateFile file = TemplateFile.withHeaders("姓名", "household_ref", "备注", "身份证号", "与户主关系", "区划代码", "月收入");
		file.household("OK", 1);
		List<Map<TemplateColumn, String>> bad = file.household("BAD", 2);
		bad.get(1).put(MONTHLY_INCOME, "12.345");
		bad.get(1).put(ID_NUMBER, "42010219720304123A");
		file.extra(1, "备注一");
		ImportView done = importFile(file.write(dir, "report.xlsx", file.xlsx()), OnExisting.SKIP);
		List<List<String>> report = ImportResults.report(Path.of(ImportResults.reportPath(jdbc, done.id())));
		assertThat(report.get(0)).containsExactly("姓名", "household_ref", "备注", "身份证号", "与户主关系", "区划代码", "月收入",
				"错误说明");
		assertThat(report).hasSize(3);
		assertThat(report.get(1).subList(0, 7)).containsExactly("张测试甲", "BAD", "备注一", bad.get(0).get(ID_NUMBER), "户主",
				"420102002", "1200.5");
		assertThat(report.get(1).get(7)).startsWith("第 3 行：").contains("第 4 行有错误");
		assertThat(report.get(2).subList(0, 7)).containsExactly("李测试乙", "BAD", "", "42010219720304123A", "配偶", "",
				"12.345");
		assertThat(report.get(2).get(7)).isEqualTo(
				"第 4 行：身份证号：身份证号只能是 17 位数字加 1 位数字或 X：“420102********123A”；月收入：金额最多两位小数：“12.345”");
	}

	@Test
	void theErrorReportSpeaksTheLanguageOfWhoImported() throws IOException {
		TemplateFile file = new TemplateFile();
		file.household("EN", 1).get(0).put(TemplateColumn.SEX, "女");
		ImportView done = imports.importLocal(org.code(), file.write(dir, "en.csv", file.csv()), OnExisting.SKIP,
				Locale.ENGLISH, (a, b, c, d, e) -> {
				});
		List<List<String>> report = ImportResults.report(Path.of(ImportResults.reportPath(jdbc, done.id())));
		assertThat(report.get(0).get(report.get(0).size() - 1)).isEqualTo("Errors");
		assertThat(report.get(1).get(report.get(0).size() - 1))
			.isEqualTo("Row 2: 性别: Sex \"女\" does not match the ID number (which says 男).");
	}

	@Test
	void formulaCellsAreRefusedWithARowError() throws IOException {
		TemplateFile file = new TemplateFile();
		file.household("F-OK", 1);
		file.household("F-BAD", 2).get(1).put(MONTHLY_INCOME, "=300+500");
		ImportView done = importFile(file.write(dir, "formula.xlsx", file.xlsx()), OnExisting.SKIP);
		assertThat(results.fileNos(org.id())).containsExactly("F-OK");
		assertThat(imports.issues(scope(), done.id(), 10)).singleElement().satisfies(i -> {
			assertThat(i.row()).isEqualTo(4);
			assertThat(i.column()).isEqualTo("月收入");
			assertThat(i.messageKey()).isEqualTo("imports.cell.formula");
		});
	}

	@Test
	void aRowWithoutHouseholdRefIsRejectedOnItsOwn() throws IOException {
		TemplateFile file = new TemplateFile();
		file.household("R-1", 1);
		file.household("", 1);
		ImportView done = importFile(file.write(dir, "noref.csv", file.csv()), OnExisting.SKIP);
		assertThat(results.fileNos(org.id())).containsExactly("R-1");
		assertThat(done.rowsRejected()).isEqualTo(1);
		assertThat(imports.issues(scope(), done.id(), 10)).extracting(ImportIssue::row, ImportIssue::messageKey)
			.containsExactly(tuple(3L, "imports.cell.required"));
	}

	@Test
	void aHouseholdWithMoreRowsThanTheMemberLimitIsRejectedWhole() throws IOException {
		TemplateFile file = new TemplateFile();
		file.household("BIG", 31);
		file.household("SMALL", 1);
		ImportView done = importFile(file.write(dir, "big.csv", file.csv()), OnExisting.SKIP);
		assertThat(results.fileNos(org.id())).containsExactly("SMALL");
		assertThat(done.rowsRejected()).isEqualTo(31);
		assertThat(done.householdsRejected()).isEqualTo(1);
		assertThat(ImportResults.rejectedRows(ImportResults.report(Path.of(ImportResults.reportPath(jdbc, done.id())))))
			.hasSize(31);
	}

	@Test
	void filesThatCannotBeImportedChangeNothingAndSayWhy() throws IOException {
		TemplateFile good = new TemplateFile();
		good.household("X", 1);
		byte[] csv = good.csv();
		assertRefused("empty.csv", new byte[0], "imports.file.empty");
		assertRefused("blank.csv", "\r\n\r\n".getBytes(), "imports.file.empty");
		assertRefused("header.csv", (String.join(",", TemplateColumn.headers()) + "\r\n").getBytes(),
				"imports.header.only");
		assertRefused("dup.csv", TemplateFile.withHeaders("户编号", "区划代码", "姓名", "身份证号", "与户主关系", "户编号").csv(),
				"imports.header.duplicate");
		assertRefused("missing.csv", TemplateFile.withHeaders("户编号", "姓名").csv(), "imports.header.missing");
		assertRefused("fake.xlsx", csv, "imports.file.notWorkbook");
		assertRefused("bomb.xlsx", Files.readAllBytes(
				SpreadsheetBombs.bomb(dir.resolve("b.xlsx"), 120)), "imports.file.zipBomb");
		byte[] big = new byte[(int) ImportIntegrationTest.MAX_FILE_SIZE + 1];
		java.util.Arrays.fill(big, (byte) 'a');
		assertRefused("big.csv", big, "imports.file.tooLarge");
		assertThat(results.fileNos(org.id())).isEmpty();
		assertThat(imports.recent(scope(), 20)).hasSize(8).allSatisfy(i -> {
			assertThat(i.status()).isEqualTo("FAILED");
			assertThat(i.householdsFiled()).isZero();
		});
	}

	private void assertRefused(String name, byte[] content, String key) throws IOException {
		Path file = dir.resolve(name);
		Files.write(file, content);
		assertThatThrownBy(() -> importFile(file, OnExisting.SKIP)).isInstanceOfSatisfying(BangfuException.class, ex -> {
			assertThat(ex.messageKey()).as(name).isEqualTo(key);
			assertThat(ex.problem()).isIn(Problem.BAD_INPUT, Problem.TOO_LARGE);
		});
	}

	private ImportView importFile(Path file, OnExisting mode) throws IOException {
		return imports.importLocal(org.code(), file, mode, Locale.SIMPLIFIED_CHINESE, (a, b, c, d, e) -> {
		});
	}

	private long id(String fileNo) {
		return jdbc.sql("SELECT id FROM registry_household WHERE organisation_id = ? AND file_no = ?")
			.params(org.id(), fileNo)
			.query(Long.class)
			.single();
	}

	private Scope scope() {
		return new Scope(org.id(), org.path());
	}

}
