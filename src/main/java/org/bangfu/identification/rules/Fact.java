package org.bangfu.identification.rules;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The facts a rule may use, computed from the register for each household by one SQL
 * statement ({@code internal.FactsQuery}, one column per fact with the same name). Labels are
 * in the bundle under {@code identification.fact.<name>}.
 */
public enum Fact {

	SIZE(Unit.COUNT), INCOME_MONTH(Unit.MONEY), INCOME_YEAR(Unit.MONEY), PER_CAPITA_INCOME_MONTH(Unit.MONEY),
	PER_CAPITA_INCOME_YEAR(Unit.MONEY), EARNER_COUNT(Unit.COUNT), RENT_YEAR(Unit.MONEY),
	MEDICAL_SPENDING_YEAR(Unit.MONEY), SCHOOLING_SPENDING_YEAR(Unit.MONEY), ESSENTIAL_SPENDING_YEAR(Unit.MONEY),
	NET_INCOME_YEAR(Unit.MONEY), SAVINGS(Unit.MONEY), VEHICLES(Unit.COUNT), FLOOR_AREA(Unit.AREA),
	OWN_HOME(Unit.YES_NO), RENTING(Unit.YES_NO), HAS_BUSINESS(Unit.YES_NO), HEALTHY_COUNT(Unit.COUNT),
	CHRONIC_COUNT(Unit.COUNT), MAJOR_ILLNESS_COUNT(Unit.COUNT), DISABLED_COUNT(Unit.COUNT),
	SEVERELY_DISABLED_COUNT(Unit.COUNT), PRESCHOOL_COUNT(Unit.COUNT), COMPULSORY_SCHOOL_COUNT(Unit.COUNT),
	SENIOR_SCHOOL_COUNT(Unit.COUNT), HIGHER_EDUCATION_COUNT(Unit.COUNT), STUDENT_COUNT(Unit.COUNT),
	MINOR_COUNT(Unit.COUNT), WORKING_AGE_COUNT(Unit.COUNT), ELDERLY_COUNT(Unit.COUNT), EMPLOYED_COUNT(Unit.COUNT),
	UNEMPLOYED_COUNT(Unit.COUNT), RETIRED_COUNT(Unit.COUNT), UNABLE_TO_WORK_COUNT(Unit.COUNT),
	ZERO_EMPLOYMENT(Unit.YES_NO), SINGLE_PARENT(Unit.YES_NO), SPECIAL_MEMBER_COUNT(Unit.COUNT),
	RURAL_HUKOU(Unit.YES_NO),
	CAUSE_ILLNESS(Unit.YES_NO), CAUSE_DISABILITY(Unit.YES_NO), CAUSE_SCHOOLING(Unit.YES_NO),
	CAUSE_SINGLE_PARENT(Unit.YES_NO), CAUSE_ACCIDENT(Unit.YES_NO), CAUSE_UNEMPLOYMENT(Unit.YES_NO),
	CAUSE_DISASTER(Unit.YES_NO), CAUSE_HOUSING(Unit.YES_NO), CAUSE_LACK_OF_LABOUR(Unit.YES_NO),
	CAUSE_OTHER(Unit.YES_NO),
	CAT_DIBAO(Unit.YES_NO), CAT_DESTITUTE(Unit.YES_NO), CAT_NEAR_DIBAO(Unit.YES_NO),
	CAT_EXPENDITURE_HARDSHIP(Unit.YES_NO), CAT_HARDSHIP_WORKER(Unit.YES_NO), CAT_VULNERABLE_CHILD(Unit.YES_NO),
	CAT_ORPHAN(Unit.YES_NO), CAT_ELDERLY_ALONE(Unit.YES_NO), CAT_EMPTY_NEST(Unit.YES_NO), CAT_DISABLED(Unit.YES_NO),
	CAT_ENTITLED_GROUP(Unit.YES_NO), CAT_MILITARY_FAMILY(Unit.YES_NO),
	// from the register's economics records (issue 13): income by period, spending by year, sudden costs, assets
	INCOME_12M(Unit.MONEY), PER_CAPITA_INCOME_12M(Unit.MONEY), INCOME_LAST_YEAR(Unit.MONEY),
	PER_CAPITA_INCOME_LAST_YEAR(Unit.MONEY), PER_CAPITA_INCOME_M1(Unit.MONEY), PER_CAPITA_INCOME_M2(Unit.MONEY),
	PER_CAPITA_INCOME_M3(Unit.MONEY), PER_CAPITA_INCOME_M4(Unit.MONEY), PER_CAPITA_INCOME_M5(Unit.MONEY),
	PER_CAPITA_INCOME_M6(Unit.MONEY), PER_CAPITA_INCOME_M7(Unit.MONEY), PER_CAPITA_INCOME_M8(Unit.MONEY),
	PER_CAPITA_INCOME_M9(Unit.MONEY), PER_CAPITA_INCOME_M10(Unit.MONEY), PER_CAPITA_INCOME_M11(Unit.MONEY),
	PER_CAPITA_INCOME_M12(Unit.MONEY), CARE_SPENDING_YEAR(Unit.MONEY), OTHER_SPENDING_YEAR(Unit.MONEY),
	ESSENTIAL_SPENDING_MONTH(Unit.MONEY), PER_CAPITA_ESSENTIAL_SPENDING_YEAR(Unit.MONEY),
	ESSENTIAL_SPENDING_LAST_YEAR(Unit.MONEY), SUDDEN_COSTS_YEAR(Unit.MONEY), SUDDEN_COSTS_12M(Unit.MONEY),
	VEHICLE_VALUE(Unit.MONEY), RECORDED_SAVINGS(Unit.MONEY), EXTRA_HOMES(Unit.COUNT), REGISTERED_BUSINESSES(Unit.COUNT),
	LUXURY_PURCHASE_12M(Unit.YES_NO),
	// the household's income of each month (m1 = the evaluation month): what the per-capita months divide exactly
	INCOME_M1(Unit.MONEY), INCOME_M2(Unit.MONEY), INCOME_M3(Unit.MONEY), INCOME_M4(Unit.MONEY), INCOME_M5(Unit.MONEY),
	INCOME_M6(Unit.MONEY), INCOME_M7(Unit.MONEY), INCOME_M8(Unit.MONEY), INCOME_M9(Unit.MONEY), INCOME_M10(Unit.MONEY),
	INCOME_M11(Unit.MONEY), INCOME_M12(Unit.MONEY);

