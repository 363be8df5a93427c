package org.bangfu.identification.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.bangfu.identification.StandardBasis;
import org.bangfu.shared.BangfuException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The rule language: what it accepts, what it refuses (and says why), and what it computes. */
class RuleLanguageTests {

	static final Set<String> KINDS = Set.of("dibao_urban", "dibao_rural", "poverty_line", "near_dibao_multiplier");

	static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

	static {
		MESSAGES.setBasename("i18n/identification");
		MESSAGES.setDefaultEncoding("UTF-8");
		MESSAGES.setFallbackToSystemLocale(false);
	}

	static String refusal(String source, Locale locale) {
		try {
			Expression.condition(source, KINDS);
		}
		catch (BangfuException ex) {
			return MESSAGES.getMessage(ex.messageKey(), ex.args(), locale);
		}
		throw new AssertionError("accepted: " + source);
	}

	/** Facts given (others 0 or no; a per-capita fact not given is derived from income and size) and standards. */
	static Env env(Map<Fact, Object> facts, Map<String, Env.StandardValue> standards) {
		return new org.bangfu.identification.internal.MapEnv(facts, standards);
	}

	/** Chinese words with the bundle's fact names, as an explanation uses them. */
	static final Words NAMED = Words.ZH.named(f -> MESSAGES.getMessage(f.messageKey(), null, Locale.SIMPLIFIED_CHINESE),
			k -> k.equals("dibao_urban") ? "城市低保标准" : k.equals("dibao_rural") ? "农村低保标准" : k);

	@Test
	void theWorkedExampleIsExplainedWithItsValues() {
		Expression e = Expression.condition(
				"(income_year - essential_spending_year) / 12 / size < 2 * std_month('dibao_urban')", KINDS);
		Env env = env(Map.of(Fact.INCOME_YEAR, new BigDecimal("24000.00"), Fact.ESSENTIAL_SPENDING_YEAR,
				new BigDecimal("6000.00"), Fact.SIZE, new BigDecimal("3")),
				Map.of("dibao_urban", new Env.StandardValue(new BigDecimal("300.0000"), StandardBasis.MONTH)));
		assertThat(e.eval(env)).isEqualTo(true);
		assertThat(e.render(env, NAMED))
			.isEqualTo("(家庭年收入 24,000.00 − 年刚性支出 6,000.00) ÷ 12 ÷ 家庭人口 3 = 500.00 < 2 × 城市低保标准 300.00 = 600.00 ✓");
		assertThat(e.facts()).containsExactly(Fact.INCOME_YEAR, Fact.ESSENTIAL_SPENDING_YEAR, Fact.SIZE);
		assertThat(e.kinds()).containsExactly("dibao_urban");
	}

	@Test
	void aYearlyStandardIsTurnedIntoAMonthlyOneAndBack() {
		Env env = env(Map.of(), Map.of("dibao_rural", new Env.StandardValue(new BigDecimal("1800"), StandardBasis.YEAR),
				"dibao_urban", new Env.StandardValue(new BigDecimal("300"), StandardBasis.MONTH)));
		assertThat((BigDecimal) Expression.compile("std_month('dibao_rural')", KINDS).eval(env)).isEqualByComparingTo("150");
		assertThat(Expression.compile("std_year('dibao_urban')", KINDS).eval(env)).isEqualTo(new BigDecimal("3600"));
		assertThat(Expression.compile("std('dibao_rural')", KINDS).eval(env)).isEqualTo(new BigDecimal("1800"));
	}

	@Test
	void aYearlyStandardPerMonthIsNotRoundedToTheFen() {
		Env env = env(Map.of(Fact.INCOME_MONTH, new BigDecimal("416.67"), Fact.SIZE, BigDecimal.ONE),
				Map.of("dibao_rural", new Env.StandardValue(new BigDecimal("5000"), StandardBasis.YEAR)));
		// 5,000 ÷ 12 = 416.666…: a household with 416.67 a head is above it, though rounded it would be 'equal'
		assertThat(Expression.condition("per_capita_income_month > std_month('dibao_rural')", KINDS).eval(env)).isEqualTo(true);
		assertThat(Expression.condition("per_capita_income_month = round2(std_month('dibao_rural'))", KINDS).eval(env)).isEqualTo(true);
		assertThat(Expression.compile("std_month('dibao_rural')", KINDS).render(env, NAMED)).isEqualTo("农村低保标准（按月） 416.666666…");
	}

