package org.bangfu.identification.internal;

import org.bangfu.shared.BusinessClock;

/**
 * The facts that come from the register's economics records ({@code registry_income_item},
 * {@code registry_spending}, {@code registry_sudden_cost}, {@code registry_asset}): one lateral
 * relation {@code e} per household of the facts query (three index scans of its own records, no
 * query per household), on the evaluation date :asOf. The arithmetic is the register's
 * ({@code org.bangfu.registry.economics.IncomeHistoryPolicy} and {@code EconomicsFactsPolicy}):
 * a yearly income item counts amount × n ÷ 12 for its n months in a window, a quotient that does
 * not end is carried to 10 decimals half up ({@code round(x, 10)}), nothing else is rounded.
 * <ul>
 * <li>m1 is the month of :asOf, m2 the month before … m12; the last 12 months are m12 … m1.
 * Income items count for the members of the file ({@code a.member_ids}): a member who left the
 * household takes their income along.</li>
 * <li>Spending is that of the calendar year of :asOf (and of the year before, "last year");
 * rent is the recorded rent of the year, else the household's annual rent.</li>
 * <li>Sudden costs count what insurance or others did not cover, occurred in the year of :asOf
 * up to it, or in the 12 months up to it; assets count when dated on or before :asOf.</li>
 * </ul>
 */
final class EconomicsFacts {

	private EconomicsFacts() {
	}

	/** Records in force today (neither corrected nor deleted). */
	static final String CURRENT = "x.retired_at IS NULL";

	/** The end of :asOf in the business time zone (as {@link FilesAsOf#end}). */
	private static final String END = "(CAST(CAST(:asOf AS date) + 1 AS timestamp) AT TIME ZONE '" + BusinessClock.zone().getId() + "')";

	/** Records as they stood at the end of :asOf: recorded before it, not retired by then. */
	static final String AS_OF = "x.recorded_at < " + END + " AND (x.retired_at IS NULL OR x.retired_at >= " + END + ")";

	/** The first day of the month after :asOf (a facts row is valid until then at the latest). */
	static final String NEXT_MONTH = "CAST(date_trunc('month', CAST(:asOf AS date)) + interval '1 month' AS date)";

	private static final String D = "CAST(:asOf AS date)";

	private static final String M1 = "CAST(date_trunc('month', " + D + ") AS date)";

	private static final String Y = "CAST(extract(year FROM " + D + ") AS integer)";

	static final String RENT_YEAR = "(CASE WHEN e.rent_n > 0 THEN e.rent ELSE coalesce(hh.annual_rent, 0.00) END)";

	static final String ESSENTIAL_YEAR = "(" + RENT_YEAR + " + e.medical + e.schooling + e.care + e.other_spending)";

	static final String ESSENTIAL_LAST_YEAR = "((CASE WHEN e.rent_last_n > 0 THEN e.rent_last ELSE coalesce(hh.annual_rent, 0.00) END) "
			+ "+ e.non_rent_last)";

	/** x ÷ household size, to 10 decimals (0 for a household without members). */
	static String perCapita(String x) {
		return "coalesce(round(" + x + " / NULLIF(a.n, 0), 10), 0)";
	}

	/** Month number of a date, for counting months (year × 12 + month). */
	private static String idx(String date) {
		return "(extract(year FROM " + date + ") * 12 + extract(month FROM " + date + "))";
	}

	/**
	 * Σ over the income items x of their part in the months from..to (month starts): a monthly
	 * item whole when its month is in it, a yearly item round(amount × n ÷ 12, 10) for n of its months in it.
	 */
	private static String window(String from, String to) {
		String n = "greatest(0, least(" + idx(to) + ", " + idx("x.period_start") + " + 11) - greatest(" + idx(from) + ", "
				+ idx("x.period_start") + ") + 1)";
		return "coalesce(sum(CASE WHEN x.period = 'MONTH' THEN CASE WHEN x.period_start BETWEEN " + from + " AND " + to
				+ " THEN x.amount ELSE 0 END ELSE round(x.amount * " + n + " / 12, 10) END), 0)";
	}

