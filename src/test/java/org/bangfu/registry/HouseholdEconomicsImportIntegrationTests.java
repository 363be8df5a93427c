package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The template's optional economics columns (yearly income per kind for 收入年度, essential
 * spending per kind for 支出年度) import from GBK CSV and POI workbooks, are checked like every
 * cell, export again and round-trip unchanged; files with only the old columns import as before.
 */
@ImportIntegrationTest
class HouseholdEconomicsImportIntegrationTests {

	@Autowired
	HouseholdImports imports;

	@Autowired
	HouseholdExport export;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	OrganisationView org;

	final int lastYear = LocalDate.now(BusinessClock.zone()).getYear() - 1;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("经济导入");
	}

	TemplateFile withEconomics(String ref) {
		TemplateFile file = new TemplateFile();
		List<Map<TemplateColumn, String>> rows = file.household(ref, 3);
		rows.get(0).put(TemplateColumn.INCOME_YEAR, Integer.toString(lastYear));
		rows.get(0).put(TemplateColumn.ANNUAL_FARMING, "25000");
		rows.get(1).put(TemplateColumn.ANNUAL_OTHER_INCOME, "1339.98");
		rows.get(0).put(TemplateColumn.MEDICAL_SPENDING, "8600.40");
		rows.get(0).put(TemplateColumn.SCHOOLING_SPENDING, "3000");
		return file;
	}

	@Test
	void yearlyIncomeAndSpendingImportFromGbkCsvAndPoiWorkbooksExactlyAsEntered() throws IOException {
		TemplateFile csv = withEconomics("E-GBK");
		ImportView a = importFile(csv.write(dir, "gbk.csv", csv.gbk()), OnExisting.SKIP);
		assertThat(a.rowsRejected()).isZero();
		TemplateFile xlsx = withEconomics("E-XLSX");
		ImportView b = importFile(xlsx.write(dir, "book.xlsx", xlsx.xlsx()), OnExisting.SKIP);
		assertThat(b.rowsRejected()).isZero();
		for (String ref : List.of("E-GBK", "E-XLSX")) {
			long id = id(ref);
			assertThat(jdbc.sql("""
					SELECT kind || ' ' || period || ' ' || period_start || ' ' || amount || ' ' || source FROM registry_income_item
					WHERE household_id = ? AND retired_at IS NULL AND period = 'YEAR' ORDER BY kind""").param(id).query(String.class).list())
				.containsExactly("FARMING YEAR " + lastYear + "-01-01 25000.00 IMPORT", "OTHER YEAR " + lastYear + "-01-01 1339.98 IMPORT");
			assertThat(jdbc.sql("SELECT kind || ' ' || year || ' ' || amount FROM registry_spending WHERE household_id = ? ORDER BY kind")
				.param(id).query(String.class).list())
				.containsExactly("MEDICAL " + lastYear + " 8600.40", "SCHOOLING " + lastYear + " 3000.00");
			// the member's 月收入 is still the current monthly figure, mirrored as this month's items
			assertThat(jdbc.sql("SELECT count(*) FROM registry_income_item WHERE household_id = ? AND period = 'MONTH'")
				.param(id).query(Long.class).single()).isEqualTo(2);
		}
	}

	@Test
	void aBadYearOrAmountRejectsTheWholeHouseholdAndWritesNothing() throws IOException {
		TemplateFile file = withEconomics("E-BAD");
		file.rows().get(0).put(TemplateColumn.INCOME_YEAR, "2199");
		file.rows().get(1).put(TemplateColumn.ANNUAL_OTHER_INCOME, "12.345");
		ImportView done = importFile(file.write(dir, "bad.csv", file.gbk()), OnExisting.SKIP);
		assertThat(done.householdsFiled()).isZero();
		assertThat(done.rowsRejected()).isEqualTo(3);
		assertThat(imports.issues(scope(), done.id(), 20)).extracting(ImportIssue::messageKey)
			.contains("imports.economics.year", "money.decimals");
		assertThat(imports.issues(scope(), done.id(), 20)).filteredOn(i -> i.messageKey().equals("imports.economics.year"))
			.singleElement().satisfies(i -> assertThat(i.args()).contains("收入年度", "2199"));
		assertThat(jdbc.sql("SELECT count(*) FROM registry_household WHERE organisation_id = ?").param(org.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void theExportCarriesTheFiguresAndImportsBackUnchanged() throws IOException {
		TemplateFile file = withEconomics("E-TRIP");
		importFile(file.write(dir, "trip.csv", file.csv()), OnExisting.SKIP);
		long items = jdbc.sql("SELECT count(*) FROM registry_income_item").query(Long.class).single();
		for (Format format : Format.values()) {
			Path exported = dir.resolve("export." + format.name().toLowerCase(Locale.ROOT));
			try (OutputStream out = Files.newOutputStream(exported)) {
				export.export(new Scope(org.id(), org.path()), EnumSet.of(Role.ADMIN), HouseholdQuery.all(), format, out);
			}
			if (format == Format.CSV) {
				String text = Files.readString(exported);
				assertThat(text).contains("收入年度").contains("年农业经营收入").contains("25000.00").contains("1339.98")
					.contains("8600.40").contains(Integer.toString(lastYear));
			}
			ImportView again = importFile(exported, OnExisting.UPDATE);
			assertThat(again.rowsRejected()).as(format + " rejected").isZero();
			assertThat(again.householdsUnchanged()).as(format + " unchanged").isEqualTo(1);
			assertThat(jdbc.sql("SELECT count(*) FROM registry_income_item").query(Long.class).single()).isEqualTo(items);
		}
		// a changed figure replaces the recorded one (the old one is retired, not lost)
		file.rows().get(0).put(TemplateColumn.ANNUAL_FARMING, "26000");
		ImportView changed = importFile(file.write(dir, "trip2.csv", file.csv()), OnExisting.UPDATE);
		assertThat(changed.householdsUpdated()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT amount FROM registry_income_item WHERE household_id = ? AND kind = 'FARMING' AND retired_at IS NULL")
			.param(id("E-TRIP")).query(BigDecimal.class).single()).isEqualByComparingTo("26000");
		assertThat(jdbc.sql("SELECT count(*) FROM registry_income_item WHERE household_id = ? AND kind = 'FARMING' AND retired_at IS NOT NULL")
			.param(id("E-TRIP")).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aFileWithOnlyTheOldColumnsImportsAsBefore() throws IOException {
		String[] old = Arrays.stream(TemplateColumn.values()).filter(c -> c.ordinal() < TemplateColumn.INCOME_YEAR.ordinal())
			.map(TemplateColumn::header).toArray(String[]::new);
		TemplateFile file = TemplateFile.withHeaders(old);
		file.household("E-OLD", 3);
		ImportView done = importFile(file.write(dir, "old.csv", file.gbk()), OnExisting.SKIP);
		assertThat(done.householdsFiled()).isEqualTo(1);
		assertThat(done.rowsRejected()).isZero();
		assertThat(imports.issues(scope(), done.id(), 10)).isEmpty();
		long id = id("E-OLD");
		assertThat(jdbc.sql("SELECT count(*) FROM registry_spending WHERE household_id = ?").param(id).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM registry_income_item WHERE household_id = ? AND period = 'YEAR'").param(id)
			.query(Long.class).single()).isZero();
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
