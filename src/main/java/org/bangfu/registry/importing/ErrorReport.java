package org.bangfu.registry.importing;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * The downloadable error report: the file's own header (its columns in its order) plus an error
 * column, then every rejected row with its original values and, in the error column, the row
 * number and each problem with its column, in the language of the person who imported. Written
 * through POI's streaming SXSSF (a window of rows in memory, the rest in a compressed temp file),
 * so a file with many bad rows does not fill the heap. Cells are plain text: nothing is a formula.
 */
final class ErrorReport implements Closeable {

	private final Path file;

	private final Header header;

	private final MessageSource messages;

	private final Locale locale;

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);

	private final Sheet sheet;

	private final int width;

	private int next;

	ErrorReport(Path file, Header header, MessageSource messages, Locale locale) {
		this.file = file;
		this.header = header;
		this.messages = messages;
		this.locale = locale;
		this.workbook.setCompressTempFiles(true);
		this.sheet = workbook.createSheet(text("imports.report.sheet"));
		this.width = header.row().cells().length;
		CellStyle bold = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		bold.setFont(font);
		Row row = sheet.createRow(next++);
		for (int i = 0; i < width; i++) {
			row.createCell(i).setCellValue(header.row().cell(i));
			row.getCell(i).setCellStyle(bold);
		}
		row.createCell(width).setCellValue(text("imports.report.errorColumn"));
		row.getCell(width).setCellStyle(bold);
	}

	/** Adds a rejected row with its problems; with none of its own, the note says which rows spoiled its household. */
	void add(SheetRow data, List<RowProblem> problems, RowProblem householdNote) {
		Row row = sheet.createRow(next++);
		int cells = Math.max(width, data.cells().length);
		for (int i = 0; i < cells; i++) {
			String v = data.cell(i);
			if (!v.isEmpty()) {
				row.createCell(i < width ? i : i + 1).setCellValue(v);
			}
		}
		row.createCell(width).setCellValue(describe(data.number(), problems.isEmpty() ? List.of(householdNote) : problems));
	}

	int rows() {
		return next - 1;
	}

	/** "第 5 行：身份证号：…；性别：…" in the report's language. */
	String describe(long rowNumber, List<RowProblem> problems) {
		StringJoiner all = new StringJoiner(text("imports.report.separator"));
		for (RowProblem p : problems) {
			String message = messages.getMessage(p.key(), p.args().toArray(), p.key(), locale);
			all.add(p.column() == null ? message : text("imports.report.cell", header.label(p.column()), message));
		}
		return text("imports.report.row", String.valueOf(rowNumber), all.toString());
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
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
	void discard() throws IOException {
		workbook.dispose();
		workbook.close();
	}

}