	private static String month(int k) {
		return "CAST(" + M1 + " - interval '" + (k - 1) + " months' AS date)";
	}

	/** The lateral relation e for the household a.household_id, records filtered by inForce (over x). */
	static String lateral(String inForce) {
		StringBuilder income = new StringBuilder("SELECT ").append(window(month(12), M1)).append(" AS inc12, ")
			.append(window("make_date(" + Y + " - 1, 1, 1)", "make_date(" + Y + " - 1, 12, 1)")).append(" AS inc_last_year");
		for (int k = 1; k <= 12; k++) {
			income.append(", ").append(window(month(k), month(k))).append(" AS inc_m").append(k);
		}
		income.append(" FROM registry_income_item x WHERE x.household_id = a.household_id AND x.member_id = ANY (a.member_ids) AND ")
			.append(inForce)
			.append(" AND x.period_start BETWEEN make_date(").append(Y).append(" - 1, 1, 1) AND ").append(M1);
		String spending = """
				SELECT coalesce(sum(x.amount) FILTER (WHERE x.year = %1$s AND x.kind = 'MEDICAL'), 0) AS medical,
				       coalesce(sum(x.amount) FILTER (WHERE x.year = %1$s AND x.kind = 'SCHOOLING'), 0) AS schooling,
				       coalesce(sum(x.amount) FILTER (WHERE x.year = %1$s AND x.kind = 'CARE'), 0) AS care,
				       coalesce(sum(x.amount) FILTER (WHERE x.year = %1$s AND x.kind = 'OTHER'), 0) AS other_spending,
				       coalesce(sum(x.amount) FILTER (WHERE x.year = %1$s AND x.kind = 'RENT'), 0) AS rent,
				       count(*) FILTER (WHERE x.year = %1$s AND x.kind = 'RENT') AS rent_n,
				       coalesce(sum(x.amount) FILTER (WHERE x.year = %1$s - 1 AND x.kind = 'RENT'), 0) AS rent_last,
				       count(*) FILTER (WHERE x.year = %1$s - 1 AND x.kind = 'RENT') AS rent_last_n,
				       coalesce(sum(x.amount) FILTER (WHERE x.year = %1$s - 1 AND x.kind <> 'RENT'), 0) AS non_rent_last
				FROM registry_spending x WHERE x.household_id = a.household_id AND %2$s AND x.year BETWEEN %1$s - 1 AND %1$s"""
			.formatted(Y, inForce);
		String sudden = """
				SELECT coalesce(sum(x.amount - x.covered) FILTER (WHERE x.occurred_on >= make_date(%1$s, 1, 1)), 0) AS sudden_year,
				       coalesce(sum(x.amount - x.covered) FILTER (WHERE x.occurred_on > CAST(%2$s - interval '1 year' AS date)), 0) AS sudden_12m
				FROM registry_sudden_cost x WHERE x.household_id = a.household_id AND %3$s AND x.occurred_on <= %2$s
				  AND x.occurred_on >= least(make_date(%1$s, 1, 1), CAST(%2$s - interval '1 year' AS date))""".formatted(Y, D, inForce);
		String assets = """
				SELECT coalesce(sum(x.value) FILTER (WHERE x.kind = 'VEHICLE'), 0) AS vehicle_value,
				       coalesce(sum(x.value) FILTER (WHERE x.kind = 'SAVINGS'), 0) AS recorded_savings,
				       count(*) FILTER (WHERE x.kind = 'EXTRA_HOME') AS extra_homes,
				       count(*) FILTER (WHERE x.kind = 'BUSINESS') AS businesses,
				       coalesce(bool_or(x.kind = 'LUXURY_PURCHASE' AND x.as_of > CAST(%1$s - interval '1 year' AS date)), FALSE) AS luxury_12m
				FROM registry_asset x WHERE x.household_id = a.household_id AND %2$s AND x.as_of <= %1$s""".formatted(D, inForce);
		return "SELECT i.*, s.*, c.*, t.* FROM (" + income + ") i CROSS JOIN (" + spending + ") s CROSS JOIN (" + sudden
				+ ") c CROSS JOIN (" + assets + ") t";
	}

}
