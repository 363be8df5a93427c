package org.bangfu.identification.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.function.Function;

/**
 * The few words an explanation needs, in the reader's language, the names of facts and
 * standards, and how numbers are written. Numbers are shown as they are, never rounded: a
 * quotient without a short decimal form is cut (not rounded) after 6 decimals and marked '…'
 * (899.99 ÷ 3 shows 299.996666…, which is below 300).
 */
public record Words(String yes, String no, String and, String or, String not, String unknown, String so, String perMonth,
		String perYear, Function<Fact, String> factLabel, Function<String, String> kindLabel) {

	/** Decimals shown of a number that has no shorter exact form. */
	static final int SHOWN = 6;

	public static final Words ZH = new Words("是", "否", "且", "或", "非", "无值", "，故取 ", "（按月）", "（按年）", Fact::column,
			k -> k);

	public static final Words EN = new Words("yes", "no", "and", "or", "not", "no value", ", so ", " per month", " per year",
			Fact::column, k -> k);

	public static Words of(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? EN : ZH;
	}

	/** The same words with the names of facts and standard kinds in the reader's language. */
	public Words named(Function<Fact, String> facts, Function<String, String> kinds) {
		return new Words(yes, no, and, or, not, unknown, so, perMonth, perYear, facts, kinds);
	}

	/** 24000.00 → 24,000.00; 3 → 3; 450.000 → 450.00; 0.125 → 0.125; 1/3 → 0.333333…. */
	public static String number(BigDecimal v) {
		if (v == null) {
			return null;
		}
		DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
		if (v.scale() <= 0) {
			return new DecimalFormat("#,##0", symbols).format(v);
		}
		int stripped = v.stripTrailingZeros().scale();
		String more = "";
		if (stripped > SHOWN) {
			v = v.setScale(SHOWN, RoundingMode.DOWN);
			stripped = SHOWN;
			more = "…";
		}
		int scale = Math.max(2, stripped);
		DecimalFormat f = new DecimalFormat("#,##0." + "0".repeat(scale), symbols);
		f.setRoundingMode(RoundingMode.UNNECESSARY);
		return f.format(v.setScale(scale, RoundingMode.UNNECESSARY)) + more;
	}

	/** An exact number as it reads: a decimal as written, a quotient with 2 to 6 decimals, or cut after 6 with '…'. */
	public static String number(Ratio r) {
		if (r.decimal()) {
			return number(r.toBigDecimal());
		}
		BigDecimal exact = r.exactly(SHOWN);
		if (exact != null) {
			return number(exact.setScale(Math.max(2, exact.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY));
		}
		return number(r.truncated(SHOWN)) + "…";
	}

	public String value(Object v) {
		if (v == null) {
			return unknown;
		}
		if (v instanceof Boolean b) {
			return b ? yes : no;
		}
		if (v instanceof Ratio r) {
			return number(r);
		}
		return number((BigDecimal) v);
	}

}
