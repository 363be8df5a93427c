package org.bangfu.identification.rules;

import java.math.BigDecimal;

import org.bangfu.identification.StandardBasis;

/** What an expression is evaluated against: one household's facts and the standards that apply to it. */
public interface Env {

	/** The fact's value: a BigDecimal for numbers, a Boolean for yes/no; never null. */
	Object fact(Fact fact);

	/** The standard of the kind that applies, or null when none is set for the region and date. */
	StandardValue standard(String kind);

	/** A standard's value and what it is per. */
	record StandardValue(BigDecimal value, StandardBasis basis) {
	}

}