	@Test
	void divisionIsExactAndDivisionByZeroHasNoValue() {
		Env env = env(Map.of(Fact.INCOME_MONTH, new BigDecimal("899.99"), Fact.SIZE, new BigDecimal("3")), Map.of());
		// 899.99 ÷ 3 = 299.99666…: below a 300 line, though rounded to the fen it would read 300.00
		assertThat(Expression.condition("income_month / size < 300", KINDS).eval(env)).isEqualTo(true);
		assertThat(Expression.condition("per_capita_income_month < 300", KINDS).eval(env)).isEqualTo(true);
		assertThat(Expression.condition("income_month / size * size = income_month", KINDS).eval(env)).isEqualTo(true);
		assertThat(Expression.condition("1 / 3 + 1 / 3 + 1 / 3 = 1", KINDS).eval(env)).isEqualTo(true);
		assertThat(Expression.condition("round2(income_month / size) < 300", KINDS).eval(env)).isEqualTo(false);
		assertThat((BigDecimal) Expression.compile("200.00 / 8", KINDS).eval(env)).isEqualByComparingTo("25");
		assertThat(Expression.condition("income_month / size < 300", KINDS).render(env, Words.EN))
			.isEqualTo("income_month 899.99 ÷ size 3 = 299.996666… < 300 ✓");
		assertThat(Expression.compile("income_month / earner_count", KINDS).eval(env)).isNull();
		Expression cmp = Expression.condition("income_month / earner_count < 5", KINDS);
		assertThat(cmp.eval(env)).isNull();
		assertThat(cmp.render(env, Words.EN)).isEqualTo("income_month 899.99 ÷ earner_count 0 = no value < 5 ?");
		assertThat(Expression.condition("income_month / earner_count < 5 or size = 3", KINDS).eval(env)).isEqualTo(true);
		assertThat(Expression.condition("income_month / earner_count < 5 and size = 3", KINDS).eval(env)).isNull();
		assertThat(Expression.condition("income_month / earner_count < 5 and size = 4", KINDS).eval(env)).isEqualTo(false);
	}

	@Test
	void round2RoundsHalfAwayFromZeroOnlyWhereARuleSaysSo() {
		Env env = env(Map.of(Fact.INCOME_MONTH, new BigDecimal("0.125"), Fact.SAVINGS, new BigDecimal("-0.125")), Map.of());
		assertThat(Expression.compile("round2(income_month)", KINDS).eval(env)).isEqualTo(new BigDecimal("0.13"));
		assertThat(Expression.compile("round2(savings)", KINDS).eval(env)).isEqualTo(new BigDecimal("-0.13"));
		assertThat(Expression.compile("round2(2 / 3)", KINDS).eval(env)).isEqualTo(new BigDecimal("0.67"));
		assertThat(Expression.compile("round2(-2 / 3)", KINDS).eval(env)).isEqualTo(new BigDecimal("-0.67"));
	}

	@Test
	void anExplanationNamesEveryFactWithItsValueAndShowsTheBranchTaken() {
		Env env = env(Map.of(Fact.OWN_HOME, false, Fact.RENTING, true, Fact.INCOME_MONTH, new BigDecimal("250.00"),
				Fact.SIZE, BigDecimal.ONE),
				Map.of("dibao_urban", new Env.StandardValue(new BigDecimal("300"), StandardBasis.MONTH)));
		assertThat(Expression.condition("not own_home and renting", KINDS).render(env, NAMED))
			.isEqualTo("非 (自有住房 = 否) 且 租房居住 = 是");
		assertThat(Expression.condition(
				"per_capita_income_month < if(rural_hukou, std_month('dibao_rural'), std_month('dibao_urban'))", KINDS)
			.render(env, NAMED))
			.isEqualTo("人均月收入 250.00 < (户主为农业户口 = 否，故取 城市低保标准 300) = 300 ✓");
	}

