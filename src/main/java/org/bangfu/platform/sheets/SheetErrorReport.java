package org.bangfu.platform.sheets;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A downloadable error report for an uploaded sheet: the file's own header (its columns in its
 * order) plus an error column, then every rejected row with its original values and its error
 * text. Written through POI's streaming SXSSF (a window of rows in memory, the rest in a
 * compressed temp file), so a file with many bad rows does not fill the heap. Cells are plain
 * text: nothing is a formula. The caller words the error texts (in the importer's language).
 */
public final class SheetErrorReport implements Closeable {

	private final Path file;

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);

	private final Sheet sheet;

	private final int width;

	private int next;

	public SheetErrorReport(Path file, SheetRow header, String sheetName, String errorColumn) {
		this.file = file;
		this.workbook.setCompressTempFiles(true);
		this.sheet = workbook.createSheet(sheetName);
		this.width = header.cells().length;
		CellStyle bold = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		Row row = sheet.createRow(next++);
		for (int i = 0; i < width; i++) {
			row.createCell(i).setCellValue(header.cell(i));
			row.getCell(i).setCellStyle(bold);
		}
		row.createCell(width).setCellValue(errorColumn);
		row.getCell(width).setCellStyle(bold);
	}

	/** Adds a rejected row: its cells where they were (cells past the header shift right of the error column). */
	public void add(SheetRow data, String error) {
		Row row = sheet.createRow(next++);
		int cells = Math.max(width, data.cells().length);
		for (int i = 0; i < cells; i++) {
			String v = data.cell(i);
			if (!v.isEmpty()) {
				row.createCell(i < width ? i : i + 1).setCellValue(v);
			}
		}
		row.createCell(width).setCellValue(error);
	}

	/** How many rows were added. */
	public int rows() {
		return next - 1;
	}

	@Override
	public void close() throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			workbook.write(out);
		}
		finally {
			workbook.dispose();
			workbook.close();
		}
	}

	/** Throws the rows away without writing the file. */
	public void discard() throws IOException {
		workbook.dispose();
		workbook.close();
	}

}
