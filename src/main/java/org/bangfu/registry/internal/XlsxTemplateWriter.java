package org.bangfu.registry.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.bangfu.registry.TemplateColumn;

/**
 * An .xlsx in the template, written through POI's streaming SXSSF: only {@value #WINDOW} rows
 * in memory, the rest in compressed temporary files until {@link #finish()} zips the workbook
 * into the output. Amounts are numeric cells ("0.00"), counts integers, everything else text
 * cells with the text format (ID numbers and accounts stay exact when edited in Excel). A sheet
 * holds at most rowsPerSheet people; the next household then starts a new sheet (家庭档案2 …)
 * with the header again, so large exports never hit Excel's 1,048,576-row limit.
 */
public final class XlsxTemplateWriter implements TemplateWriter {

	/** Rows kept in memory. */
	static final int WINDOW = 100;

	/** People per sheet: below Excel's 1,048,575 data rows with room for the household that crosses it. */
	public static final int ROWS_PER_SHEET = 1_000_000;

	static final String SHEET = "家庭档案";

	private final OutputStream out;

	private final int rowsPerSheet;

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);

	private final CellStyle text;

	private final CellStyle money;

	private final CellStyle count;

	private final CellStyle header;

	private Sheet sheet;

	private int sheets;

	private int next;

	public XlsxTemplateWriter(OutputStream out) {
		this(out, ROWS_PER_SHEET);
	}

	public XlsxTemplateWriter(OutputStream out, int rowsPerSheet) {
		this.out = out;
		this.rowsPerSheet = rowsPerSheet;
		workbook.setCompressTempFiles(true);
		DataFormat format = workbook.createDataFormat();
		text = workbook.createCellStyle();
		text.setDataFormat(format.getFormat("@"));
		money = workbook.createCellStyle();
		money.setDataFormat(format.getFormat("0.00"));
		count = workbook.createCellStyle();
		count.setDataFormat(format.getFormat("0"));
		header = workbook.createCellStyle();
		Font bold = workbook.createFont();
		bold.setBold(true);
		header.setFont(bold);
		newSheet();
	}

	private void newSheet() {
		sheets++;
		sheet = workbook.createSheet(sheets == 1 ? SHEET : SHEET + sheets);
		sheet.createFreezePane(0, 1);
		Row row = sheet.createRow(0);
		for (TemplateColumn c : TemplateColumn.values()) {
			Cell cell = row.createCell(c.ordinal());
			cell.setCellValue(c.header());
			cell.setCellStyle(header);
			sheet.setColumnWidth(c.ordinal(), 256 * width(c));
			sheet.setDefaultColumnStyle(c.ordinal(), numeric(c) ? (counted(c) ? count : money) : text);
		}
		next = 1;
	}

	@Override
	public void row(Object[] cells, boolean firstOfHousehold) throws IOException {
		if (firstOfHousehold && next > rowsPerSheet) {
			newSheet();
		}
		Row row = sheet.createRow(next++);
		for (int i = 0; i < cells.length; i++) {
			Object v = cells[i];
			if (v == null) {
				continue;
			}
			Cell cell = row.createCell(i);
			if (v instanceof BigDecimal d) {
				cell.setCellValue(d.doubleValue());
				cell.setCellStyle(money);
			}
			else if (v instanceof Integer n) {
				cell.setCellValue(n);
				cell.setCellStyle(count);
			}
			else {
				cell.setCellValue(v.toString());
				cell.setCellStyle(text);
			}
		}
	}

	@Override
	public void finish() throws IOException {
		workbook.write(out);
		out.flush();
	}

	@Override
	public void close() throws IOException {
		workbook.close();
	}

	private static boolean numeric(TemplateColumn c) {
		return switch (c) {
			case INCOME_MONTH, SUDDEN_COST_KIND, SUDDEN_COST_DATE, ASSETS_AS_OF, VEHICLE_KIND -> false;
			default -> c == TemplateColumn.MONTHLY_INCOME || c == TemplateColumn.ANNUAL_RENT || c == TemplateColumn.SAVINGS
					|| c == TemplateColumn.VEHICLES || c.ordinal() >= TemplateColumn.INCOME_YEAR.ordinal();
		};
	}

	private static boolean counted(TemplateColumn c) {
		return c == TemplateColumn.VEHICLES || c == TemplateColumn.INCOME_YEAR || c == TemplateColumn.SPENDING_YEAR
				|| c == TemplateColumn.EXTRA_HOMES || c == TemplateColumn.REGISTERED_BUSINESSES;
	}

	private static int width(TemplateColumn c) {
		return switch (c) {
			case ID_NUMBER -> 22;
			case BANK_ACCOUNT -> 26;
			case REGION_CODE, HOUSEHOLD_REF, PHONE -> 16;
			case EMPLOYER, CATEGORIES, HARDSHIP_CAUSES, BANK_NAME -> 20;
			default -> 12;
		};
	}

}