	@Test
	void whitelistedFunctionsWork() {
		Env env = env(Map.of(Fact.INCOME_MONTH, new BigDecimal("100.456"), Fact.OWN_HOME, true), Map.of());
		assertThat(Expression.compile("min(3, income_month, 7)", KINDS).eval(env)).isEqualTo(new BigDecimal("3"));
		assertThat(Expression.compile("max(3, income_month, 7)", KINDS).eval(env)).isEqualTo(new BigDecimal("100.456"));
		assertThat(Expression.compile("abs(-2.5)", KINDS).eval(env)).isEqualTo(new BigDecimal("2.5"));
		assertThat(Expression.compile("round2(income_month)", KINDS).eval(env)).isEqualTo(new BigDecimal("100.46"));
		assertThat(Expression.compile("income_month", KINDS).eval(env)).isEqualTo(new BigDecimal("100.456"));
		assertThat(Expression.compile("if(own_home, 1, 2)", KINDS).eval(env)).isEqualTo(new BigDecimal("1"));
		assertThat(Expression.condition("not own_home or income_month >= 100", KINDS).eval(env)).isEqualTo(true);
		assertThat(Expression.condition("own_home = true and !(size >= 0) || renting", KINDS).eval(env)).isEqualTo(false);
		assertThat(Expression.condition("income_month × 2 ≥ 200 且 size ≠ 1".replace("且", "and"), KINDS).eval(env))
			.isEqualTo(true);
	}

	@Test
	void codeAndLoopsAreRefusedWithAReason() {
		assertThat(refusal("T(java.lang.Runtime).getRuntime().exec('rm')", Locale.ENGLISH)).contains("“T” is not part of the rule language")
			.contains("no loops");
		assertThat(refusal("while (true) { size > 1 }", Locale.SIMPLIFIED_CHINESE)).contains("“while”不属于规则语言").contains("没有循环");
		assertThat(refusal("for (i = 0; i < 10; i++) size > i", Locale.ENGLISH)).contains("“for” is not part of the rule language");
		assertThat(refusal("size > 1; savings < 5", Locale.ENGLISH)).contains("“;” is not allowed");
		assertThat(refusal("size > 1 { }", Locale.ENGLISH)).contains("braces are not allowed");
		assertThat(refusal("income.getClass() = 1", Locale.ENGLISH)).contains("“.” is not allowed");
		assertThat(refusal("size := 3", Locale.ENGLISH)).contains("cannot assign");
		assertThat(refusal("size += 3", Locale.ENGLISH)).contains("cannot assign");
		assertThat(refusal("\"abc\" = size", Locale.ENGLISH)).contains("double quotes");
		assertThat(refusal("eval('size')", Locale.ENGLISH)).contains("“eval” is not part of the rule language");
		assertThat(refusal("system('ls') > 0", Locale.ENGLISH)).contains("“system” is not part of the rule language");
		assertThat(refusal("exit(1) > 0", Locale.ENGLISH)).contains("unknown function “exit”").contains("min, max, abs, round2, if");
		assertThat(refusal("size > 1 # comment", Locale.ENGLISH)).contains("unknown symbol “#”");
	}

	@Test
	void unknownNamesAreRefusedWithASuggestion() {
		assertThat(refusal("incme_year < 5", Locale.ENGLISH)).isEqualTo("At column 1: unknown name “incme_year”; did you mean “income_year”?");
		assertThat(refusal("size < 5 and zzz", Locale.ENGLISH)).contains("At column 14: unknown name “zzz”");
		assertThat(refusal("size < std('dibao_urbn')", Locale.SIMPLIFIED_CHINESE)).contains("没有代码为“dibao_urbn”的标准种类，是不是“dibao_urban”？");
		assertThat(refusal("size < std(dibao_urban)", Locale.ENGLISH)).contains("std(…) takes exactly one standard code in single quotes");
		assertThat(refusal("'dibao_urban' < 3", Locale.ENGLISH)).contains("may only appear inside std(");
	}

	@Test
	void typeErrorsAreRefused() {
		assertThat(refusal("own_home + 1 > 2", Locale.ENGLISH)).contains("“+” needs numbers");
		assertThat(refusal("size and own_home", Locale.ENGLISH)).contains("“and” needs yes/no");
		assertThat(refusal("size * 2", Locale.ENGLISH)).contains("must be a yes/no condition");
		assertThat(refusal("own_home = 1", Locale.ENGLISH)).contains("both sides of “=” must be numbers, or both yes/no");
		assertThat(refusal("1 < size < 3", Locale.ENGLISH)).contains("cannot be chained");
		assertThat(refusal("if(size, 1, 2) > 0", Locale.ENGLISH)).contains("needs yes/no");
		assertThat(refusal("if(own_home, 1, true)", Locale.ENGLISH)).contains("must both be numbers or both yes/no");
		assertThat(refusal("round2(1, 2) > 0", Locale.ENGLISH)).contains("round2(…) takes 1 argument");
		assertThat(refusal("size < (3", Locale.ENGLISH)).contains("“)” is missing");
		assertThat(refusal("size < 3)", Locale.ENGLISH)).contains("the condition is complete but “)” follows");
		assertThat(refusal("size <", Locale.ENGLISH)).contains("ends too early");
		assertThat(refusal("", Locale.ENGLISH)).isEqualTo("The condition is empty.");
	}

