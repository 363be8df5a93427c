package org.bangfu.programs.internal.posts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.platform.sheets.SheetRow;
import org.bangfu.platform.sheets.SheetSource;
import org.bangfu.platform.sheets.Spreadsheets;
import org.bangfu.programs.NewPost;
import org.bangfu.shared.BangfuException;

/**
 * Reads a post register sheet (xlsx or CSV, UTF-8 or GB18030): a header row naming the columns
 * (身份证号, 姓名, 岗位, 工作地点, 档次, 上岗日期, 离岗日期, 开户银行, 工资账号; any order; 离岗日期
 * may be missing), then one post a row, at most {@link #MAX_ROWS}. Dates as 2026-03-01, 2026/3/1,
 * 20260301 or an Excel date cell.
 */
public final class PostSheet {

	public static final List<String> COLUMNS = List.of("身份证号", "姓名", "岗位", "工作地点", "档次", "上岗日期", "离岗日期",
			"开户银行", "工资账号");

	public static final int MAX_ROWS = 5000;

	private static final long MAX_FILE = 10L * 1024 * 1024;

	private static final long MAX_UNPACKED = 200L * 1024 * 1024;

	private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");

	private PostSheet() {
	}

	/** A row read: its number in the sheet and the post, or the problem that stops it. */
	public record Line(long row, NewPost post, BangfuException problem) {
	}

	public static List<Line> read(Path file, String fileName) throws IOException {
		List<Line> out = new ArrayList<>();
		Map<String, Integer> header = new HashMap<>();
		try (SheetSource source = Spreadsheets.open(file, fileName, MAX_FILE, MAX_UNPACKED)) {
			source.read(row -> {
				if (row.blank()) {
					return true;
				}
				if (header.isEmpty()) {
					for (int i = 0; i < row.cells().length; i++) {
						String name = row.cell(i) == null ? "" : row.cell(i).strip();
						if (COLUMNS.contains(name)) {
							header.put(name, i);
						}
					}
					for (String c : COLUMNS) {
						if (!c.equals("离岗日期") && !header.containsKey(c)) {
							throw BangfuException.badField("file", "posts.import.column.missing", c);
						}
					}
					return true;
				}
				if (out.size() >= MAX_ROWS) {
					throw BangfuException.badField("file", "posts.import.tooManyRows", MAX_ROWS);
				}
				out.add(line(row, header));
				return true;
			});
		}
		if (header.isEmpty()) {
			throw BangfuException.badField("file", "imports.file.empty");
		}
		return out;
	}

	private static Line line(SheetRow row, Map<String, Integer> h) {
		try {
			String tier = cell(row, h, "档次");
			Integer t = null;
			if (tier != null) {
				String digits = tier.replaceAll("[^0-9]", "");
				t = digits.isEmpty() ? Integer.valueOf(-1) : Integer.valueOf(Integer.parseInt(digits.length() > 2 ? "99" : digits));
			}
			return new Line(row.number(), new NewPost(cell(row, h, "身份证号"), cell(row, h, "姓名"), cell(row, h, "岗位"),
					cell(row, h, "工作地点"), t, date(row, h, "上岗日期", "from"), date(row, h, "离岗日期", "to"),
					cell(row, h, "开户银行"), cell(row, h, "工资账号")), null);
		}
		catch (BangfuException ex) {
			return new Line(row.number(), null, ex);
		}
	}

	private static String cell(SheetRow row, Map<String, Integer> h, String column) {
		Integer i = h.get(column);
		String v = i == null ? null : row.cell(i);
		return v == null || v.isBlank() ? null : v.strip();
	}

	private static LocalDate date(SheetRow row, Map<String, Integer> h, String column, String field) {
		String v = cell(row, h, column);
		if (v == null) {
			return null;
		}
		LocalDate d = parseDate(v);
		if (d == null) {
			throw BangfuException.badField(field, "posts.import.date.invalid", column, v);
		}
		return d;
	}

	static LocalDate parseDate(String v) {
		try {
			if (v.matches("\\d{5}(\\.0+)?")) {
				long days = Long.parseLong(v.replaceAll("\\..*", ""));
				return LocalDate.of(1899, 12, 30).plusDays(days);
			}
			if (v.matches("\\d{8}")) {
				return LocalDate.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(4, 6)),
						Integer.parseInt(v.substring(6)));
			}
			Matcher m = DATE.matcher(v);
			if (m.lookingAt()) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
			}
		}
		catch (java.time.DateTimeException | NumberFormatException ex) {
			return null;
		}
		return null;
	}

}
