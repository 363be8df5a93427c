package org.bangfu.identification.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bangfu.identification.rules.Fact;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts of households, computed set-based from the register's tables (a read-only SQL
 * dependency on {@code registry_household} and {@code registry_member}). One definition serves
 * one household, a selection, a range of ids or a whole scope: {@link #sql(String)} wraps a
 * condition on {@code h} (the household) and {@code o} (its organisation). Ages are counted on
 * the date bound as {@code :asOf}. Every numeric fact is {@code numeric}, every yes/no fact
 * {@code boolean}, never null. Medical and schooling spending are not recorded by the register
 * yet: they are facts with the value 0 so rules can already name them.
 */
@Component
public class FactsQuery {

	private static final String INCOME = "(m.income_wage + m.income_business + m.income_property + m.income_transfer + m.income_pension)";

	private static final String MINOR = "m.birth_date > (CAST(:asOf AS date) - interval '18 years')";

	private static final String ELDERLY = "m.birth_date <= (CAST(:asOf AS date) - interval '60 years')";

	private static final String[] CAUSES = { "ILLNESS", "DISABILITY", "SCHOOLING", "SINGLE_PARENT", "ACCIDENT",
			"UNEMPLOYMENT", "DISASTER", "HOUSING", "LACK_OF_LABOUR", "OTHER" };

	private static final String[] CATEGORIES = { "DIBAO", "DESTITUTE", "NEAR_DIBAO", "EXPENDITURE_HARDSHIP",
			"HARDSHIP_WORKER", "VULNERABLE_CHILD", "ORPHAN", "ELDERLY_ALONE", "EMPTY_NEST", "DISABLED", "ENTITLED_GROUP",
			"MILITARY_FAMILY" };

	/**
	 * The first day after :asOf on which a fact may change: the earliest day a member turns 18 or
	 * 60 (the smallest x with x − N years ≥ birth date: a 29 February birthday turns over on 1
	 * March in other years), and at the latest the first day of the next month (the facts of the
	 * economics records are by month and year).
	 */
	private static final String VALID_UNTIL;

	static {
		String c18 = turns(18);
		String c60 = turns(60);
		VALID_UNTIL = "LEAST(coalesce(min(CASE WHEN " + c18 + " > CAST(:asOf AS date) THEN " + c18 + " WHEN " + c60
				+ " > CAST(:asOf AS date) THEN " + c60 + " END), CAST('infinity' AS date)), " + EconomicsFacts.NEXT_MONTH + ")";
	}

	private static String turns(int years) {
		String plain = "CAST(m.birth_date + interval '" + years + " years' AS date)";
		return "(" + plain + " + CASE WHEN CAST(" + plain + " - interval '" + years + " years' AS date) < m.birth_date THEN 1 ELSE 0 END)";
	}

	/** Aggregates over a household's active members, by name (the inner query). */
	private static final Map<String, String> AGGREGATES = new LinkedHashMap<>();

	/** Each fact: its expression over the household row and the aggregates (outer query), and the aggregates it needs. */
	private static final Map<Fact, Definition> FACTS = new EnumMap<>(Fact.class);

	private record Definition(String expression, List<String> aggregates) {
	}

	private static void aggregate(String name, String sql) {
		AGGREGATES.put(name, sql);
	}

	private static void fact(Fact fact, String expression, String... aggregates) {
		FACTS.put(fact, new Definition(expression, List.of(aggregates)));
	}

	/** Marks a fact that reads the economics records (the lateral relation {@code e}, see {@link EconomicsFacts}). */
	private static final String E = "e";

	private static String count(String condition) {
		return "count(m.id) FILTER (WHERE " + condition + ")";
	}

	static {
		aggregate("n", "count(m.id)");
		// the members of the file: only their income items count (a member who left takes their income along)
		aggregate("member_ids", "coalesce(array_agg(m.id) FILTER (WHERE m.id IS NOT NULL), CAST('{}' AS bigint[]))");
		aggregate("inc", "coalesce(sum(" + INCOME + "), 0.00)");
		aggregate("earners", count(INCOME + " > 0"));
		aggregate("healthy", count("m.health = 'HEALTHY'"));
		aggregate("chronic", count("m.health = 'CHRONIC'"));
		aggregate("major", count("m.health = 'MAJOR_ILLNESS'"));
		aggregate("disabled", count("m.health = 'DISABLED'"));
		aggregate("severe", count("m.disability_grade IN (1, 2)"));
		aggregate("preschool", count("m.schooling = 'PRESCHOOL'"));
		aggregate("compulsory", count("m.schooling IN ('PRIMARY', 'JUNIOR')"));
		aggregate("senior", count("m.schooling IN ('SENIOR', 'VOCATIONAL')"));
		aggregate("higher", count("m.schooling IN ('COLLEGE', 'BACHELOR', 'POSTGRADUATE')"));
		aggregate("minors", count(MINOR));
		aggregate("elderly", count(ELDERLY));
		aggregate("employed", count("m.employment IN ('EMPLOYED', 'FLEXIBLE')"));
		aggregate("unemployed", count("m.employment IN ('LAID_OFF', 'UNEMPLOYED')"));
		aggregate("unemployed_wa", count("m.employment IN ('LAID_OFF', 'UNEMPLOYED') AND NOT (" + MINOR + ") AND NOT (" + ELDERLY + ")"));
		aggregate("retired", count("m.employment = 'RETIRED'"));
		aggregate("unable", count("m.employment = 'UNABLE'"));
		aggregate("has_spouse", "coalesce(bool_or(m.relation = 'SPOUSE'), FALSE)");
		aggregate("has_minor_child", "coalesce(bool_or(m.relation IN ('SON', 'DAUGHTER') AND " + MINOR + "), FALSE)");
		aggregate("special", count("m.disability_grade IN (1, 2) OR m.health = 'MAJOR_ILLNESS' OR m.schooling IN ('PRIMARY', "
				+ "'JUNIOR', 'SENIOR', 'VOCATIONAL', 'COLLEGE', 'BACHELOR', 'POSTGRADUATE') OR " + ELDERLY));
		aggregate("rural", "coalesce(bool_or(m.relation = 'HEAD' AND ((m.hukou_type LIKE '%农%' AND m.hukou_type NOT LIKE '%非农%') "
				+ "OR lower(m.hukou_type) IN ('rural', 'agricultural'))), FALSE)");
		for (String c : CATEGORIES) {
			aggregate("mc_" + c.toLowerCase(Locale.ROOT), "coalesce(bool_or('" + c + "' = ANY (m.categories)), FALSE)");
		}

		fact(Fact.SIZE, "CAST(a.n AS numeric)", "n");
		fact(Fact.INCOME_MONTH, "a.inc", "inc");
		fact(Fact.INCOME_YEAR, "a.inc * 12", "inc");
		// shown in the facts table, never read by a rule: rules divide income by size exactly themselves (Fact#numerator);
		// the same for the economics per-capita facts and the monthly essential spending below
		fact(Fact.PER_CAPITA_INCOME_MONTH, "coalesce(a.inc / NULLIF(a.n, 0), 0.00)", "inc", "n");
		fact(Fact.PER_CAPITA_INCOME_YEAR, "coalesce(a.inc * 12 / NULLIF(a.n, 0), 0.00)", "inc", "n");
		fact(Fact.EARNER_COUNT, "CAST(a.earners AS numeric)", "earners");
		fact(Fact.RENT_YEAR, EconomicsFacts.RENT_YEAR, E);
		fact(Fact.MEDICAL_SPENDING_YEAR, "e.medical", E);
		fact(Fact.SCHOOLING_SPENDING_YEAR, "e.schooling", E);
		fact(Fact.ESSENTIAL_SPENDING_YEAR, EconomicsFacts.ESSENTIAL_YEAR, E);
		fact(Fact.NET_INCOME_YEAR, "a.inc * 12 - " + EconomicsFacts.ESSENTIAL_YEAR, "inc", E);
		fact(Fact.SAVINGS, "coalesce(hh.savings, 0.00)");
		fact(Fact.VEHICLES, "CAST(hh.vehicles AS numeric)");
		fact(Fact.FLOOR_AREA, "coalesce(hh.floor_area, 0.00)");
		fact(Fact.OWN_HOME, "coalesce(hh.housing_type = 'OWN', FALSE)");
		fact(Fact.RENTING, "coalesce(hh.housing_type = 'RENTED', FALSE)");
		fact(Fact.HAS_BUSINESS, "coalesce(hh.business <> '', FALSE)");
		fact(Fact.HEALTHY_COUNT, "CAST(a.healthy AS numeric)", "healthy");
		fact(Fact.CHRONIC_COUNT, "CAST(a.chronic AS numeric)", "chronic");
		fact(Fact.MAJOR_ILLNESS_COUNT, "CAST(a.major AS numeric)", "major");
		fact(Fact.DISABLED_COUNT, "CAST(a.disabled AS numeric)", "disabled");
		fact(Fact.SEVERELY_DISABLED_COUNT, "CAST(a.severe AS numeric)", "severe");
		fact(Fact.PRESCHOOL_COUNT, "CAST(a.preschool AS numeric)", "preschool");
		fact(Fact.COMPULSORY_SCHOOL_COUNT, "CAST(a.compulsory AS numeric)", "compulsory");
		fact(Fact.SENIOR_SCHOOL_COUNT, "CAST(a.senior AS numeric)", "senior");
		fact(Fact.HIGHER_EDUCATION_COUNT, "CAST(a.higher AS numeric)", "higher");
		fact(Fact.STUDENT_COUNT, "CAST(a.compulsory + a.senior + a.higher AS numeric)", "compulsory", "senior", "higher");
		fact(Fact.MINOR_COUNT, "CAST(a.minors AS numeric)", "minors");
		fact(Fact.WORKING_AGE_COUNT, "CAST(a.n - a.minors - a.elderly AS numeric)", "n", "minors", "elderly");
		fact(Fact.ELDERLY_COUNT, "CAST(a.elderly AS numeric)", "elderly");
		fact(Fact.EMPLOYED_COUNT, "CAST(a.employed AS numeric)", "employed");
		fact(Fact.UNEMPLOYED_COUNT, "CAST(a.unemployed AS numeric)", "unemployed");
		fact(Fact.RETIRED_COUNT, "CAST(a.retired AS numeric)", "retired");
		fact(Fact.UNABLE_TO_WORK_COUNT, "CAST(a.unable AS numeric)", "unable");
		fact(Fact.ZERO_EMPLOYMENT, "(a.employed = 0 AND a.unemployed_wa > 0)", "employed", "unemployed_wa");
		fact(Fact.SINGLE_PARENT, "(coalesce(hh.main_cause = 'SINGLE_PARENT', FALSE) OR 'SINGLE_PARENT' = ANY (hh.secondary_causes) "
				+ "OR (NOT a.has_spouse AND a.has_minor_child))", "has_spouse", "has_minor_child");
		fact(Fact.SPECIAL_MEMBER_COUNT, "CAST(a.special AS numeric)", "special");
		fact(Fact.RURAL_HUKOU, "a.rural", "rural");
		for (String c : CAUSES) {
			fact(Fact.valueOf("CAUSE_" + c), "(coalesce(hh.main_cause = '" + c + "', FALSE) OR '" + c + "' = ANY (hh.secondary_causes))");
		}
		for (String c : CATEGORIES) {
			String lower = c.toLowerCase(Locale.ROOT);
			fact(Fact.valueOf("CAT_" + c), "('" + c + "' = ANY (hh.categories) OR a.mc_" + lower + ")", "mc_" + lower);
		}
		fact(Fact.INCOME_12M, "e.inc12", E);
		fact(Fact.PER_CAPITA_INCOME_12M, EconomicsFacts.perCapita("e.inc12"), "n", E);
		fact(Fact.INCOME_LAST_YEAR, "e.inc_last_year", E);
		fact(Fact.PER_CAPITA_INCOME_LAST_YEAR, EconomicsFacts.perCapita("e.inc_last_year"), "n", E);
		for (int k = 1; k <= 12; k++) {
			fact(Fact.valueOf("PER_CAPITA_INCOME_M" + k), EconomicsFacts.perCapita("e.inc_m" + k), "n", E);
		}
		fact(Fact.CARE_SPENDING_YEAR, "e.care", E);
		fact(Fact.OTHER_SPENDING_YEAR, "e.other_spending", E);
		fact(Fact.ESSENTIAL_SPENDING_MONTH, "round(" + EconomicsFacts.ESSENTIAL_YEAR + " / 12, 10)", E);
		fact(Fact.PER_CAPITA_ESSENTIAL_SPENDING_YEAR, EconomicsFacts.perCapita(EconomicsFacts.ESSENTIAL_YEAR), "n", E);
		fact(Fact.ESSENTIAL_SPENDING_LAST_YEAR, EconomicsFacts.ESSENTIAL_LAST_YEAR, E);
		fact(Fact.SUDDEN_COSTS_YEAR, "e.sudden_year", E);
		fact(Fact.SUDDEN_COSTS_12M, "e.sudden_12m", E);
		fact(Fact.VEHICLE_VALUE, "e.vehicle_value", E);
		fact(Fact.RECORDED_SAVINGS, "e.recorded_savings", E);
		fact(Fact.EXTRA_HOMES, "CAST(e.extra_homes AS numeric)", E);
		fact(Fact.REGISTERED_BUSINESSES, "CAST(e.businesses AS numeric)", E);
		fact(Fact.LUXURY_PURCHASE_12M, "e.luxury_12m", E);
		for (int k = 1; k <= 12; k++) {
			fact(Fact.valueOf("INCOME_M" + k), "e.inc_m" + k, E);
		}
		if (FACTS.size() != Fact.values().length) {
			throw new IllegalStateException("Every fact needs its SQL");
		}
	}

	private final JdbcClient jdbc;

	FactsQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The facts relation for households matching the condition (over {@code h} and {@code o}),
	 * one row per household: household_id, organisation_id, region_code, household_version and
	 * one column per {@link Fact}. Binds {@code :asOf} plus whatever the condition uses.
	 */
	public static String sql(String condition) {
		return sql(condition, "TRUE", EnumSet.allOf(Fact.class));
	}

	/**
	 * As {@link #sql(String)} but only with the facts asked for (fewer aggregates, less work),
	 * and with a condition on the members {@code m} that repeats the household condition (e.g.
	 * an id range), so the planner can read members by range.
	 */
	public static String sql(String condition, String memberCondition, Set<Fact> facts) {
		return sql(condition, memberCondition, facts, false);
	}

	/**
	 * As {@link #sql(String)} with one more column, valid_until: the first day after :asOf on
	 * which an age-based fact may change (for {@link FactsTable}).
	 */
	static String sqlWithValidity(String condition) {
		return sql(condition, "TRUE", EnumSet.allOf(Fact.class), true);
	}

	/**
	 * Where the facts are read from: the households {@code h} (joined to their organisation
	 * {@code o} and filtered by the condition), the join of the same household again as {@code hh}
	 * for the aggregated row {@code a}, and the join of its members {@code m} (the member condition
	 * is appended with AND). Every relation has the columns of the register's table it stands for.
	 */
	record Sources(String households, String household, String members, String economicsInForce) {

		/** The register's tables as they are. */
		static final Sources REGISTER = new Sources("registry_household h",
				"JOIN registry_household hh ON hh.id = a.household_id",
				"LEFT JOIN registry_member m ON m.household_id = h.id AND m.active", EconomicsFacts.CURRENT);

		/** Over other households and members, with the economics records as they stood at the end of :asOf. */
		Sources(String households, String household, String members) {
			this(households, household, members, EconomicsFacts.AS_OF);
		}

	}

	/** As {@link #sql(String, String, Set)} but over other sources (e.g. the files as they stood on a date). */
	static String sql(String condition, String memberCondition, Set<Fact> facts, Sources from) {
		return sql(condition, memberCondition, facts, false, from);
	}

	private static String sql(String condition, String memberCondition, Set<Fact> facts, boolean validity) {
		return sql(condition, memberCondition, facts, validity, Sources.REGISTER);
	}

	private static String sql(String condition, String memberCondition, Set<Fact> facts, boolean validity, Sources from) {
		Set<String> aggregates = new LinkedHashSet<>();
		boolean economics = false;
		StringBuilder outer = new StringBuilder("SELECT hh.id AS household_id, hh.organisation_id, hh.region_code, hh.version AS household_version");
		if (validity) {
			aggregates.add("valid_until");
			outer.append(", a.valid_until");
		}
		for (Fact f : Fact.values()) {
			if (facts.contains(f)) {
				Definition d = FACTS.get(f);
				d.aggregates().stream().filter(x -> !x.equals(E)).forEach(aggregates::add);
				if (d.aggregates().contains(E)) {
					economics = true;
					aggregates.add("member_ids");
				}
				outer.append(",\n       ").append(d.expression()).append(" AS ").append(f.column());
			}
		}
		StringBuilder inner = new StringBuilder("SELECT h.id AS household_id");
		for (String a : aggregates) {
			inner.append(",\n       ").append(a.equals("valid_until") ? VALID_UNTIL : AGGREGATES.get(a)).append(" AS ").append(a);
		}
		inner.append("\nFROM ").append(from.households()).append("\nJOIN organisation o ON o.id = h.organisation_id\n");
		if (!aggregates.isEmpty()) {
			inner.append(from.members()).append(" AND ").append(memberCondition).append("\n");
		}
		inner.append("WHERE ").append(condition);
		if (!aggregates.isEmpty()) {
			inner.append("\nGROUP BY h.id");
		}
		outer.append("\nFROM (").append(inner).append(") a\n").append(from.household());
		if (economics) {
			outer.append("\nLEFT JOIN LATERAL (").append(EconomicsFacts.lateral(from.economicsInForce())).append(") e ON TRUE");
		}
		return outer.toString();
	}

	/** The facts of one household in scope on a date, or empty when it is not in scope. */
	public Optional<HouseholdFacts> one(Scope scope, long householdId, LocalDate asOf) {
		return jdbc.sql(sql("h.id = :id AND " + Scope.sql("o.path")))
			.param("id", householdId)
			.param("scopePath", scope.likePattern())
			.param("asOf", asOf)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/**
	 * The facts of a file as a snapshot shows it (the register's history: the household and its
	 * members at some date), by the same SQL as the live facts, over the snapshot instead of the
	 * tables. Ages on :asOf.
	 */
	public HouseholdFacts snapshot(org.bangfu.registry.HouseholdView v, LocalDate asOf) {
		String household = """
				SELECT CAST(:s_id AS bigint) AS id, CAST(:s_org AS bigint) AS organisation_id, CAST(:s_region AS varchar) AS region_code,
				       CAST(:s_version AS integer) AS version, CAST(:s_status AS varchar) AS status,
				       CAST(:s_rent AS numeric) AS annual_rent, CAST(:s_savings AS numeric) AS savings,
				       CAST(:s_vehicles AS integer) AS vehicles, CAST(:s_floor AS numeric) AS floor_area,
				       CAST(:s_housing AS varchar) AS housing_type, CAST(:s_business AS varchar) AS business,
				       CAST(:s_main AS varchar) AS main_cause, CAST(:s_secondary AS text[]) AS secondary_causes,
				       CAST(:s_categories AS text[]) AS categories""";
		String members = """
				SELECT u.id, CAST(:s_id AS bigint) AS household_id, TRUE AS active, CAST(u.birth AS date) AS birth_date, u.relation,
				       u.hukou_type, u.employment, CAST(u.wage AS numeric) AS income_wage, CAST(u.business AS numeric) AS income_business,
				       CAST(u.property AS numeric) AS income_property, CAST(u.transfer AS numeric) AS income_transfer,
				       CAST(u.pension AS numeric) AS income_pension, u.health, CAST(u.grade AS smallint) AS disability_grade,
				       u.schooling, string_to_array(u.categories, ',') AS categories
				FROM unnest(CAST(:m_id AS bigint[]), CAST(:m_birth AS text[]), CAST(:m_relation AS text[]), CAST(:m_hukou AS text[]),
				            CAST(:m_employment AS text[]), CAST(:m_wage AS text[]), CAST(:m_business AS text[]),
				            CAST(:m_property AS text[]), CAST(:m_transfer AS text[]), CAST(:m_pension AS text[]),
				            CAST(:m_health AS text[]), CAST(:m_grade AS text[]), CAST(:m_schooling AS text[]),
				            CAST(:m_categories AS text[]))
				     AS u(id, birth, relation, hukou_type, employment, wage, business, property, transfer, pension, health, grade,
				          schooling, categories)""";
		String sql = sql("TRUE", "TRUE", EnumSet.allOf(Fact.class), new Sources("(" + household + ") h",
				"JOIN (" + household + ") hh ON hh.id = a.household_id",
				"LEFT JOIN (" + members + ") m ON m.household_id = h.id AND m.active"));
		Map<String, Object> p = new java.util.HashMap<>();
		p.put("asOf", asOf);
		p.put("s_id", v.id());
		p.put("s_org", v.organisationId());
		p.put("s_region", v.regionCode());
		p.put("s_version", v.version());
		p.put("s_status", v.status() == null ? null : v.status().name());
		p.put("s_rent", v.annualRent());
		p.put("s_savings", v.savings());
		p.put("s_vehicles", v.vehicles());
		p.put("s_floor", v.floorArea());
		p.put("s_housing", v.housingType() == null ? null : v.housingType().name());
		p.put("s_business", v.business());
		p.put("s_main", v.mainCause() == null ? null : v.mainCause().name());
		p.put("s_secondary", names(v.secondaryCauses()));
		p.put("s_categories", names(v.categories()));
		List<org.bangfu.registry.MemberView> ms = v.members() == null ? List.of() : v.members();
		p.put("m_id", ms.stream().map(org.bangfu.registry.MemberView::id).toArray(Long[]::new));
		p.put("m_birth", texts(ms, m -> m.birthDate()));
		p.put("m_relation", texts(ms, m -> m.relation()));
		p.put("m_hukou", texts(ms, m -> m.hukouType()));
		p.put("m_employment", texts(ms, m -> m.employment()));
		p.put("m_wage", money(ms, m -> m.wage()));
		p.put("m_business", money(ms, m -> m.businessIncome()));
		p.put("m_property", money(ms, m -> m.propertyIncome()));
		p.put("m_transfer", money(ms, m -> m.transferIncome()));
		p.put("m_pension", money(ms, m -> m.pension()));
		p.put("m_health", texts(ms, m -> m.health() == null ? "HEALTHY" : m.health()));
		p.put("m_grade", texts(ms, m -> m.disabilityGrade()));
		p.put("m_schooling", texts(ms, m -> m.schooling()));
		p.put("m_categories", texts(ms, m -> m.categories() == null ? "" : String.join(",", names(m.categories()))));
		return jdbc.sql(sql).params(p).query((rs, n) -> map(rs)).single();
	}

	private static String[] names(List<? extends Enum<?>> values) {
		return values == null ? new String[0] : values.stream().map(Enum::name).toArray(String[]::new);
	}

	private static String[] texts(List<org.bangfu.registry.MemberView> ms,
			java.util.function.Function<org.bangfu.registry.MemberView, Object> f) {
		return ms.stream().map(f).map(o -> o == null ? null : o instanceof Enum<?> e ? e.name() : o.toString()).toArray(String[]::new);
	}

	private static String[] money(List<org.bangfu.registry.MemberView> ms,
			java.util.function.Function<org.bangfu.registry.MemberView, BigDecimal> f) {
		return texts(ms, m -> f.apply(m) == null ? BigDecimal.ZERO : f.apply(m));
	}

	/** One household's facts with what identifies it. */
	public record HouseholdFacts(long householdId, long organisationId, String regionCode, int householdVersion,
			Map<Fact, Object> values) {
	}

	static HouseholdFacts map(ResultSet rs) throws SQLException {
		Map<Fact, Object> values = new EnumMap<>(Fact.class);
		for (Fact f : Fact.values()) {
			if (f.numerator() != null) {
				continue; // derived exactly from its parts by the rules, never read as a rounded figure
			}
			if (f.type() == org.bangfu.identification.rules.Type.BOOLEAN) {
				values.put(f, rs.getBoolean(f.column()));
			}
			else {
				BigDecimal v = rs.getBigDecimal(f.column());
				values.put(f, v == null ? BigDecimal.ZERO : v);
			}
		}
		return new HouseholdFacts(rs.getLong("household_id"), rs.getLong("organisation_id"), rs.getString("region_code"),
				rs.getInt("household_version"), values);
	}

}