	@Test
	void deepNestingAndHugeInputAreRefused() {
		assertThat(refusal("(".repeat(13) + "size" + ")".repeat(13) + " > 1", Locale.ENGLISH)).contains("nested too deeply (at most 12");
		assertThat(refusal("- ".repeat(20) + "size > 1", Locale.ENGLISH)).contains("nested too deeply");
		assertThat(refusal("not ".repeat(20) + "own_home", Locale.ENGLISH)).contains("nested too deeply");
		assertThat(refusal("size > 1" + " or size > 1".repeat(100), Locale.ENGLISH)).contains("at most 1,000 characters");
		assertThat(refusal("1" + "+1".repeat(200) + " > 0", Locale.ENGLISH)).contains("too long: at most 300 symbols");
		assertThat(Expression.condition("(".repeat(12) + "size" + ")".repeat(12) + " > 1", KINDS).type()).isEqualTo(Type.BOOLEAN);
	}

	@Test
	void theSqlTranslationNamesOnlyColumnsAndLiterals() {
		Expression e = Expression.condition("per_capita_income_month < if(rural_hukou, std_month('dibao_rural'), std_month('dibao_urban')) / 3", KINDS);
		SqlNames names = new SqlNames() {

			@Override
			public String fact(Fact fact) {
				return "f." + fact.column();
			}

			@Override
			public String standardValue(String kind) {
				return "s." + kind + "_v";
			}

			@Override
			public String standardBasis(String kind) {
				return "s." + kind + "_b";
			}

		};
		// no division in SQL (PostgreSQL's numeric division is not exact): a/b < c/d is written a·d < c·b
		assertThat(e.sql(names)).isEqualTo("(((CASE WHEN f.size = 0 THEN 0 ELSE f.income_month END) * "
				+ "((CASE WHEN f.rural_hukou THEN CAST(CASE WHEN s.dibao_rural_b = 'YEAR' THEN 12 ELSE 1 END AS numeric) ELSE "
				+ "CAST(CASE WHEN s.dibao_urban_b = 'YEAR' THEN 12 ELSE 1 END AS numeric) END) * abs(NULLIF(CAST('3' AS numeric), 0)))) < "
				+ "(((CASE WHEN f.rural_hukou THEN s.dibao_rural_v ELSE s.dibao_urban_v END) * sign(NULLIF(CAST('3' AS numeric), 0))) * greatest(f.size, 1)))");
		assertThat(e.sql(names)).doesNotContain("/").doesNotContain("round(");
		assertThat(e.missingSql(names)).isEqualTo("(CASE WHEN f.rural_hukou THEN (s.dibao_rural_v IS NULL) ELSE (s.dibao_urban_v IS NULL) END)");
	}

	@Test
	void aRowThatNeedsAMissingStandardIsUndecidedButAnUntakenBranchDoesNotMatter() {
		CompiledRules rules = CompiledRules.compile(java.util.List.of(
				"per_capita_income_month < if(rural_hukou, std_month('dibao_rural'), std_month('dibao_urban'))"), KINDS);
		Map<Fact, Object> rural = new HashMap<>(Map.of(Fact.RURAL_HUKOU, true, Fact.PER_CAPITA_INCOME_MONTH, new BigDecimal("100")));
		Map<String, Env.StandardValue> onlyRural = Map.of("dibao_rural", new Env.StandardValue(new BigDecimal("1800"), StandardBasis.YEAR));
		assertThat(rules.match(env(rural, onlyRural))).isEqualTo(1);
		rural.put(Fact.RURAL_HUKOU, false);
		CompiledRules.Trace trace = rules.evaluate(env(rural, onlyRural), Words.ZH);
		assertThat(trace.matchedRow()).isEqualTo(CompiledRules.UNDECIDED);
		assertThat(trace.missingKinds()).containsExactly("dibao_urban");
	}

}
