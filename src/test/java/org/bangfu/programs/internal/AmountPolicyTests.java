package org.bangfu.programs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.bangfu.identification.rules.Fact;
import org.bangfu.programs.AmountRow;
import org.bangfu.programs.BeneficiaryUnit;
import org.bangfu.programs.MemberCondition;
import org.bangfu.programs.ProgramContent;
import org.bangfu.programs.ProgramForm;
import org.bangfu.programs.ProgramLimits;
import org.bangfu.programs.Rounding;
import org.bangfu.programs.SecondGrant;
import org.bangfu.programs.TestMember;
import org.bangfu.shared.BangfuException;
import org.junit.jupiter.api.Test;

/** The amount rule's steps one by one: special members, rounding once, per-person caps, bad rules. */
class AmountPolicyTests {

	static ProgramContent program(BeneficiaryUnit unit, List<AmountRow> rows, ProgramLimits limits, Rounding rounding, String bonus) {
		return new ProgramContent("测试", "Test", null, null, ProgramForm.CASH, null, "true", unit, null, rows, limits, rounding,
				bonus == null ? null : new BigDecimal(bonus), List.of(), null);
	}

	static AmountRow row(String condition, String amount) {
		return new AmountRow(condition, null, amount, null, false, "行", "row");
	}

	static TestMember member(int age, String schooling) {
		return new TestMember(null, age, schooling, null, null, null, List.of());
	}

	@Test
	void specialMembersGetTwentyPercentMoreAndTheAmountIsRoundedOnce() {
		ProgramContent c = program(BeneficiaryUnit.PERSON, List.of(row("true", "income_month / 3")), ProgramLimits.NONE,
				Rounding.FEN, "20");
		// 101 / 3 = 33.666…: an adult gets 33.67; a pupil 33.666… × 1.2 = 40.40 exactly, rounded once at the end
		ProgramEnv env = new ProgramEnv(Map.of(Fact.INCOME_MONTH, new BigDecimal("101.00")));
		List<AmountPolicy.Line> lines = AmountPolicy.lines(c, ProgramRules.compile(c), env,
				List.of(member(40, null), member(10, "PRIMARY")), 1, 0, 0);
		assertThat(lines).extracting(AmountPolicy.Line::amountFen).containsExactly(3367L, 4040L);
		// the exact quotient is kept through the expression and the bonus: 100 / 3 × 2 × 1.2 = 80.00 exactly
		ProgramContent twice = program(BeneficiaryUnit.PERSON, List.of(row("true", "income_month / 3 * 2")), ProgramLimits.NONE,
				Rounding.FEN, "20");
		List<AmountPolicy.Line> exact = AmountPolicy.lines(twice, ProgramRules.compile(twice),
				new ProgramEnv(Map.of(Fact.INCOME_MONTH, new BigDecimal("100.00"))), List.of(member(10, "PRIMARY")), 1, 0, 0);
		assertThat(exact).extracting(AmountPolicy.Line::amountFen).containsExactly(8000L);
	}

	@Test
	void roundingByTheProgramsRule() {
		assertThat(AmountPolicy.fen(new BigDecimal("33.505"), Rounding.FEN)).isEqualTo(3351);
		assertThat(AmountPolicy.fen(new BigDecimal("33.50"), Rounding.YUAN)).isEqualTo(3400);
		assertThat(AmountPolicy.fen(new BigDecimal("33.99"), Rounding.YUAN_DOWN)).isEqualTo(3300);
	}

	@Test
	void aHouseholdCapIsSharedByItsMembersInOrder() {
		ProgramContent c = program(BeneficiaryUnit.PERSON, List.of(row("true", "300")),
				new ProgramLimits(null, new BigDecimal("700"), new BigDecimal("250"), false, SecondGrant.ALLOWED), Rounding.FEN, null);
		List<AmountPolicy.Line> lines = AmountPolicy.lines(c, ProgramRules.compile(c), new ProgramEnv(Map.of()),
				List.of(member(40, null), member(41, null), member(42, null), member(43, null)), 1, 100_00, 0);
		// person cap 250 each; household 700 − 100 paid: 600 left, by computed amounts 300 each in order → 250, 250, 0 (dropped)
		assertThat(lines).extracting(AmountPolicy.Line::amountFen).containsExactly(25000L, 25000L);
		assertThat(lines).allMatch(AmountPolicy.Line::capped);
	}

	@Test
	void aQualifyingMemberRowNeedsItsMemberCondition() {
		MemberCondition pupils = new MemberCondition(null, null, List.of("PRIMARY"), null, null, null, null);
		AmountRow r = new AmountRow("true", pupils, "500", new BigDecimal("1000"), false, "小学生", "pupil");
		ProgramContent c = program(BeneficiaryUnit.PERSON, List.of(r), ProgramLimits.NONE, Rounding.FEN, null);
		List<AmountPolicy.Line> lines = AmountPolicy.lines(c, ProgramRules.compile(c), new ProgramEnv(Map.of()),
				List.of(member(40, null), member(9, "PRIMARY")), 1, 0, 0);
		assertThat(lines).singleElement().satisfies(l -> {
			assertThat(l.member()).isEqualTo(1);
			assertThat(l.amountFen()).isEqualTo(50000);
			assertThat(l.rangeMaxFen()).isEqualTo(100000);
			assertThat(l.needsReason()).isTrue();
		});
	}

	@Test
	void badRulesAreRefusedOnTheirField() {
		ProgramContent c = program(BeneficiaryUnit.HOUSEHOLD, List.of(row("size >", "200")), ProgramLimits.NONE, Rounding.FEN, null);
		assertThatThrownBy(() -> ProgramRules.compile(c)).isInstanceOf(BangfuException.class)
			.satisfies(e -> assertThat(((BangfuException) e).field()).isEqualTo("rows[0].condition"));
		ProgramContent d = program(BeneficiaryUnit.HOUSEHOLD, List.of(row("true", "cat_dibao")), ProgramLimits.NONE, Rounding.FEN, null);
		assertThatThrownBy(() -> ProgramRules.compile(d)).isInstanceOf(BangfuException.class)
			.satisfies(e -> assertThat(((BangfuException) e).field()).isEqualTo("rows[0].amount"));
		MemberCondition evil = new MemberCondition(null, null, null, null, null, List.of("x' OR '1'='1"), null);
		ProgramContent e = program(BeneficiaryUnit.PERSON, List.of(new AmountRow("true", evil, "1", null, false, "r", "r")),
				ProgramLimits.NONE, Rounding.FEN, null);
		assertThatThrownBy(() -> ProgramRules.compile(e)).isInstanceOf(BangfuException.class);
	}

}
