package org.bangfu.identification.internal;

import java.math.BigDecimal;
import java.util.Map;

import org.bangfu.identification.StandardView;
import org.bangfu.identification.rules.Env;
import org.bangfu.identification.rules.Fact;

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

	@Override
	public StandardValue standard(String kind) {
		return standards.get(kind);
	}

}
