package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bangfu.registry.TemplateColumn.ANNUAL_RENT;
import static org.bangfu.registry.TemplateColumn.BANK_ACCOUNT;
import static org.bangfu.registry.TemplateColumn.BANK_NAME;
import static org.bangfu.registry.TemplateColumn.CATEGORIES;
import static org.bangfu.registry.TemplateColumn.DISABILITY_GRADE;
import static org.bangfu.registry.TemplateColumn.EMPLOYER;
import static org.bangfu.registry.TemplateColumn.EMPLOYMENT;
import static org.bangfu.registry.TemplateColumn.HARDSHIP_CAUSES;
import static org.bangfu.registry.TemplateColumn.HEALTH;
import static org.bangfu.registry.TemplateColumn.HOUSEHOLD_REF;
import static org.bangfu.registry.TemplateColumn.HOUSING;
import static org.bangfu.registry.TemplateColumn.ID_NUMBER;
import static org.bangfu.registry.TemplateColumn.MONTHLY_INCOME;
import static org.bangfu.registry.TemplateColumn.NAME;
import static org.bangfu.registry.TemplateColumn.PHONE;
import static org.bangfu.registry.TemplateColumn.REGION_CODE;
import static org.bangfu.registry.TemplateColumn.RELATION;
import static org.bangfu.registry.TemplateColumn.SAVINGS;
import static org.bangfu.registry.TemplateColumn.SCHOOLING;
import static org.bangfu.registry.TemplateColumn.SEX;
import static org.bangfu.registry.TemplateColumn.VEHICLES;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every row rule of the import template, one case each: a file with a good household, a bad one
 * (three members, spoiled in exactly one way) and another good one. Exactly the bad household's
 * rows are rejected, with the expected problem at the expected row and column; the good ones are
 * filed and nothing else changes.
 */
@ImportIntegrationTest
class HouseholdImportRulesIntegrationTests {

	@Autowired
	HouseholdImports imports;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	ImportResults results;

	@BeforeEach
	void setUp() {
		results = new ImportResults(jdbc);
	}

	/** A problem expected on the bad household's member (0 = head), in a column, with a message key. */
	record Expect(int member, TemplateColumn column, String key) {
	}

	static Arguments spoil(String name, Consumer<List<Map<TemplateColumn, String>>> spoil, Expect... expected) {
		return Arguments.of(name, spoil, List.of(expected));
	}

	static Expect at(int member, TemplateColumn column, String key) {
		return new Expect(member, column, key);
	}

	static String badDate() {
		String first17 = "420102" + "19721340" + "123";
		return first17 + IdNumber.checkChar(first17);
	}

