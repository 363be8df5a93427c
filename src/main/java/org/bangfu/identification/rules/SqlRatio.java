package org.bangfu.identification.rules;

/**
 * A number of the rule language in SQL: an exact numerator and a positive denominator, both
 * {@code numeric} expressions (PostgreSQL's + − × on numeric are exact; its division is not,
 * so the translation never divides). The denominator is null when it is 1. A missing value has
 * a null numerator (and a divisor of 0 makes the numerator null too), as {@link Ratio} gives no
 * value.
 */
record SqlRatio(String num, String den) {

	static SqlRatio of(String value) {
		return new SqlRatio(value, null);
	}

	private static String times(String a, String b) {
		if (a == null) {
			return b;
		}
		if (b == null) {
			return a;
		}
		return "(" + a + " * " + b + ")";
	}

	SqlRatio add(SqlRatio o, boolean minus) {
		String op = minus ? " - " : " + ";
		if (den == null && o.den == null) {
			return of("(" + num + op + o.num + ")");
		}
		return new SqlRatio("(" + times(num, o.den) + op + times(o.num, den) + ")", times(den, o.den));
	}

	SqlRatio multiply(SqlRatio o) {
		return new SqlRatio(times(num, o.num), times(den, o.den));
	}

	/** (a/b) ÷ (c/d) = (a·d·sign c) / (b·|c|); a divisor of 0 gives a null numerator. */
	SqlRatio divide(SqlRatio o) {
		String c = "NULLIF(" + o.num + ", 0)";
		return new SqlRatio("(" + times(num, o.den) + " * sign(" + c + "))", times(den, "abs(" + c + ")"));
	}

	SqlRatio negate() {
		return new SqlRatio("(-" + num + ")", den);
	}

	SqlRatio abs() {
		return new SqlRatio("abs(" + num + ")", den);
	}

	/** Half away from zero to the fen, exactly: sign(n) · ⌊(200|n| + d) / 2d⌋ / 100. */
	SqlRatio round2() {
		if (den == null) {
			return of("round(" + num + ", 2)");
		}
		return new SqlRatio("(sign(" + num + ") * div(abs(" + num + ") * 200 + " + den + ", 2 * " + den + "))",
				"CAST(100 AS numeric)");
	}

	/** A comparison without division: a/b op c/d ⇔ a·d op c·b (b, d > 0). */
	String compare(String op, SqlRatio o) {
		return "(" + times(num, o.den) + " " + op + " " + times(o.num, den) + ")";
	}

	/** CASE WHEN condition THEN this ELSE other END, as a pair. */
	SqlRatio choose(String condition, SqlRatio other) {
		String n = "(CASE WHEN " + condition + " THEN " + num + " ELSE " + other.num + " END)";
		if (den == null && other.den == null) {
			return of(n);
		}
		return new SqlRatio(n, "(CASE WHEN " + condition + " THEN " + one(den) + " ELSE " + one(other.den) + " END)");
	}

	/** The smaller (or larger) of two, skipping a missing one (as LEAST/GREATEST do). */
	SqlRatio pick(SqlRatio o, boolean min) {
		if (den == null && o.den == null) {
			return of((min ? "LEAST(" : "GREATEST(") + num + ", " + o.num + ")");
		}
		String takeOther = "(" + num + " IS NULL OR (" + o.num + " IS NOT NULL AND " + o.compare(min ? "<" : ">", this) + "))";
		return o.choose(takeOther, this);
	}

	private static String one(String den) {
		return den == null ? "CAST(1 AS numeric)" : den;
	}

	/** The value as one numeric (PostgreSQL's division: for display and snapshots only, never for a decision). */
	String approximate() {
		return den == null ? num : "(" + num + " / " + den + ")";
	}

}
