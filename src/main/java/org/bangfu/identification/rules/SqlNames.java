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
		String v = standardValue(kind);
		return "(CASE WHEN " + standardBasis(kind) + " = 'YEAR' THEN round(" + v + " / 12, 2) ELSE " + v + " END)";
	}

	/** Its value per year (a monthly figure × 12); see {@link #standardMonth(String)}. */
	default String standardYear(String kind) {
		String v = standardValue(kind);
		return "(CASE WHEN " + standardBasis(kind) + " = 'MONTH' THEN " + v + " * 12 ELSE " + v + " END)";
	}

}
