package org.bangfu.identification.rules;

import java.math.BigDecimal;

import org.bangfu.identification.StandardBasis;

/** What an expression is evaluated against: one household's facts and the standards that apply to it. */
public interface Env {

	/** The fact's value: a BigDecimal for numbers, a Boolean for yes/no; never null. */
	Object fact(Fact fact);

	/**
	 * A number fact's exact value. A derived fact ({@link Fact#numerator()}) is derived from its
	 * parts: numerator ÷ size (0 for an empty household) or numerator ÷ 12 ({@link Fact#per()}); an environment that was given the
	 * fact itself (a test case, a decision recorded before facts were exact) may answer that.
	 */
	default Ratio number(Fact fact) {
		if (fact.per() == Fact.Per.TWELVE) {
			return Ratio.quotient((BigDecimal) fact(fact.numerator()), TWELVE);
		}
		if (fact.numerator() != null) {
			return perCapita((BigDecimal) fact(fact.numerator()), (BigDecimal) fact(Fact.SIZE));
		}
		return Ratio.of((BigDecimal) fact(fact));
	}

	/** 12, for a year's figure per month. */
	BigDecimal TWELVE = BigDecimal.valueOf(12);

	/** income ÷ size exactly, 0 when size is 0 (as the SQL translation). */
	static Ratio perCapita(BigDecimal income, BigDecimal size) {
		return size.signum() == 0 ? Ratio.ZERO : Ratio.quotient(income, size);
	}

	/** The standard of the kind that applies, or null when none is set for the region and date. */
	StandardValue standard(String kind);

	/** A standard's value and what it is per. */
	record StandardValue(BigDecimal value, StandardBasis basis) {
	}

}
