package org.bangfu.programs.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.identification.rules.Env;
import org.bangfu.identification.rules.Ratio;
import org.bangfu.programs.AmountRow;
import org.bangfu.programs.BeneficiaryUnit;
import org.bangfu.programs.ProgramContent;
import org.bangfu.programs.ProgramLimits;
import org.bangfu.programs.Rounding;
import org.bangfu.programs.SecondGrant;
import org.bangfu.programs.TestMember;

/**
 * The amount rule for one household in Java: who gets a line, from which row, how much, and
 * which limit cut it. The roster's SQL ({@link RosterSql}) computes the same set-based; test
 * cases run here. Steps, in order: the target must hold; beneficiaries are the household, every
 * member, or the qualifying members (in member order); the first row whose condition (and member
 * condition) holds gives the amount, × months for a per-month row, × (100 + bonus) % for a
 * special member of a per-member program, rounded once by the program's rule (never below 0);
 * then the limits: the cap per grant, what is left of the yearly caps and of the out-of-pocket
 * cost after this year's approved payments and the household's earlier lines of this cycle
 * (their computed amounts); a range row proposes its lower end and may go up to its upper end
 * within the same limits; a second grant in a year is flagged or refused as the program says.
 */
public final class AmountPolicy {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private AmountPolicy() {
	}

	/** A line: the member's index (null for the household), its row (1-based) and amounts in fen. */
	public record Line(Integer member, int row, long computedFen, long amountFen, Long rangeMaxFen, boolean capped,
			boolean secondGrant) {

		public boolean needsReason() {
			return rangeMaxFen != null || secondGrant;
		}

	}

	public static List<Line> lines(ProgramContent c, ProgramRules rules, Env env, List<TestMember> members, int months,
			long paidHouseholdFen, long paidPersonFen) {
		List<Line> out = new ArrayList<>();
		if (!Boolean.TRUE.equals(rules.target().eval(env))) {
			return out;
		}
		ProgramLimits limits = c.limitsOrNone();
		boolean second = paidHouseholdFen > 0;
		if (second && limits.secondGrantOrAllowed() == SecondGrant.NEVER) {
			return out;
		}
		List<Integer> who = new ArrayList<>();
		if (c.unit() == BeneficiaryUnit.HOUSEHOLD) {
			who.add(null);
		}
		else {
			for (int i = 0; i < members.size(); i++) {
				if (c.unit() == BeneficiaryUnit.PERSON || MemberConditionPolicy.test(c.memberOrAny(), members.get(i))) {
					who.add(i);
				}
			}
		}
		long before = 0;
		for (Integer m : who) {
			int row = 0;
			for (int i = 0; i < c.rows().size() && row == 0; i++) {
				AmountRow r = c.rows().get(i);
				boolean memberOk = m == null || MemberConditionPolicy.test(r.memberOrAny(), members.get(m));
				if (memberOk && Boolean.TRUE.equals(rules.conditions().get(i).eval(env))) {
					row = i + 1;
				}
			}
			if (row == 0) {
				continue;
			}
			AmountRow r = c.rows().get(row - 1);
			Object value = rules.amounts().get(row - 1).exact(env);
			if (!(value instanceof Ratio amount)) {
				continue;
			}
			if (r.perMonth()) {
				amount = amount.multiply(Ratio.of(BigDecimal.valueOf(months)));
			}
			if (m != null && c.bonusOrZero().signum() > 0 && MemberConditionPolicy.special(members.get(m))) {
				amount = amount.multiply(Ratio.of(HUNDRED.add(c.bonusOrZero()).divide(HUNDRED)));
			}
			long base = Math.max(0, fen(amount.toBigDecimal(), c.roundingOrFen()));
			Long cap = cap(limits, env, paidHouseholdFen, paidPersonFen, before);
			before += base;
			long amountFen = cap == null ? base : Math.min(base, cap);
			Long rangeMax = null;
			if (r.range()) {
				long max = r.rangeMax().movePointRight(2).longValueExact();
				rangeMax = cap == null ? max : Math.min(max, cap);
				amountFen = Math.min(amountFen, rangeMax);
			}
			if ((rangeMax == null ? amountFen : rangeMax) <= 0) {
				continue;
			}
			boolean flagged = second && limits.secondGrantOrAllowed() == SecondGrant.SPECIAL_CASES_ONLY;
			out.add(new Line(m, row, base, amountFen, rangeMax, amountFen < base, flagged));
		}
		return out;
	}

	/** The lowest limit left for a line (null when none applies), never below 0. */
	private static Long cap(ProgramLimits limits, Env env, long paidHousehold, long paidPerson, long before) {
		Long cap = null;
		cap = min(cap, fen(limits.capPerGrant()));
		if (limits.capPerYearHousehold() != null) {
			cap = min(cap, fen(limits.capPerYearHousehold()) - paidHousehold - before);
		}
		if (limits.capPerYearPerson() != null) {
			cap = min(cap, fen(limits.capPerYearPerson()) - paidPerson);
		}
		if (limits.outOfPocket()) {
			BigDecimal oop = ((BigDecimal) env.fact(org.bangfu.identification.rules.Fact.MEDICAL_SPENDING_YEAR))
				.add((BigDecimal) env.fact(org.bangfu.identification.rules.Fact.SUDDEN_COSTS_YEAR));
			cap = min(cap, oop.movePointRight(2).setScale(0, RoundingMode.DOWN).longValueExact() - paidHousehold - before);
		}
		return cap == null ? null : Math.max(0, cap);
	}

	private static Long min(Long a, Long b) {
		if (a == null) {
			return b;
		}
		return b == null ? a : Math.min(a, b);
	}

	private static Long fen(BigDecimal yuan) {
		return yuan == null ? null : yuan.movePointRight(2).setScale(0, RoundingMode.DOWN).longValueExact();
	}

	/** An amount in yuan rounded once by the program's rule, in fen. */
	static long fen(BigDecimal yuan, Rounding rounding) {
		return switch (rounding) {
			case FEN -> yuan.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
			case YUAN -> yuan.setScale(0, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
			case YUAN_DOWN -> yuan.setScale(0, RoundingMode.FLOOR).movePointRight(2).longValueExact();
		};
	}

}
