package org.bangfu.reporting.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.platform.pdf.CjkPdf;

/**
 * Tables of reports and scorecards written as xlsx (one sheet per table, a bold title row and header, numbers as
 * numbers) and as A4 PDF with the bundled CJK font, a header line, page numbers and signature lines.
 */
public final class Tables {

	/** A titled table; cells are strings or numbers. */
	public record Table(String title, List<String> headers, List<List<Object>> rows) {
	}

	private Tables() {
	}

	public static byte[] xlsx(List<Table> tables) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle bold = book.createCellStyle();
			Font f = book.createFont();
			f.setBold(true);
			bold.setFont(f);
			int n = 1;
			for (Table t : tables) {
				Sheet sheet = book.createSheet(safeName(n++ + " " + t.title()));
				sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
				sheet.setFitToPage(true);
				sheet.getPrintSetup().setFitWidth((short) 1);
				sheet.getPrintSetup().setFitHeight((short) 0);
				Cell title = sheet.createRow(0).createCell(0);
				title.setCellValue(t.title());
				title.setCellStyle(bold);
				Row h = sheet.createRow(1);
				for (int i = 0; i < t.headers().size(); i++) {
					Cell c = h.createCell(i);
					c.setCellValue(t.headers().get(i));
					c.setCellStyle(bold);
				}
				int r = 2;
				for (List<Object> values : t.rows()) {
					Row row = sheet.createRow(r++);
					for (int i = 0; i < values.size(); i++) {
						Object v = values.get(i);
						if (v instanceof Number num) {
							row.createCell(i).setCellValue(num.doubleValue());
						}
						else {
							row.createCell(i).setCellValue(v == null ? "" : String.valueOf(v));
						}
					}
				}
				for (int i = 0; i < t.headers().size(); i++) {
					sheet.setColumnWidth(i, 18 * 256);
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] pdf(String header, String pageLabel, String title, List<String> fields, List<Table> tables,
			String dateLabel, String... signatures) {
		return CjkPdf.render(header, pageLabel, p -> {
			p.title(title);
			fields.forEach(p::paragraph);
			for (Table t : tables) {
				p.heading(t.title());
				p.table(t.headers(), t.rows().stream().map(r -> r.stream().map(v -> v == null ? "" : String.valueOf(v)).toList()).toList());
			}
			if (signatures.length > 0) {
				p.signatures(dateLabel, signatures);
			}
		});
	}

	private static String safeName(String s) {
		String cleaned = s.replaceAll("[\\\\/?*\\[\\]:]", " ");
		return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
	}

}
