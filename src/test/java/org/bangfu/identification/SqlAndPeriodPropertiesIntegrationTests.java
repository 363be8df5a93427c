package org.bangfu.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.identification.internal.FactsQuery;
import org.bangfu.identification.rules.CompiledRules;
import org.bangfu.identification.rules.Env;
import org.bangfu.identification.rules.Fact;
import org.bangfu.identification.rules.SqlNames;
import org.bangfu.identification.rules.Type;
import org.bangfu.shared.Money;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Properties checked on PostgreSQL: the SQL translation of every shipped rule set picks the
 * same row as the Java interpreter for random facts near the lines (with missing standards and
 * zero divisors); per-capita facts are the register's figures; and the standard that applies
 * on any date is the latest figure of the most specific region, whatever the history.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class })
class SqlAndPeriodPropertiesIntegrationTests {

	@Autowired
	RuleSets ruleSets;

	@Autowired
	Standards standards;

	@Autowired
	FactsQuery facts;

	@Autowired
	Places places;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.bangfu.identification.internal.RuleCompiler compiler;

	static final List<String> AMOUNTS = List.of("0", "0.00", "299.99", "300.00", "300.01", "450.00", "600.00", "1500",
			"8400.00", "24000", "24999.99", "25000", "19999.99", "20000", "5549.99", "5550", "669.99", "670", "865", "865.01",
			"49999.99", "50000", "28800", "30000", "36000", "21000", "21000.01", "40000", "3", "1", "2", "12.5");

	@Test
	void theSqlOfEveryShippedRuleSetChoosesTheSameRowAsTheInterpreter() {
		List<RuleSetView> shipped = ruleSets.list(fixtures.everything()).stream()
			.filter(r -> r.shipped() && r.version() == 1)
			.toList();
		assertThat(shipped).hasSize(7);
		Gen<Map<String, Object>> factsGen = longs().between(0, Long.MAX_VALUE).map(seed -> randomFacts(new Random(seed)));
		Gen<Map<String, BigDecimal>> standardsGen = longs().between(0, Long.MAX_VALUE).map(seed -> randomStandards(new Random(seed)));
		qt().withExamples(150).forAll(factsGen, standardsGen, integers().between(0, shipped.size() - 1))
			.checkAssert((f, s, which) -> {
				RuleSetView rs = shipped.get(which);
				CompiledRules rules = compiler.compile(rs);
				Map<Fact, Object> values = new HashMap<>();
				f.forEach((k, v) -> values.put(Fact.named(k).orElseThrow(), v));
				Map<String, Env.StandardValue> stds = new HashMap<>();
				Map<String, StandardBasis> bases = Map.of("dibao_urban", StandardBasis.MONTH, "dibao_rural", StandardBasis.YEAR,
						"near_dibao_multiplier", StandardBasis.RATIO, "poverty_line", StandardBasis.YEAR,
						"disposable_income_last_year", StandardBasis.YEAR);
				s.forEach((k, v) -> stds.put(k, new Env.StandardValue(v, bases.get(k))));
				int java = rules.match(new org.bangfu.identification.internal.MapEnv(values, stds));
				assertThat(sqlMatch(rules, values, stds)).as("%s with %s and %s", rs.code(), f, s).isEqualTo(java);
			});
	}

	int sqlMatch(CompiledRules rules, Map<Fact, Object> values, Map<String, Env.StandardValue> stds) {
		List<String> kinds = List.copyOf(rules.kinds());
		StringBuilder f = new StringBuilder("SELECT ");
		Map<String, Object> params = new HashMap<>();
		boolean first = true;
		for (Fact fact : Fact.values()) {
			f.append(first ? "" : ", ").append("CAST(:f_").append(fact.column()).append(fact.type() == Type.BOOLEAN ? " AS boolean)" : " AS numeric)")
				.append(" AS ").append(fact.column());
			Object v = values.get(fact);
			params.put("f_" + fact.column(), v != null ? v : fact.type() == Type.BOOLEAN ? Boolean.FALSE : BigDecimal.ZERO);
			first = false;
		}
		StringBuilder s = new StringBuilder("SELECT 1 AS one");
		for (int i = 0; i < kinds.size(); i++) {
			Env.StandardValue v = stds.get(kinds.get(i));
			s.append(", CAST(:s").append(i).append("v AS numeric) AS k").append(i).append("_v, CAST(:s").append(i)
				.append("b AS varchar) AS k").append(i).append("_b");
			params.put("s" + i + "v", v == null ? null : v.value());
			params.put("s" + i + "b", v == null ? null : v.basis().name());
		}
		SqlNames names = new SqlNames() {

			@Override
			public String fact(Fact fact) {
				return "f." + fact.column();
			}

			@Override
			public String standardValue(String kind) {
				return "s.k" + kinds.indexOf(kind) + "_v";
			}

			@Override
			public String standardBasis(String kind) {
				return "s.k" + kinds.indexOf(kind) + "_b";
			}

		};
		return jdbc.sql("SELECT " + rules.sql(names) + " FROM (" + f + ") f CROSS JOIN (" + s + ") s")
			.params(params)
			.query(Integer.class)
			.single();
	}

