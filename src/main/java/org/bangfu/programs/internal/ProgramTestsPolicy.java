package org.bangfu.programs.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.bangfu.identification.rules.Fact;
import org.bangfu.identification.rules.Type;
import org.bangfu.identification.rules.Words;
import org.bangfu.programs.ProgramContent;
import org.bangfu.programs.ProgramTestCase;
import org.bangfu.programs.ProgramTestResult;
import org.bangfu.shared.BangfuException;

/** Runs a program's test cases through {@link AmountPolicy}: each must give exactly its expected amounts, in order. */
public final class ProgramTestsPolicy {

	private ProgramTestsPolicy() {
	}

	public static List<ProgramTestResult> run(ProgramContent content, Locale locale) {
		ProgramRules rules = ProgramRules.compile(content);
		List<ProgramTestResult> out = new ArrayList<>();
		List<ProgramTestCase> cases = content.casesOrEmpty();
		for (int i = 0; i < cases.size(); i++) {
			ProgramTestCase tc = cases.get(i);
			String expected = amounts(tc.expectedOrEmpty());
			ProgramEnv env = env(tc);
			int months = tc.months() == null ? 1 : tc.months();
			long paid = tc.paidThisYear() == null ? 0 : tc.paidThisYear().movePointRight(2).longValue();
			List<AmountPolicy.Line> lines = AmountPolicy.lines(content, rules, env, tc.membersOrEmpty(), months, paid, 0);
			String actual = amounts(lines.stream().map(l -> BigDecimal.valueOf(l.amountFen(), 2)).toList());
			String reason = lines.stream()
				.map(l -> "#" + l.row() + " " + content.rows().get(l.row() - 1).label(locale)
						+ (l.member() == null ? "" : " (" + memberName(tc, l.member()) + ")") + " "
						+ Words.number(BigDecimal.valueOf(l.amountFen(), 2)) + (l.capped() ? " ≤" : "")
						+ (l.rangeMaxFen() != null ? " ~ " + Words.number(BigDecimal.valueOf(l.rangeMaxFen(), 2)) : ""))
				.collect(Collectors.joining("; "));
			boolean passed = lines.size() == tc.expectedOrEmpty().size() && java.util.stream.IntStream.range(0, lines.size())
				.allMatch(k -> BigDecimal.valueOf(lines.get(k).amountFen(), 2).compareTo(tc.expectedOrEmpty().get(k)) == 0);
			out.add(new ProgramTestResult(i + 1, tc.name(), expected, actual, passed, reason));
		}
		return out;
	}

	private static String memberName(ProgramTestCase tc, int index) {
		String name = tc.membersOrEmpty().get(index).name();
		return name == null ? String.valueOf(index + 1) : name;
	}

	private static String amounts(List<BigDecimal> values) {
		return values.isEmpty() ? "—" : values.stream().map(v -> Words.number(v.setScale(Math.max(2, v.scale()))))
			.collect(Collectors.joining(", "));
	}

	/** The case's facts (others 0 / no); fails on the field testCases for an unknown fact or a bad value. */
	static ProgramEnv env(ProgramTestCase tc) {
		Map<Fact, Object> facts = new HashMap<>();
		if (tc.facts() != null) {
			tc.facts().forEach((name, value) -> {
				Fact f = Fact.named(name)
					.orElseThrow(() -> BangfuException.badField("testCases", "programs.case.unknownFact", tc.name(), name));
				facts.put(f, value(tc, f, value));
			});
		}
		return new ProgramEnv(facts);
	}

	private static Object value(ProgramTestCase tc, Fact f, Object value) {
		if (f.type() == Type.BOOLEAN) {
			String s = String.valueOf(value);
			if ("true".equals(s) || "false".equals(s)) {
				return Boolean.valueOf(s);
			}
			throw BangfuException.badField("testCases", "programs.case.factValue", tc.name(), f.column(), value);
		}
		try {
			return new BigDecimal(String.valueOf(value));
		}
		catch (NumberFormatException ex) {
			throw BangfuException.badField("testCases", "programs.case.factValue", tc.name(), f.column(), value);
		}
	}

	/** Checks every case's facts and members (before saving). */
	static void check(ProgramContent content) {
		for (ProgramTestCase tc : content.casesOrEmpty()) {
			env(tc);
			if (tc.months() != null && tc.months() < 1) {
				throw BangfuException.badField("testCases", "programs.case.months", tc.name());
			}
		}
	}

	/** Validates content: compiles rules and checks the test cases. */
	public static void validate(ProgramContent content) {
		ProgramRules.compile(content);
		check(content);
	}

}
