package org.bangfu.programs.internal;

import java.math.BigDecimal;
import java.util.Map;

import org.bangfu.identification.rules.Env;
import org.bangfu.identification.rules.Fact;
import org.bangfu.identification.rules.Ratio;
import org.bangfu.identification.rules.Type;

/** A test case's household facts for the rule language (facts not given are 0 or no; programs use no standards). */
record ProgramEnv(Map<Fact, Object> facts) implements Env {

	@Override
	public Object fact(Fact fact) {
		Object v = facts.get(fact);
		if (v == null) {
			return fact.type() == Type.BOOLEAN ? Boolean.FALSE : BigDecimal.ZERO;
		}
		return v;
	}

	@Override
	public Ratio number(Fact fact) {
		Object given = facts.get(fact);
		if (fact.numerator() != null && given == null) {
			return Env.super.number(fact);
		}
		return Ratio.of(given == null ? BigDecimal.ZERO : (BigDecimal) given);
	}

	@Override
	public StandardValue standard(String kind) {
		return null;
	}

}
