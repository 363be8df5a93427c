package org.bangfu.identification.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;

import org.bangfu.identification.internal.MapEnv;
import org.junit.jupiter.api.Test;

/**
 * The language's arithmetic against a BigDecimal reference, over random amounts and at the
 * boundaries a division creates: no quotient is rounded, a comparison is exact, and round2
 * rounds half away from zero to the fen exactly where a rule asks for it.
 */
class ExactArithmeticPropertiesTests {

	static final Set<String> KINDS = Set.of("dibao_urban");

	static BigDecimal fen(long fen) {
		return BigDecimal.valueOf(fen, 2);
	}

	static Object eval(String source, Map<Fact, Object> facts) {
		return Expression.compile(source, KINDS).eval(new MapEnv(facts, Map.of()));
	}

	@Test
	void aPerCapitaIncomeIsBelowALineExactlyWhenIncomeIsBelowLineTimesSize() {
		qt().withExamples(3000).forAll(integers().between(1, 200_000), integers().between(1, 9), integers().between(-9, 9))
			.checkAssert((lineFen, size, deltaFen) -> {
				BigDecimal line = fen(lineFen);
				// incomes within a few fen of size × line: the quotient lies within a fraction of a fen of the line
				BigDecimal income = line.multiply(BigDecimal.valueOf(size)).add(fen(deltaFen));
				Map<Fact, Object> facts = Map.of(Fact.INCOME_MONTH, income, Fact.SIZE, BigDecimal.valueOf(size),
						Fact.SAVINGS, line);
				boolean below = income.compareTo(line.multiply(BigDecimal.valueOf(size))) < 0;
				assertThat(eval("per_capita_income_month < savings", facts)).as("%s / %d < %s", income, size, line).isEqualTo(below);
				assertThat(eval("income_month / size < savings", facts)).isEqualTo(below);
				assertThat(eval("income_month / size = savings", facts))
					.isEqualTo(income.compareTo(line.multiply(BigDecimal.valueOf(size))) == 0);
			});
	}

	@Test
	void aQuotientTimesItsDivisorIsTheDividendAgain() {
		qt().withExamples(2000).forAll(longs().between(-100_000_000L, 100_000_000L), longs().between(-9_999, 9_999)
			.assuming(d -> d != 0)).checkAssert((a, b) -> {
				Map<Fact, Object> facts = Map.of(Fact.INCOME_MONTH, fen(a), Fact.SAVINGS, fen(b));
				assertThat(eval("income_month / savings * savings = income_month", facts)).isEqualTo(true);
				assertThat(eval("income_month / savings / 7 * 7 * savings - income_month = 0", facts)).isEqualTo(true);
			});
	}

	@Test
	void round2IsTheReferenceHalfUpRoundingOfTheExactQuotient() {
		qt().withExamples(3000).forAll(longs().between(-100_000_000L, 100_000_000L), integers().between(1, 999))
			.checkAssert((a, b) -> {
				Map<Fact, Object> facts = Map.of(Fact.INCOME_MONTH, fen(a), Fact.SIZE, BigDecimal.valueOf(b));
				BigDecimal expected = fen(a).divide(BigDecimal.valueOf(b), 2, RoundingMode.HALF_UP);
				assertThat((BigDecimal) eval("round2(income_month / size)", facts)).isEqualByComparingTo(expected);
			});
	}

	@Test
	void sumsOfQuotientsCompareExactly() {
		qt().withExamples(2000).forAll(integers().between(1, 99), integers().between(1, 99), integers().between(1, 99),
				integers().between(1, 99)).checkAssert((a, b, c, d) -> {
					Map<Fact, Object> facts = Map.of(Fact.INCOME_MONTH, BigDecimal.valueOf(a), Fact.SIZE, BigDecimal.valueOf(b),
							Fact.SAVINGS, BigDecimal.valueOf(c), Fact.VEHICLES, BigDecimal.valueOf(d));
					// a/b + c/d vs 1 in integers: a·d + c·b vs b·d
					int reference = Integer.compare(a * d + c * b, b * d);
					assertThat(eval("income_month / size + savings / vehicles < 1", facts)).isEqualTo(reference < 0);
					assertThat(eval("income_month / size + savings / vehicles = 1", facts)).isEqualTo(reference == 0);
					assertThat(eval("min(income_month / size, savings / vehicles) * size * vehicles <= income_month * vehicles", facts))
						.isEqualTo(true);
				});
	}

}