	static Map<String, Object> randomFacts(Random r) {
		Map<String, Object> f = new HashMap<>();
		for (Fact fact : Fact.values()) {
			if (r.nextInt(3) == 0 || fact.numerator() != null) {
				continue; // per-capita facts are derived from income and size, as for a household
			}
			if (fact.type() == Type.BOOLEAN) {
				f.put(fact.column(), r.nextBoolean());
			}
			else if (fact.unit() == Fact.Unit.COUNT) {
				f.put(fact.column(), BigDecimal.valueOf(r.nextInt(5)));
			}
			else {
				BigDecimal v = new BigDecimal(AMOUNTS.get(r.nextInt(AMOUNTS.size())));
				f.put(fact.column(), r.nextInt(4) == 0 ? v.add(BigDecimal.valueOf(r.nextInt(3) - 1, 2)).abs() : v);
			}
		}
		return f;
	}

	static Map<String, BigDecimal> randomStandards(Random r) {
		Map<String, BigDecimal> s = new HashMap<>();
		String[][] all = { { "dibao_urban", "300", "320", "299.99" }, { "dibao_rural", "1800", "3700", "1799.99" },
				{ "near_dibao_multiplier", "1.5", "1.2", "2" }, { "poverty_line", "3700", "2300" },
				{ "disposable_income_last_year", "40000", "8000" } };
		for (String[] k : all) {
			if (r.nextInt(5) != 0) {
				s.put(k[0], new BigDecimal(k[1 + r.nextInt(k.length - 1)]));
			}
		}
		return s;
	}

	static final List<String> EXACT_RULES = List.of("income_month / size < savings", "per_capita_income_month < savings",
			"per_capita_income_year / 12 = savings", "round2(per_capita_income_month) >= savings",
			"income_month / size + rent_year / vehicles > savings", "min(income_month / size, rent_year / vehicles) < savings",
			"max(income_month / size, 0.5) * size >= income_month", "if(own_home, income_month / size, rent_year / 3) < savings",
			"abs(savings - income_month / size) * 3 * size < 1", "-(income_month / size) > -savings");

	@Test
	void atTheBoundariesADivisionMakesTheSqlAgreesWithTheExactInterpreter() {
		CompiledRules rules = CompiledRules.compile(EXACT_RULES, Set.of());
		qt().withExamples(400).forAll(integers().between(1, 60_000), integers().between(0, 9), integers().between(-2, 2),
				integers().between(0, 19)).checkAssert((lineFen, size, deltaFen, extra) -> {
					int vehicles = extra % 5;
					int rentFen = extra / 5;
					BigDecimal line = BigDecimal.valueOf(lineFen, 2);
					BigDecimal income = line.multiply(BigDecimal.valueOf(size)).add(BigDecimal.valueOf(deltaFen, 2)).max(BigDecimal.ZERO);
					Map<Fact, Object> values = new HashMap<>(Map.of(Fact.INCOME_MONTH, income, Fact.INCOME_YEAR,
							income.multiply(BigDecimal.valueOf(12)), Fact.SIZE, BigDecimal.valueOf(size), Fact.SAVINGS, line,
							Fact.VEHICLES, BigDecimal.valueOf(vehicles), Fact.RENT_YEAR, line.multiply(BigDecimal.valueOf(vehicles))
								.add(BigDecimal.valueOf(rentFen - 1, 2)), Fact.OWN_HOME, size % 2 == 0));
					int java = rules.match(new org.bangfu.identification.internal.MapEnv(values, Map.of()));
					assertThat(sqlMatch(rules, values, Map.of())).as("%s", values).isEqualTo(java);
				});
	}

