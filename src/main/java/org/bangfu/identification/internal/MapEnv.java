package org.bangfu.identification.internal;

import java.math.BigDecimal;
import java.util.Map;

import org.bangfu.identification.StandardView;
import org.bangfu.identification.rules.Env;
import org.bangfu.identification.rules.Fact;
import org.bangfu.identification.rules.Ratio;

/** Facts and standards held in maps: a household's, a test case's or a stored snapshot's. */
public record MapEnv(Map<Fact, Object> facts, Map<String, StandardValue> standards) implements Env {

	public static MapEnv of(Map<Fact, Object> facts, Map<String, StandardView> standards) {
		Map<String, StandardValue> values = new java.util.HashMap<>();
		standards.forEach((k, s) -> values.put(k, new StandardValue(s.value(), s.basis())));
		return new MapEnv(facts, values);
	}

	@Override
	public Object fact(Fact fact) {
		Object v = facts.get(fact);
		if (v == null) {
			return fact.type() == org.bangfu.identification.rules.Type.BOOLEAN ? Boolean.FALSE : BigDecimal.ZERO;
		}
		return v;
	}

	/** A per-capita fact given itself (a test case, an older recorded decision) is read as given, else derived. */
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
		return standards.get(kind);
	}

}
