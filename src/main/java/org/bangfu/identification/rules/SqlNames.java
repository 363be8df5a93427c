package org.bangfu.identification.rules;

/** Where the translated SQL finds facts and resolved standards (column references, never user text). */
public interface SqlNames {

	/** e.g. {@code f.income_year}. */
	String fact(Fact fact);

	/** The column holding the value of the resolved standard of a kind, e.g. {@code s.k0_v}. */
	String standardValue(String kind);

	/** The column holding its basis ('MONTH', 'YEAR', 'RATIO'). */
	String standardBasis(String kind);

	/**
	 * What its value is divided by to be per month: 12 for a yearly figure, else 1 (the quotient
	 * is kept exact, see {@link Ratio}); by default worked out on every row, a relation that
	 * resolves standards once per region may offer a column.
	 */
	default String standardMonthDivisor(String kind) {
		return monthDivisor(standardBasis(kind));
	}

	/** Its value per year (a monthly figure × 12); see {@link #standardMonthDivisor(String)}. */
	default String standardYear(String kind) {
		return perYear(standardValue(kind), standardBasis(kind));
	}

	/** What a standard's value is divided by to be per month, from its basis in SQL: 12 for yearly, else 1 (exact, never rounded). */
	static String monthDivisor(String basis) {
		return "CAST(CASE WHEN " + basis + " = 'YEAR' THEN 12 ELSE 1 END AS numeric)";
	}

	/** A standard's value per year from its value and basis in SQL: monthly × 12. */
	static String perYear(String value, String basis) {
		return "(CASE WHEN " + basis + " = 'MONTH' THEN " + value + " * 12 ELSE " + value + " END)";
	}

}
