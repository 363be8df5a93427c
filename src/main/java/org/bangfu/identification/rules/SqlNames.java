package org.bangfu.identification.rules;

/** Where the translated SQL finds facts and resolved standards (column references, never user text). */
public interface SqlNames {

	/** e.g. {@code f.income_year}. */
	String fact(Fact fact);

	/** The column holding the value of the resolved standard of a kind, e.g. {@code s.k0_v}. */
	String standardValue(String kind);

	/** The column holding its basis ('MONTH', 'YEAR', 'RATIO'). */
	String standardBasis(String kind);

}
