package org.bangfu.identification.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bangfu.identification.StandardBasis;
import org.junit.jupiter.api.Test;

/**
 * Properties of the rules at their lines: exactly at a line, one fen below and one fen above,
 * for any line and any household size; yearly standards turned monthly the same way.
 */
class BoundaryPropertiesTests {

	static final Set<String> KINDS = Set.of("dibao_urban", "dibao_rural", "near_dibao_multiplier");

	static final CompiledRules UNION = CompiledRules.compile(List.of(
			"(income_year - essential_spending_year) / 12 / size < std_month('dibao_urban')",
			"(income_year - essential_spending_year) / 12 / size < 2 * std_month('dibao_urban')"), KINDS);

	static final CompiledRules NEAR = CompiledRules.compile(List.of(
			"per_capita_income_month < if(rural_hukou, std_month('dibao_rural'), std_month('dibao_urban'))",
			"per_capita_income_month < std('near_dibao_multiplier') * if(rural_hukou, std_month('dibao_rural'), std_month('dibao_urban'))"),
			KINDS);

	static BigDecimal fen(long fen) {
		return BigDecimal.valueOf(fen, 2);
	}

	static Env env(Map<Fact, Object> facts, Map<String, Env.StandardValue> standards) {
		return RuleLanguageTests.env(facts, standards);
	}

	@Test
	void perCapitaNetIncomeAgainstTheDibaoLineAtEveryBoundary() {
		qt().withExamples(2000).forAll(integers().between(100, 500_000), integers().between(1, 8), integers().between(-1, 1),
				integers().between(0, 2_000_000))
			.checkAssert((lineFen, size, delta, rentFen) -> {
				BigDecimal line = fen(lineFen);
				BigDecimal rent = fen(rentFen);
				for (BigDecimal target : List.of(line, line.multiply(BigDecimal.valueOf(2)))) {
					BigDecimal perCapita = target.add(fen(delta));
					BigDecimal income = perCapita.multiply(BigDecimal.valueOf(12L * size)).add(rent);
					Env env = env(Map.of(Fact.INCOME_YEAR, income, Fact.ESSENTIAL_SPENDING_YEAR, rent, Fact.SIZE,
							BigDecimal.valueOf(size)), Map.of("dibao_urban", new Env.StandardValue(line, StandardBasis.MONTH)));
					int row = UNION.match(env);
					int expected = perCapita.compareTo(line) < 0 ? 1 : perCapita.compareTo(line.multiply(BigDecimal.valueOf(2))) < 0 ? 2 : 0;
					assertThat(row).as("line %s size %d per capita %s", line, size, perCapita).isEqualTo(expected);
					assertThat(UNION.evaluate(env, Words.ZH).matchedRow()).isEqualTo(row);
				}
			});
	}

	@Test
	void aYearlyRuralLineIsComparedPerMonthExactlyNotRoundedToTheFen() {
		qt().withExamples(2000).forAll(integers().between(1200, 2_000_000), integers().between(-1, 1), integers().between(0, 1),
				integers().between(1, 6))
			.checkAssert((yearFen, delta, near, size) -> {
				BigDecimal year = fen(yearFen);
				BigDecimal factor = near == 1 ? new BigDecimal("1.5") : BigDecimal.ONE;
				// a household income around size × the line per month, to the fen: per capita = income ÷ size
				BigDecimal income = year.multiply(factor).multiply(BigDecimal.valueOf(size))
					.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP).add(fen(delta));
				Env env = env(Map.of(Fact.INCOME_MONTH, income, Fact.SIZE, BigDecimal.valueOf(size), Fact.RURAL_HUKOU, true),
						Map.of("dibao_rural", new Env.StandardValue(year, StandardBasis.YEAR), "near_dibao_multiplier",
								new Env.StandardValue(new BigDecimal("1.5"), StandardBasis.RATIO)));
				// the reference, in integers of fen: income / size < year / 12 ⇔ 12 × income < year × size
				BigDecimal twelveIncome = income.multiply(BigDecimal.valueOf(12));
				BigDecimal yearSize = year.multiply(BigDecimal.valueOf(size));
				int expected = twelveIncome.compareTo(yearSize) < 0 ? 1
						: twelveIncome.compareTo(yearSize.multiply(new BigDecimal("1.5"))) < 0 ? 2 : 0;
				assertThat(NEAR.match(env)).as("yearly %s income %s size %d", year, income, size).isEqualTo(expected);
			});
	}

	@Test
	void anUrbanHouseholdNeedsOnlyTheUrbanLineAndARuralOneOnlyTheRuralLine() {
		qt().withExamples(500).forAll(integers().between(0, 100_000), integers().between(0, 1)).checkAssert((pcFen, rural) -> {
			Env onlyOther = env(Map.of(Fact.PER_CAPITA_INCOME_MONTH, fen(pcFen), Fact.RURAL_HUKOU, rural == 1),
					Map.of(rural == 1 ? "dibao_urban" : "dibao_rural",
							new Env.StandardValue(new BigDecimal("300"), rural == 1 ? StandardBasis.MONTH : StandardBasis.YEAR),
							"near_dibao_multiplier", new Env.StandardValue(new BigDecimal("1.5"), StandardBasis.RATIO)));
			assertThat(NEAR.match(onlyOther)).isEqualTo(CompiledRules.UNDECIDED);
		});
	}

}
