package org.bangfu.synthetic;

import org.bangfu.registry.TemplateColumn;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An .xlsx workbook written through POI's streaming SXSSF (only a window of rows in memory).
 * Amounts and counts are numeric cells, everything else (ID numbers, accounts, codes) text.
 */
final class XlsxHouseholdSink implements HouseholdSink {

	/** More rows than this would not fit on one Excel sheet (1,048,576 rows) with room to spare. */
	static final int MAX_HOUSEHOLDS = 100_000;

	private final Path file;

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);

	private final Sheet sheet;

	private int next;

	XlsxHouseholdSink(Path file) {
		this.file = file;
		this.workbook.setCompressTempFiles(true);
		this.sheet = this.workbook.createSheet("households");
	}

	@Override
	public void row(String[] cells) {
		Row row = this.sheet.createRow(this.next++);
		for (int i = 0; i < cells.length; i++) {
			String v = cells[i];
			if (v == null || v.isEmpty()) {
				continue;
			}
			Cell cell = row.createCell(i);
			if (this.next > 1 && numeric(i)) {
				cell.setCellValue(Double.parseDouble(v));
			}
			else {
				cell.setCellValue(v);
			}
		}
	}

	@Override
	public void close() throws IOException {
		try (OutputStream out = Files.newOutputStream(this.file)) {
			this.workbook.write(out);
		}
		finally {
			this.workbook.close();
		}
	}

	private static boolean numeric(int column) {
		return column == TemplateColumn.MONTHLY_INCOME.ordinal() || column == TemplateColumn.ANNUAL_RENT.ordinal()
				|| column == TemplateColumn.VEHICLES.ordinal() || column == TemplateColumn.SAVINGS.ordinal();
	}

}
