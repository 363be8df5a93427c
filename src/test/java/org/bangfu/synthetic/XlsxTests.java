package org.bangfu.synthetic;

import org.bangfu.registry.TemplateColumn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .xlsx output opens in POI with the template's header and the same people as the CSV of the same seed. */
class XlsxTests {

	@TempDir
	Path dir;

	@Test
	void theWorkbookHasTheHeaderAndTheSameRowsAsTheCsv() throws Exception {
		GeneratorOptions xlsx = GeneratedFile.generate(this.dir, "h.xlsx", 1_000, 21, 0.02, null, null);
		GeneratorOptions csv = GeneratedFile.generate(this.dir, "h.csv", 1_000, 21, 0.02, null, null);
		GeneratedFile expected = GeneratedFile.read(csv.out());

		try (InputStream in = Files.newInputStream(xlsx.out()); Workbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(cells(sheet.getRow(0))).containsExactly(TemplateColumn.headers());
			assertThat(sheet.getLastRowNum()).isEqualTo(expected.rows.size());
			for (GeneratedFile.Row r : expected.rows) {
				Row row = sheet.getRow((int) r.number() - 1);
				assertThat(text(row, TemplateColumn.ID_NUMBER)).isEqualTo(r.get(TemplateColumn.ID_NUMBER));
				assertThat(text(row, TemplateColumn.NAME)).isEqualTo(r.get(TemplateColumn.NAME));
				assertThat(text(row, TemplateColumn.BANK_ACCOUNT)).isEqualTo(r.get(TemplateColumn.BANK_ACCOUNT));
				if (!r.get(TemplateColumn.MONTHLY_INCOME).isEmpty()) {
					assertThat(row.getCell(TemplateColumn.MONTHLY_INCOME.ordinal()).getNumericCellValue())
						.isEqualTo(Double.parseDouble(r.get(TemplateColumn.MONTHLY_INCOME)));
				}
			}
		}
		assertThat(Files.mismatch(xlsx.manifest(), csv.manifest())).isEqualTo(-1L);
	}

	@Test
	void moreThan100000HouseholdsAreRefusedForXlsx() {
		assertThatThrownBy(() -> GeneratedFile.generate(this.dir, "big.xlsx", 100_001, 1, 0, null, null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("100000");
	}

	private static List<String> cells(Row row) {
		List<String> values = new ArrayList<>();
		for (Cell c : row) {
			values.add(c.getStringCellValue());
		}
		return values;
	}

	private static String text(Row row, TemplateColumn column) {
		Cell cell = row.getCell(column.ordinal());
		return cell == null ? "" : new DataFormatter().formatCellValue(cell);
	}

}
