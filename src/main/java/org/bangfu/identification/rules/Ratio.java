package org.bangfu.identification.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An exact number of the rule language: a quotient of two decimals (the denominator positive),
 * so that 899.99 ÷ 3 is 899.99/3 and not 300.00 or 299.9966…67. Sums, products, quotients and
 * comparisons are exact; nothing is rounded unless a rule asks for it ({@code round2}). The SQL
 * translation keeps the same pair of numerator and denominator, so both give the same answer.
 */
public final class Ratio implements Comparable<Ratio> {

	public static final Ratio ZERO = new Ratio(BigDecimal.ZERO, BigDecimal.ONE);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final BigDecimal num;

	private final BigDecimal den;

	private Ratio(BigDecimal num, BigDecimal den) {
		this.num = num;
		this.den = den;
	}

	public static Ratio of(BigDecimal value) {
		return new Ratio(value, BigDecimal.ONE);
	}

	/** a ÷ b, or null (no value) when b is 0. */
	public static Ratio quotient(BigDecimal a, BigDecimal b) {
		return of(a).divide(of(b));
	}

	public Ratio add(Ratio o) {
		return den.equals(o.den) ? reduce(num.add(o.num), den)
				: reduce(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
	}

	public Ratio subtract(Ratio o) {
		return add(o.negate());
	}

	public Ratio multiply(Ratio o) {
		return reduce(num.multiply(o.num), den.multiply(o.den));
	}

	/** The exact quotient, or null (no value) for a divisor of 0. */
	public Ratio divide(Ratio o) {
		if (o.num.signum() == 0) {
			return null;
		}
		BigDecimal n = num.multiply(o.den);
		BigDecimal d = den.multiply(o.num);
		Ratio q = d.signum() < 0 ? reduce(n.negate(), d.negate()) : reduce(n, d);
		// a quotient that is a whole number reads as an amount (500.00), as division always did
		return q.decimal() && q.num.scale() < 2 ? new Ratio(q.num.setScale(2), BigDecimal.ONE) : q;
	}

	public Ratio negate() {
		return new Ratio(num.negate(), den);
	}

	public Ratio abs() {
		return num.signum() < 0 ? negate() : this;
	}

	/** Rounded half away from zero to the fen (as PostgreSQL's round(x, 2) and BigDecimal's HALF_UP). */
	public Ratio round2() {
		BigDecimal twice = num.abs().multiply(BigDecimal.valueOf(200)).add(den);
		BigDecimal fen = twice.divideToIntegralValue(den.multiply(BigDecimal.valueOf(2)));
		return of((num.signum() < 0 ? fen.negate() : fen).divide(HUNDRED).setScale(2, RoundingMode.UNNECESSARY));
	}

	@Override
	public int compareTo(Ratio o) {
		return num.multiply(o.den).compareTo(o.num.multiply(den));
	}

	/** The value as a decimal: exact when it has one, otherwise to 34 significant digits. */
	public BigDecimal toBigDecimal() {
		if (den.compareTo(BigDecimal.ONE) == 0) {
			return num;
		}
		try {
			return num.divide(den);
		}
		catch (ArithmeticException repeating) {
			return num.divide(den, MathContext.DECIMAL128);
		}
	}

	/** The decimal when it is one with at most {@code scale} decimals, otherwise null. */
	public BigDecimal exactly(int scale) {
		BigDecimal q = num.divide(den, scale, RoundingMode.DOWN);
		return q.multiply(den).compareTo(num) == 0 ? q : null;
	}

	/** Truncated toward zero to {@code scale} decimals (for display: never shows a value past a line it has not reached). */
	public BigDecimal truncated(int scale) {
		return num.divide(den, scale, RoundingMode.DOWN);
	}

	/** Whether the value is kept as a plain decimal (denominator 1), e.g. a sum of amounts with its scale. */
	public boolean decimal() {
		return den.compareTo(BigDecimal.ONE) == 0;
	}

	private static Ratio reduce(BigDecimal n, BigDecimal d) {
		if (d.compareTo(BigDecimal.ONE) == 0) {
			return new Ratio(n, BigDecimal.ONE);
		}
		if (n.signum() == 0) {
			return ZERO;
		}
		int scale = Math.max(Math.max(n.scale(), d.scale()), 0);
		BigInteger a = n.movePointRight(scale).toBigIntegerExact();
		BigInteger b = d.movePointRight(scale).toBigIntegerExact();
		BigInteger g = a.gcd(b);
		return new Ratio(new BigDecimal(a.divide(g)), new BigDecimal(b.divide(g)));
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Ratio r && compareTo(r) == 0;
	}

	@Override
	public int hashCode() {
		return toBigDecimal().stripTrailingZeros().hashCode();
	}

	@Override
	public String toString() {
		return num.toPlainString() + "/" + den.toPlainString();
	}

}