	static Stream<Arguments> rules() {
		return Stream.of(
				spoil("户编号 longer than 40", rows -> rows.forEach(r -> r.put(HOUSEHOLD_REF, "B".repeat(41))),
						at(0, HOUSEHOLD_REF, "imports.cell.tooLong"), at(1, HOUSEHOLD_REF, "imports.cell.tooLong"),
						at(2, HOUSEHOLD_REF, "imports.cell.tooLong")),
				spoil("区划代码 missing", rows -> rows.get(0).remove(REGION_CODE), at(0, REGION_CODE, "imports.cell.required")),
				spoil("区划代码 malformed", rows -> rows.get(0).put(REGION_CODE, "4201"),
						at(0, REGION_CODE, "imports.region.malformed")),
				spoil("区划代码 unknown", rows -> rows.get(0).put(REGION_CODE, "990102002"),
						at(0, REGION_CODE, "imports.region.unknown")),
				spoil("区划代码 a county", rows -> rows.get(0).put(REGION_CODE, "420102"),
						at(0, REGION_CODE, "imports.region.tooCoarse")),
				spoil("区划代码 differs on a member row", rows -> rows.get(1).put(REGION_CODE, "420102003"),
						at(1, REGION_CODE, "imports.household.conflict")),
				spoil("姓名 missing", rows -> rows.get(1).remove(NAME), at(1, NAME, "imports.cell.required")),
				spoil("姓名 longer than 50", rows -> rows.get(2).put(NAME, "名".repeat(51)), at(2, NAME, "imports.cell.tooLong")),
				spoil("身份证号 missing", rows -> rows.get(1).remove(ID_NUMBER), at(1, ID_NUMBER, "imports.cell.required")),
				spoil("身份证号 too short", rows -> rows.get(1).put(ID_NUMBER, "42010219720304"),
						at(1, ID_NUMBER, "idNumber.length")),
				spoil("身份证号 with a letter", rows -> rows.get(1).put(ID_NUMBER, "42010219720304123A"),
						at(1, ID_NUMBER, "idNumber.characters")),
				spoil("身份证号 impossible birth date", rows -> rows.get(1).put(ID_NUMBER, badDate()),
						at(1, ID_NUMBER, "idNumber.date")),
				spoil("身份证号 wrong check character", rows -> rows.get(2).put(ID_NUMBER, wrongCheck(rows.get(2).get(ID_NUMBER))),
						at(2, ID_NUMBER, "idNumber.checkDigit")),
				spoil("与户主关系 missing", rows -> rows.get(1).remove(RELATION), at(1, RELATION, "imports.cell.required")),
				spoil("与户主关系 not in the list", rows -> rows.get(1).put(RELATION, "叔叔"),
						at(1, RELATION, "imports.cell.unknownValue")),
				spoil("no 户主", rows -> rows.get(0).put(RELATION, "其他"), at(0, RELATION, "imports.head.none"),
						at(1, RELATION, "imports.head.none"), at(2, RELATION, "imports.head.none")),
				spoil("two 户主", rows -> rows.get(2).put(RELATION, "户主"), at(0, RELATION, "imports.head.many"),
						at(2, RELATION, "imports.head.many")),
				spoil("性别 not 男/女", rows -> rows.get(1).put(SEX, "女性"), at(1, SEX, "imports.cell.unknownValue")),
				spoil("性别 disagrees with the ID number", rows -> rows.get(1).put(SEX, "男"), at(1, SEX, "imports.sex.mismatch")),
				spoil("月收入 negative", rows -> rows.get(0).put(MONTHLY_INCOME, "-5"), at(0, MONTHLY_INCOME, "money.negative")),
				spoil("月收入 three decimals", rows -> rows.get(1).put(MONTHLY_INCOME, "800.125"),
						at(1, MONTHLY_INCOME, "money.decimals")),
				spoil("月收入 not a number", rows -> rows.get(1).put(MONTHLY_INCOME, "八百"), at(1, MONTHLY_INCOME, "money.format")),
				spoil("月收入 too large", rows -> rows.get(1).put(MONTHLY_INCOME, "12345678901"),
						at(1, MONTHLY_INCOME, "imports.amount.tooLarge")),
				spoil("就业状况 not in the list", rows -> rows.get(1).put(EMPLOYMENT, "打工"),
						at(1, EMPLOYMENT, "imports.cell.unknownValue")),
				spoil("工作单位 longer than 100", rows -> rows.get(1).put(EMPLOYER, "厂".repeat(101)),
						at(1, EMPLOYER, "imports.cell.tooLong")),
				spoil("健康状况 not in the list", rows -> rows.get(1).put(HEALTH, "良好"), at(1, HEALTH, "imports.cell.unknownValue")),
				spoil("残疾等级 not in the list", rows -> {
					rows.get(1).put(HEALTH, "残疾");
					rows.get(1).put(DISABILITY_GRADE, "五级");
				}, at(1, DISABILITY_GRADE, "imports.cell.unknownValue")),
				spoil("残疾等级 without 残疾", rows -> rows.get(1).put(DISABILITY_GRADE, "二级"),
						at(1, DISABILITY_GRADE, "imports.grade.onlyDisabled")),
				spoil("在校情况 not in the list", rows -> rows.get(2).put(SCHOOLING, "幼儿园"),
						at(2, SCHOOLING, "imports.cell.unknownValue")),
				spoil("人员类别 with an unknown item", rows -> rows.get(1).put(CATEGORIES, "低保、贫困户"),
						at(1, CATEGORIES, "imports.cell.unknownValue")),
				spoil("致困原因 with an unknown item", rows -> rows.get(0).put(HARDSHIP_CAUSES, "因病；懒惰"),
						at(0, HARDSHIP_CAUSES, "imports.cell.unknownValue")),
				spoil("住房情况 not in the list", rows -> rows.get(0).put(HOUSING, "别墅"), at(0, HOUSING, "imports.cell.unknownValue")),
				spoil("住房情况 differs on a member row", rows -> rows.get(2).put(HOUSING, "自有"),
						at(2, HOUSING, "imports.household.conflict")),
				spoil("年租金 negative", rows -> rows.get(0).put(ANNUAL_RENT, "-1"), at(0, ANNUAL_RENT, "money.negative")),
				spoil("机动车数 not a whole number", rows -> rows.get(0).put(VEHICLES, "1.5"), at(0, VEHICLES, "imports.cell.count")),
				spoil("机动车数 negative", rows -> rows.get(0).put(VEHICLES, "-1"), at(0, VEHICLES, "imports.cell.count")),
				spoil("存款 three decimals", rows -> rows.get(0).put(SAVINGS, "1.234"), at(0, SAVINGS, "money.decimals")),
				spoil("联系电话 ten digits", rows -> rows.get(0).put(PHONE, "1381234567"), at(0, PHONE, "imports.phone.pattern")),
				spoil("联系电话 of a member malformed", rows -> rows.get(1).put(PHONE, "010-123"), at(1, PHONE, "imports.phone.pattern")),
				spoil("开户银行 longer than 100", rows -> rows.get(0).put(BANK_NAME, "行".repeat(101)),
						at(0, BANK_NAME, "imports.cell.tooLong")),
				spoil("银行账号 eleven digits", rows -> rows.get(0).put(BANK_ACCOUNT, "62220212345"),
						at(0, BANK_ACCOUNT, "imports.bankAccount.pattern")),
				spoil("银行账号 differs on a member row", rows -> rows.get(1).put(BANK_ACCOUNT, "622202123456789"),
						at(1, BANK_ACCOUNT, "imports.household.conflict")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rules")
	void exactlyTheSpoiledHouseholdIsRejectedWithItsProblem(String name,
			Consumer<List<Map<TemplateColumn, String>>> spoil, List<Expect> expected) throws IOException {
		OrganisationView org = fixtures.organisation("导入规则");
		TemplateFile file = new TemplateFile();
		file.household("G1", 2);
		List<Map<TemplateColumn, String>> bad = file.household("B", 3);
		file.household("G2", 1);
		spoil.accept(bad);
		long claimsBefore = results.claims();

		ImportView done = importFile(org, file.write(dir, "rules.csv", file.csv()));

		assertThat(done.status()).isEqualTo("DONE");
		assertThat(results.fileNos(org.id())).containsExactly("G1", "G2");
		assertThat(results.activeMembers(org.id())).isEqualTo(3);
		assertThat(results.claims() - claimsBefore).isEqualTo(3);
		assertThat(results.changes(org.id())).isEqualTo(2);
		assertThat(done.householdsFiled()).isEqualTo(2);
		assertThat(done.householdsRejected()).isEqualTo(1);
		assertThat(done.rowsAccepted()).isEqualTo(3);
		assertThat(done.rowsRejected()).isEqualTo(3);

		List<List<String>> found = new ArrayList<>();
		for (ImportIssue i : imports.issues(scope(org), done.id(), 100)) {
			assertThat(i.kind()).isEqualTo(ImportIssue.Kind.ERROR);
			assertThat(i.householdRef()).isEqualTo(bad.get(0).get(HOUSEHOLD_REF));
			found.add(List.of(Long.toString(i.row()), i.column(), i.messageKey()));
		}
		List<List<String>> wanted = expected.stream()
			.map(e -> List.of(Long.toString(file.rowNumber(bad.get(e.member()))), e.column().header(), e.key()))
			.toList();
		assertThat(found).containsExactlyInAnyOrderElementsOf(wanted);

		List<List<String>> report = ImportResults.report(Path.of(ImportResults.reportPath(jdbc, done.id())));
		assertThat(ImportResults.rejectedRows(report)).containsExactly(4L, 5L, 6L);
	}

	static String wrongCheck(String id) {
		char c = id.charAt(17) == '1' ? '2' : '1';
		return id.substring(0, 17) + c;
	}

	private ImportView importFile(OrganisationView org, Path file) throws IOException {
		return imports.importLocal(org.code(), file, OnExisting.SKIP, Locale.SIMPLIFIED_CHINESE, (a, b, c, d, e) -> {
		});
	}

	private Scope scope(OrganisationView org) {
		return new Scope(org.id(), org.path());
	}

}
