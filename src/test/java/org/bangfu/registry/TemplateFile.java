package org.bangfu.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Test files in the household import template: households of valid rows by default, changed
 * cell by cell, written as CSV (UTF-8 with or without BOM, GB18030) or as an .xlsx made by POI.
 * Row numbers are spreadsheet rows (the header is row 1).
 */
public final class TemplateFile {

	private final List<String> headers = new ArrayList<>();

	private final List<TemplateColumn> columns = new ArrayList<>();

	private final List<Map<TemplateColumn, String>> rows = new ArrayList<>();

	private final List<String[]> extraCells = new ArrayList<>();

	public TemplateFile() {
		for (TemplateColumn c : TemplateColumn.values()) {
			headers.add(c.header());
			columns.add(c);
		}
	}

	/** A file whose header is exactly these texts (unknown ones, aliases, duplicates allowed). */
	public static TemplateFile withHeaders(String... texts) {
		TemplateFile f = new TemplateFile();
		f.headers.clear();
		f.columns.clear();
		for (String t : texts) {
			f.headers.add(t);
			f.columns.add(TemplateColumn.forHeader(t).orElse(null));
		}
		return f;
	}

	/** Adds a household of the given size (head first, then spouse and children); returns its rows (changeable). */
	public List<Map<TemplateColumn, String>> household(String ref, int size) {
		List<Map<TemplateColumn, String>> added = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			Map<TemplateColumn, String> r = new EnumMap<>(TemplateColumn.class);
			boolean male = i != 1;
			LocalDate birth = i == 0 ? LocalDate.of(1972, 3, 4) : i == 1 ? LocalDate.of(1974, 6, 5) : LocalDate.of(2005, 1, 2);
			r.put(TemplateColumn.HOUSEHOLD_REF, ref);
			r.put(TemplateColumn.NAME, (i == 0 ? "张" : i == 1 ? "李" : "张") + "测试" + "甲乙丙丁戊己庚".charAt(i % 7));
			r.put(TemplateColumn.ID_NUMBER, Households.idNumber(birth, male));
			r.put(TemplateColumn.RELATION, i == 0 ? "户主" : i == 1 ? "配偶" : "子");
			r.put(TemplateColumn.SEX, male ? "男" : "女");
			r.put(TemplateColumn.MONTHLY_INCOME, i == 0 ? "1200.50" : i == 1 ? "800" : "");
			r.put(TemplateColumn.EMPLOYMENT, i >= 2 ? "在校" : i == 0 ? "下岗" : "灵活就业");
			r.put(TemplateColumn.HEALTH, "健康");
			if (i >= 2) {
				r.put(TemplateColumn.SCHOOLING, "本科");
			}
			if (i == 0) {
				r.put(TemplateColumn.REGION_CODE, Households.TOWNSHIP);
				r.put(TemplateColumn.HARDSHIP_CAUSES, "失业、因学");
				r.put(TemplateColumn.HOUSING, "租住");
				r.put(TemplateColumn.ANNUAL_RENT, "9600");
				r.put(TemplateColumn.VEHICLES, "0");
				r.put(TemplateColumn.SAVINGS, "1200.00");
				r.put(TemplateColumn.PHONE, "13812345678");
				r.put(TemplateColumn.BANK_NAME, "中国工商银行");
				r.put(TemplateColumn.BANK_ACCOUNT, "6222021234567890123");
				r.put(TemplateColumn.CATEGORIES, "困难职工");
			}
			rows.add(r);
			extraCells.add(null);
			added.add(r);
		}
		return added;
	}

	/** Adds a row as it is (for rows outside any household). */
	public Map<TemplateColumn, String> row(Map<TemplateColumn, String> cells) {
		Map<TemplateColumn, String> r = new EnumMap<>(TemplateColumn.class);
		r.putAll(cells);
		rows.add(r);
		extraCells.add(null);
		return r;
	}

	/** Sets the texts of the file's columns that are not template columns, for one row (by index in the file). */
	public void extra(int rowIndex, String... cells) {
		extraCells.set(rowIndex, cells);
	}

	public List<Map<TemplateColumn, String>> rows() {
		return rows;
	}

	/** The spreadsheet row number of a row (header = 1). */
	public long rowNumber(Map<TemplateColumn, String> row) {
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i) == row) {
				return i + 2;
			}
		}
		throw new IllegalArgumentException("not a row of this file");
	}

	/** The cells of every line, header first, as written. */
	public List<String[]> lines() {
		List<String[]> lines = new ArrayList<>();
		lines.add(headers.toArray(String[]::new));
		for (int r = 0; r < rows.size(); r++) {
			String[] cells = new String[headers.size()];
			String[] extra = extraCells.get(r);
			int e = 0;
			for (int i = 0; i < headers.size(); i++) {
				TemplateColumn c = columns.get(i);
				if (c != null && columns.indexOf(c) == i) {
					cells[i] = rows.get(r).getOrDefault(c, "");
				}
				else {
					cells[i] = extra != null && e < extra.length ? extra[e++] : "";
				}
			}
			lines.add(cells);
		}
		return lines;
	}

	public byte[] csv(Charset charset, boolean bom) {
		StringBuilder s = new StringBuilder();
		for (String[] line : lines()) {
			for (int i = 0; i < line.length; i++) {
				if (i > 0) {
					s.append(',');
				}
				String v = line[i] == null ? "" : line[i];
				s.append(v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v);
			}
			s.append("\r\n");
		}
		byte[] body = s.toString().getBytes(charset);
		if (!bom) {
			return body;
		}
		byte[] out = new byte[body.length + 3];
		out[0] = (byte) 0xEF;
		out[1] = (byte) 0xBB;
		out[2] = (byte) 0xBF;
		System.arraycopy(body, 0, out, 3, body.length);
		return out;
	}

	public byte[] csv() {
		return csv(StandardCharsets.UTF_8, true);
	}

	public byte[] gbk() {
		return csv(Charset.forName("GBK"), false);
	}

	/** An .xlsx made by POI's XSSFWorkbook (shared strings); amounts as numbers; "=..." cells become formulas. */
	public byte[] xlsx() throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("家庭");
			List<String[]> lines = lines();
			for (int r = 0; r < lines.size(); r++) {
				Row row = sheet.createRow(r);
				String[] cells = lines.get(r);
				for (int i = 0; i < cells.length; i++) {
					String v = cells[i];
					if (v == null || v.isEmpty()) {
						continue;
					}
					TemplateColumn c = columns.get(i);
					if (v.startsWith("=")) {
						row.createCell(i).setCellFormula(v.substring(1));
					}
					else if (r > 0 && numeric(c) && v.matches("-?\\d+(\\.\\d+)?")) {
						row.createCell(i).setCellValue(Double.parseDouble(v));
					}
					else {
						row.createCell(i).setCellValue(v);
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

	public Path write(Path dir, String name, byte[] content) throws IOException {
		Path file = dir.resolve(name);
		Files.write(file, content);
		return file;
	}

	private static boolean numeric(TemplateColumn c) {
		return c == TemplateColumn.MONTHLY_INCOME || c == TemplateColumn.ANNUAL_RENT || c == TemplateColumn.SAVINGS
				|| c == TemplateColumn.VEHICLES;
	}

	/** Writes bytes somewhere (for tests that build odd files by hand). */
	public static void copy(byte[] bytes, OutputStream out) throws IOException {
		out.write(bytes);
	}

}