	static final List<String> ECONOMICS_RULES = List.of("per_capita_income_m1 < savings", "per_capita_income_m1 * size = income_m1",
			"per_capita_income_12m < savings * 12", "per_capita_income_last_year * size >= income_last_year",
			"essential_spending_month < savings", "essential_spending_month * 12 = essential_spending_year",
			"per_capita_essential_spending_year / 12 > savings", "max(per_capita_income_m2, per_capita_income_m12) <= savings",
			"round2(per_capita_income_m1) = savings");

	/**
	 * The per-capita facts of the economics records and the monthly essential spending are
	 * quotients of their parts, compared without rounding first: the interpreter and the SQL pick
	 * the same row for incomes a fen either side of size × line, and 899.99 ÷ 3 is below 300.00.
	 */
	@Test
	void theEconomicsPerCapitaFactsCompareExactlyInSqlAsInJava() {
		CompiledRules rules = CompiledRules.compile(ECONOMICS_RULES, Set.of());
		qt().withExamples(300).forAll(integers().between(1, 60_000), integers().between(0, 9), integers().between(-2, 2),
				integers().between(0, 8)).checkAssert((lineFen, size, deltaFen, which) -> {
					BigDecimal line = BigDecimal.valueOf(lineFen, 2);
					BigDecimal delta = BigDecimal.valueOf(deltaFen, 2);
					BigDecimal n = BigDecimal.valueOf(size);
					BigDecimal month = line.multiply(n).add(delta).max(BigDecimal.ZERO);
					Map<Fact, Object> values = new HashMap<>();
					values.put(Fact.SIZE, n);
					values.put(Fact.SAVINGS, line);
					values.put(which % 3 == 0 ? Fact.INCOME_M1 : which % 3 == 1 ? Fact.INCOME_M2 : Fact.INCOME_M12, month);
					values.put(Fact.INCOME_12M, month.multiply(BigDecimal.valueOf(12)).add(delta));
					values.put(Fact.INCOME_LAST_YEAR, month.add(delta.abs()));
					values.put(Fact.ESSENTIAL_SPENDING_YEAR, line.multiply(BigDecimal.valueOf(12)).add(delta).max(BigDecimal.ZERO));
					CompiledRules one = CompiledRules.compile(List.of(ECONOMICS_RULES.get(which)), Set.of());
					org.bangfu.identification.internal.MapEnv env = new org.bangfu.identification.internal.MapEnv(values, Map.of());
					assertThat(sqlMatch(rules, values, Map.of())).as("%s", values).isEqualTo(rules.match(env));
					assertThat(sqlMatch(one, values, Map.of())).as("%s: %s", ECONOMICS_RULES.get(which), values).isEqualTo(one.match(env));
				});
		Map<Fact, Object> example = new HashMap<>(Map.of(Fact.INCOME_M1, new BigDecimal("899.99"), Fact.SIZE, BigDecimal.valueOf(3),
				Fact.SAVINGS, new BigDecimal("300.00"), Fact.ESSENTIAL_SPENDING_YEAR, new BigDecimal("3599.99")));
		for (String rule : List.of("per_capita_income_m1 < 300", "per_capita_income_m1 * 3 = 899.99", "essential_spending_month < 300",
				"essential_spending_month * 12 = 3599.99", "round2(per_capita_income_m1) = 300")) {
			CompiledRules r = CompiledRules.compile(List.of(rule), Set.of());
			org.bangfu.identification.internal.MapEnv env = new org.bangfu.identification.internal.MapEnv(example, Map.of());
			assertThat(r.match(env)).as("java: " + rule).isEqualTo(1);
			assertThat(sqlMatch(r, example, Map.of())).as("sql: " + rule).isEqualTo(1);
		}
	}

