package org.bangfu.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.registry.TemplateColumn;
import org.junit.jupiter.api.Test;

/** A workbook continues on a new sheet (with the header again) between households, never inside one. */
class XlsxTemplateWriterTests {

	@Test
	void aFullSheetContinuesOnTheNextWithTheHeaderAndHouseholdsStayWhole() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XlsxTemplateWriter writer = new XlsxTemplateWriter(out, 3)) {
			// households of 2, 2 and 1 people: the second crosses the limit of 3 and stays on sheet 1
			write(writer, "H1", true);
			write(writer, "H1", false);
			write(writer, "H2", true);
			write(writer, "H2", false);
			write(writer, "H3", true);
			writer.finish();
		}
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(wb.getNumberOfSheets()).isEqualTo(2);
			Sheet first = wb.getSheetAt(0);
			Sheet second = wb.getSheetAt(1);
			assertThat(first.getSheetName()).isEqualTo("家庭档案");
			assertThat(second.getSheetName()).isEqualTo("家庭档案2");
			assertThat(first.getLastRowNum()).isEqualTo(4);
			assertThat(first.getRow(4).getCell(0).getStringCellValue()).isEqualTo("H2");
			assertThat(second.getRow(0).getCell(TemplateColumn.ID_NUMBER.ordinal()).getStringCellValue()).isEqualTo("身份证号");
			assertThat(second.getRow(1).getCell(0).getStringCellValue()).isEqualTo("H3");
		}
	}

	private static void write(XlsxTemplateWriter writer, String ref, boolean first) throws Exception {
		Object[] cells = new Object[TemplateColumn.COUNT];
		cells[TemplateColumn.HOUSEHOLD_REF.ordinal()] = ref;
		cells[TemplateColumn.VEHICLES.ordinal()] = 1;
		writer.row(cells, first);
	}

}
