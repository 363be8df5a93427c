package org.bangfu.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An amount of yuan with exactly two decimals; never a double. JSON form: "1234.00". */
public record Money(BigDecimal amount) implements Comparable<Money> {

	public static final Money ZERO = new Money(BigDecimal.ZERO);

	public Money {
		if (amount == null) {
			throw new IllegalArgumentException("amount");
		}
		amount = amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	/** An amount from a BigDecimal with at most 2 decimals (null = zero). */
	public static Money of(BigDecimal amount) {
		return amount == null ? ZERO : new Money(amount);
	}

	@JsonCreator
	public static Money of(String text) {
		return parse("amount", text, false);
	}

	public static Money ofYuan(long yuan) {
		return new Money(BigDecimal.valueOf(yuan));
	}

	/**
	 * Reads a user's text: optional ¥, thousands separators and spaces, at most two decimals.
	 * Fails on the field with {@code money.format}, {@code money.decimals} or {@code money.negative}.
	 */
	public static Money parse(String field, String text, boolean nonNegative) {
		String t = text == null ? "" : text.strip().replace("¥", "").replace("￥", "").replace(",", "").replace(" ", "");
		if (!t.matches("-?\\d+(\\.\\d+)?")) {
			throw BangfuException.badField(field, "money.format", text);
		}
		BigDecimal value = new BigDecimal(t);
		if (value.scale() > 2) {
			throw BangfuException.badField(field, "money.decimals", text);
		}
		if (nonNegative && value.signum() < 0) {
			throw BangfuException.badField(field, "money.negative", text);
		}
		return new Money(value);
	}

	public Money plus(Money other) {
		return new Money(amount.add(other.amount));
	}

	public Money minus(Money other) {
		return new Money(amount.subtract(other.amount));
	}

	public Money times(int factor) {
		return new Money(amount.multiply(BigDecimal.valueOf(factor)));
	}

	/** Divides and rounds half up to the fen. */
	public Money dividedBy(int divisor) {
		if (divisor == 0) {
			throw new ArithmeticException("divide by zero");
		}
		return new Money(amount.divide(BigDecimal.valueOf(divisor), 2, RoundingMode.HALF_UP));
	}

	public boolean isNegative() {
		return amount.signum() < 0;
	}

	@Override
	public int compareTo(Money o) {
		return amount.compareTo(o.amount);
	}

	/** ¥1,234.00 (negative: -¥1,234.00). */
	public String format() {
		DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return (amount.signum() < 0 ? "-¥" : "¥") + f.format(amount.abs());
	}

	@JsonValue
	public String plain() {
		return amount.toPlainString();
	}

	@Override
	public String toString() {
		return plain();
	}

}