	@Test
	void perCapitaFactsAreTheRegistersIncomeDividedBySizeExactly() {
		Places.Place place = places.county("人均测试工会");
		LocalDate today = LocalDate.now(org.bangfu.shared.BusinessClock.zone());
		qt().withExamples(60).forAll(lists().of(integers().between(0, 500_000)).ofSizeBetween(1, 6)).checkAssert(incomes -> {
			long id = jdbc.sql("""
					INSERT INTO registry_household (organisation_id, region_code, file_no, created_by, updated_by)
					VALUES (?, ?, ?, 'test', 'test') RETURNING id""")
				.params(place.organisation().id(), place.township(), "PC" + System.nanoTime())
				.query(Long.class)
				.single();
			Money sum = Money.ZERO;
			for (int i = 0; i < incomes.size(); i++) {
				BigDecimal wage = BigDecimal.valueOf(incomes.get(i), 2);
				sum = sum.plus(Money.of(wage));
				jdbc.sql("""
						INSERT INTO registry_member (household_id, name, id_number_hash, id_number_enc, id_number_masked,
						    birth_date, sex, relation, income_wage, income_pension)
						VALUES (?, '成员', ?, 'x', 'x', DATE '1980-01-01', 'M', ?, ?, 0)""")
					.params(id, "h" + System.nanoTime(), i == 0 ? "HEAD" : "SON", wage)
					.update();
			}
			FactsQuery.HouseholdFacts hf = facts.one(place.scope(), id, today).orElseThrow();
			assertThat(hf.values().get(Fact.SIZE)).isEqualTo(BigDecimal.valueOf(incomes.size()));
			assertThat((BigDecimal) hf.values().get(Fact.INCOME_MONTH)).isEqualByComparingTo(sum.amount());
			// never a rounded figure: the rules read income ÷ size exactly
			assertThat(hf.values()).doesNotContainKey(Fact.PER_CAPITA_INCOME_MONTH);
			Env env = new org.bangfu.identification.internal.MapEnv(hf.values(), Map.of());
			BigDecimal size = BigDecimal.valueOf(incomes.size());
			assertThat(env.number(Fact.PER_CAPITA_INCOME_MONTH))
				.isEqualTo(org.bangfu.identification.rules.Ratio.quotient(sum.amount(), size));
			assertThat(env.number(Fact.PER_CAPITA_INCOME_YEAR))
				.isEqualTo(org.bangfu.identification.rules.Ratio.quotient(sum.amount().multiply(BigDecimal.valueOf(12)), size));
		});
	}

	record Figure(long id, String prefix, BigDecimal value, LocalDate from, LocalDate to, int version) {
	}

	@Test
	void theFigureThatAppliesOnAnyDateIsTheLatestOfTheMostSpecificRegionWhateverTheHistoryOfCorrections() {
		Places.Place place = places.county("期间测试工会");
		Random r = new Random(7);
		List<String> regions = List.of(place.county(), place.township(), place.otherTownship());
		List<Figure> model = new ArrayList<>();
		List<String> regionOf = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String region = regions.get(r.nextInt(regions.size()));
			LocalDate from = LocalDate.of(2018, 1, 1).plusDays(r.nextInt(3000));
			if (!model.isEmpty() && r.nextInt(3) == 0) {
				// a correction of an earlier figure: same region and start; it may shorten, end or re-open the period
				int which = r.nextInt(model.size());
				region = regionOf.get(which);
				from = model.get(which).from();
			}
			LocalDate to = r.nextInt(3) == 0 ? from.plusDays(r.nextInt(400)) : null;
			regionOf.add(region);
			BigDecimal value = BigDecimal.valueOf(20000 + r.nextInt(30000), 2);
			StandardView v = standards.add(place.scope(), new AddStandard("dibao_urban", region, value, null, from, to, null));
			model.add(new Figure(v.id(), region.equals(place.county()) ? region.substring(0, 6) : region.substring(0, 9), value, from,
					to, v.version()));
		}
		qt().withExamples(300).forAll(integers().between(0, 3400), integers().between(1, 2)).checkAssert((day, which) -> {
			LocalDate date = LocalDate.of(2017, 12, 1).plusDays(day);
			String region = regions.get(which);
			Optional<Figure> expected = model.stream()
				.filter(f -> region.startsWith(f.prefix()))
				// a corrected figure is replaced for its whole period by its latest correction
				.filter(f -> model.stream().noneMatch(c -> c.prefix().equals(f.prefix()) && c.from().equals(f.from())
						&& c.version() > f.version()))
				.filter(f -> !f.from().isAfter(date) && (f.to() == null || !f.to().isBefore(date)))
				.max(Comparator.comparingInt((Figure f) -> f.prefix().length())
					.thenComparing(Figure::from)
					.thenComparingInt(Figure::version)
					.thenComparingLong(Figure::id));
			StandardView actual = standards.resolve(region, date, Set.of("dibao_urban")).get("dibao_urban");
			assertThat(Optional.ofNullable(actual).map(StandardView::id)).as("%s on %s", region, date)
				.isEqualTo(expected.map(Figure::id));
		});
		assertThat(standards.applicable(place.township(), LocalDate.of(2017, 1, 1)).stream()
			.filter(a -> a.kind().code().equals("dibao_urban"))
			.findFirst()
			.orElseThrow()
			.figure()).as("before any figure").isNull();
	}

}