	/** What a derived fact divides its {@link #numerator()} by: the household's size, or 12 (a year's figure per month). */
	public enum Per {

		SIZE, TWELVE

	}

	/** How a fact's value reads: an amount of yuan, a count, square metres, or yes/no. */
	public enum Unit {

		MONEY, COUNT, AREA, YES_NO

	}

	private static final Map<String, Fact> BY_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Fact::column, Function.identity()));

	private final Unit unit;

	Fact(Unit unit) {
		this.unit = unit;
	}

	/** The name rules use and the column of the facts relation: lower case, e.g. {@code income_year}. */
	public String column() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	public Unit unit() {
		return unit;
	}

	public Type type() {
		return unit == Unit.YES_NO ? Type.BOOLEAN : Type.NUMBER;
	}

	/**
	 * For a derived fact (a per-capita figure, or a month's share of a year's figure), the fact it
	 * divides by {@link #per()} exactly, never rounded: rules read the quotient, not a stored
	 * figure. Null for every other fact.
	 */
	public Fact numerator() {
		return switch (this) {
			case PER_CAPITA_INCOME_MONTH -> INCOME_MONTH;
			case PER_CAPITA_INCOME_YEAR -> INCOME_YEAR;
			case PER_CAPITA_INCOME_12M -> INCOME_12M;
			case PER_CAPITA_INCOME_LAST_YEAR -> INCOME_LAST_YEAR;
			case PER_CAPITA_ESSENTIAL_SPENDING_YEAR, ESSENTIAL_SPENDING_MONTH -> ESSENTIAL_SPENDING_YEAR;
			case PER_CAPITA_INCOME_M1 -> INCOME_M1;
			case PER_CAPITA_INCOME_M2 -> INCOME_M2;
			case PER_CAPITA_INCOME_M3 -> INCOME_M3;
			case PER_CAPITA_INCOME_M4 -> INCOME_M4;
			case PER_CAPITA_INCOME_M5 -> INCOME_M5;
			case PER_CAPITA_INCOME_M6 -> INCOME_M6;
			case PER_CAPITA_INCOME_M7 -> INCOME_M7;
			case PER_CAPITA_INCOME_M8 -> INCOME_M8;
			case PER_CAPITA_INCOME_M9 -> INCOME_M9;
			case PER_CAPITA_INCOME_M10 -> INCOME_M10;
			case PER_CAPITA_INCOME_M11 -> INCOME_M11;
			case PER_CAPITA_INCOME_M12 -> INCOME_M12;
			default -> null;
		};
	}

	/** What a derived fact divides its numerator by; null for a fact that is not derived. */
	public Per per() {
		return numerator() == null ? null : this == ESSENTIAL_SPENDING_MONTH ? Per.TWELVE : Per.SIZE;
	}

	public String messageKey() {
		return "identification.fact." + column();
	}

	public static Optional<Fact> named(String name) {
		return Optional.ofNullable(BY_NAME.get(name));
	}

}
