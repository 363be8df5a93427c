package org.bangfu.identification.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** The few words an explanation needs, in the reader's language, and how numbers are written. */
public record Words(String yes, String no, String and, String or, String not, String unknown) {

	public static final Words ZH = new Words("是", "否", "且", "或", "非", "无值");

	public static final Words EN = new Words("yes", "no", "and", "or", "not", "no value");

	public static Words of(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? EN : ZH;
	}

	/** 24000.00 → 24,000.00; 3 → 3; 450.000 → 450.00; 0.125 → 0.125. */
	public static String number(BigDecimal v) {
		if (v == null) {
			return null;
		}
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
		if (v.scale() <= 0) {
			return new DecimalFormat("#,##0", symbols).format(v);
		}
		int scale = Math.max(2, v.stripTrailingZeros().scale());
		DecimalFormat f = new DecimalFormat("#,##0." + "0".repeat(scale), symbols);
		f.setRoundingMode(RoundingMode.UNNECESSARY);
		return f.format(v.setScale(scale, RoundingMode.UNNECESSARY));
	}

	public String value(Object v) {
		if (v == null) {
			return unknown;
		}
		if (v instanceof Boolean b) {
			return b ? yes : no;
		}
		return number((BigDecimal) v);
	}

}
