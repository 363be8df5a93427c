package org.bangfu.crosscheck.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bangfu.crosscheck.ExtractKind;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.IdNumber;

/**
 * The documented layout of each extract kind (Chinese headers, any column order, extra columns
 * ignored) and the reading of one row into the fields the match uses. Pure: no Spring, no SQL.
 */
public final class ExtractLayoutPolicy {

	/** What a column holds. */
	public enum Field {
		ID, NAME, HEAD_ID, SUB_KIND, AMOUNT, ITEM, DATE
	}

	/** A column of a layout: its header and whether the file must have it. */
	public record Column(String header, Field field, boolean required) {
	}

	/** A row read: the clear ID number (hashed by the caller, never stored) and the facts. */
	public record Parsed(String idNumber, String name, String headIdNumber, String subKind, BigDecimal amount,
			String item, LocalDate date) {
	}

	private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMdd");

	private ExtractLayoutPolicy() {
	}

	public static List<Column> columns(ExtractKind kind) {
		List<Column> c = new ArrayList<>(List.of(new Column("身份证号", Field.ID, true), new Column("姓名", Field.NAME, true)));
		switch (kind) {
			case DIBAO -> {
				c.add(new Column("户主身份证号", Field.HEAD_ID, true));
				c.add(new Column("月保障金", Field.AMOUNT, true));
				c.add(new Column("发放地区", Field.ITEM, false));
			}
			case SOCIAL_INSURANCE -> {
				c.add(new Column("类别", Field.SUB_KIND, true));
				c.add(new Column("月金额", Field.AMOUNT, true));
				c.add(new Column("单位", Field.ITEM, false));
			}
			case REAL_ESTATE -> {
				c.add(new Column("不动产坐落", Field.ITEM, true));
				c.add(new Column("建筑面积", Field.AMOUNT, false));
			}
			case VEHICLE -> {
				c.add(new Column("号牌号码", Field.ITEM, true));
				c.add(new Column("登记日期", Field.DATE, false));
			}
			case BUSINESS -> {
				c.add(new Column("企业名称", Field.ITEM, true));
				c.add(new Column("成立日期", Field.DATE, false));
			}
			case DEATH -> {
				c.add(new Column("死亡日期", Field.DATE, true));
				c.add(new Column("火化地点", Field.ITEM, false));
			}
			case HOUSING_FUND -> {
				c.add(new Column("月缴存额", Field.AMOUNT, true));
				c.add(new Column("缴存单位", Field.ITEM, false));
			}
		}
		return List.copyOf(c);
	}

	/**
	 * The column index of each field for this header row (-1 when absent); a required column
	 * missing is refused on the field {@code file} naming the header.
	 */
	public static int[] indexes(ExtractKind kind, String[] header) {
		int[] at = new int[Field.values().length];
		java.util.Arrays.fill(at, -1);
		for (Column col : columns(kind)) {
			for (int i = 0; i < header.length; i++) {
				String h = header[i] == null ? "" : header[i].strip().replace("\uFEFF", "");
				if (h.equals(col.header())) {
					at[col.field().ordinal()] = i;
				}
			}
			if (col.required() && at[col.field().ordinal()] < 0) {
				throw BangfuException.badField("file", "crosscheck.extract.missingColumn", col.header());
			}
		}
		return at;
	}

	/** The ID number in upper case when it is 18 characters with a right check character, else null. */
	public static String idNumber(String text) {
		if (text == null) {
			return null;
		}
		String v = text.strip().toUpperCase(Locale.ROOT);
		if (v.length() != 18) {
			return null;
		}
		for (int i = 0; i < 17; i++) {
			if (v.charAt(i) < '0' || v.charAt(i) > '9') {
				return null;
			}
		}
		return v.charAt(17) == IdNumber.checkChar(v.subSequence(0, 17)) ? v : null;
	}

	/** Reads a row; null when it cannot be used (no valid ID number, no name, or a bad value). */
	public static Parsed parse(ExtractKind kind, int[] at, java.util.function.IntFunction<String> cell) {
		String id = idNumber(cell(at, Field.ID, cell));
		String name = cell(at, Field.NAME, cell).strip();
		if (id == null || name.isEmpty() || name.length() > 50) {
			return null;
		}
		String head = null;
		if (at[Field.HEAD_ID.ordinal()] >= 0 && !cell(at, Field.HEAD_ID, cell).isBlank()) {
			head = idNumber(cell(at, Field.HEAD_ID, cell));
			if (head == null) {
				return null;
			}
		}
		String sub = null;
		if (kind == ExtractKind.SOCIAL_INSURANCE) {
			sub = switch (cell(at, Field.SUB_KIND, cell).strip()) {
				case "缴费" -> "CONTRIBUTION";
				case "养老金" -> "PENSION";
				default -> null;
			};
			if (sub == null) {
				return null;
			}
		}
		BigDecimal amount = null;
		String a = cell(at, Field.AMOUNT, cell).strip().replace(",", "");
		if (!a.isEmpty()) {
			try {
				amount = new BigDecimal(a).setScale(2, RoundingMode.HALF_UP);
			}
			catch (NumberFormatException | ArithmeticException ex) {
				return null;
			}
			if (amount.signum() < 0 || amount.precision() > 14) {
				return null;
			}
		}
		String item = cell(at, Field.ITEM, cell).strip();
		item = item.isEmpty() ? null : item.length() > 200 ? item.substring(0, 200) : item;
		LocalDate date = null;
		String d = cell(at, Field.DATE, cell).strip();
		if (!d.isEmpty()) {
			date = date(d);
			if (date == null) {
				return null;
			}
		}
		if (kind == ExtractKind.DEATH && date == null) {
			return null;
		}
		if ((kind == ExtractKind.DIBAO || kind == ExtractKind.SOCIAL_INSURANCE || kind == ExtractKind.HOUSING_FUND)
				&& amount == null) {
			return null;
		}
		return new Parsed(id, name, head, sub, amount, item, date);
	}

	static LocalDate date(String text) {
		try {
			if (text.length() == 8 && text.chars().allMatch(Character::isDigit)) {
				return LocalDate.parse(text, COMPACT);
			}
			String[] p = text.replace('/', '-').replace('.', '-').split("-");
			if (p.length == 3) {
				return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2].split("[ T]")[0]));
			}
		}
		catch (NumberFormatException | java.time.DateTimeException ex) {
			return null;
		}
		return null;
	}

	private static String cell(int[] at, Field field, java.util.function.IntFunction<String> cell) {
		int i = at[field.ordinal()];
		if (i < 0) {
			return "";
		}
		String v = cell.apply(i);
		return v == null ? "" : v;
	}

}
