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
	 * Its value per month (a yearly figure ÷ 12, rounded to the fen); by default converted on
	 * every row, a relation that resolves standards once per region may offer a column.
	 */
	default String standardMonth(String kind) {
		return perMonth(standardValue(kind), standardBasis(kind));
	}

	/** Its value per year (a monthly figure × 12); see {@link #standardMonth(String)}. */
	default String standardYear(String kind) {
		return perYear(standardValue(kind), standardBasis(kind));
	}

	/** A standard's value per month from its value and basis in SQL (as the interpreter converts): yearly ÷ 12, rounded to the fen. */
	static String perMonth(String value, String basis) {
		return "(CASE WHEN " + basis + " = 'YEAR' THEN round(" + value + " / 12, 2) ELSE " + value + " END)";
	}

	/** A standard's value per year from its value and basis in SQL: monthly × 12. */
	static String perYear(String value, String basis) {
		return "(CASE WHEN " + basis + " = 'MONTH' THEN " + value + " * 12 ELSE " + value + " END)";
	}

}
