package org.bangfu.programs.internal.posts;

/**
 * The statements that turn the post register into a month's roster, each ONE set-based statement
 * over all posts of the cycle organisation's subtree. Parameters: cycleId, code, year, monthStart,
 * monthEnd, prevMonth, scopePath. The tier's amount is the post organisation's own, else the
 * nearest ancestor's. Reads registry_household and registry_member (read-only, as the rosters do).
 */
final class PostRosterSql {

	/** The cycle's posts with a day in post in the month, the first and last such day and the tier's amount. */
	private static final String IN_MONTH = """
			SELECT p.*, GREATEST(p.from_date, CAST(:monthStart AS date)) AS d1,
			       LEAST(coalesce(p.to_date, CAST(:monthEnd AS date)), CAST(:monthEnd AS date)) AS d2, t.monthly_fen
			FROM programs_post p
			JOIN organisation po ON po.id = p.organisation_id
			LEFT JOIN LATERAL (SELECT pt.monthly_fen FROM programs_post_tier pt JOIN organisation so ON so.id = pt.organisation_id
			                   WHERE pt.tier = p.tier AND po.path LIKE so.path || '%' ORDER BY length(so.path) DESC LIMIT 1) t ON TRUE
			WHERE po.path LIKE :scopePath AND p.from_date <= CAST(:monthEnd AS date)
			  AND (p.to_date IS NULL OR p.to_date >= CAST(:monthStart AS date))
			""";

	private static final String FLAG = "INSERT INTO programs_post_flag (cycle_id, post_id, kind, month) ";

	private static final String FLAG_END = " ON CONFLICT (cycle_id, post_id) DO NOTHING";

	/** Flags, in order of precedence (the first flag of a post stays). */
	static final String[] FLAGS = {
			"DELETE FROM programs_post_flag WHERE cycle_id = :cycleId",
			// the same ID number in another post (anywhere) whose days overlap this post's days in the month
			FLAG + "SELECT :cycleId, p.id, 'DUPLICATE', CAST(:monthStart AS date) FROM (" + IN_MONTH + ") p WHERE EXISTS ("
					+ "SELECT 1 FROM programs_post q WHERE q.person_hash = p.person_hash AND q.id <> p.id AND q.from_date <= p.d2 "
					+ "AND (q.to_date IS NULL OR q.to_date >= p.d1))" + FLAG_END,
			// no longer an active member of a filed (or exited) household
			FLAG + "SELECT :cycleId, p.id, 'NOT_IN_REGISTER', CAST(:monthStart AS date) FROM (" + IN_MONTH + ") p "
					+ "WHERE NOT EXISTS (SELECT 1 FROM registry_member m JOIN registry_household h ON h.id = m.household_id "
					+ "WHERE m.id = p.member_id AND m.active AND h.status IN ('FILED', 'EXITED'))" + FLAG_END,
			// the month already claimed for the person by another cycle
			FLAG + "SELECT :cycleId, p.id, 'PAID_ELSEWHERE', CAST(:monthStart AS date) FROM (" + IN_MONTH + ") p "
					+ "JOIN programs_post_month pm ON pm.person_hash = p.person_hash AND pm.month = CAST(:monthStart AS date) "
					+ "AND pm.cycle_id <> :cycleId" + FLAG_END,
			FLAG + "SELECT :cycleId, p.id, 'NO_AMOUNT', CAST(:monthStart AS date) FROM (" + IN_MONTH + ") p "
					+ "WHERE p.monthly_fen IS NULL" + FLAG_END,
			// paid the month before in the subtree, and not a day in any post this month: stopped (离岗取消)
			FLAG + "SELECT :cycleId, pm.post_id, 'NOT_IN_POST', CAST(:monthStart AS date) FROM programs_post_month pm "
					+ "JOIN programs_post p ON p.id = pm.post_id JOIN organisation po ON po.id = p.organisation_id "
					+ "WHERE pm.month = CAST(:prevMonth AS date) AND po.path LIKE :scopePath AND NOT EXISTS ("
					+ "SELECT 1 FROM programs_post q WHERE q.person_hash = pm.person_hash AND q.from_date <= CAST(:monthEnd AS date) "
					+ "AND (q.to_date IS NULL OR q.to_date >= CAST(:monthStart AS date)))" + FLAG_END };

	/** The person's month claimed by this cycle for each unflagged post (a person once a month, whatever the cycle). */
	static final String CLAIM = "INSERT INTO programs_post_month (person_hash, month, cycle_id, post_id) "
			+ "SELECT p.person_hash, CAST(:monthStart AS date), :cycleId, p.id FROM (" + IN_MONTH + ") p "
			+ "WHERE p.monthly_fen IS NOT NULL AND NOT EXISTS (SELECT 1 FROM programs_post_flag f "
			+ "WHERE f.cycle_id = :cycleId AND f.post_id = p.id) ON CONFLICT (person_hash, month) DO NOTHING";

	/**
	 * The roster's lines of the claimed months: the amount pro rata by days in post, rounded once to the fen; rule row 1
	 * (the program's one row, the tier's monthly amount), the tier and the days in the line's facts.
	 */
	static final String LINES = """
			INSERT INTO programs_roster_line (cycle_id, program_code, pay_year, household_id, organisation_id, region_code,
			    member_id, person_hash, rule_row, facts, computed_fen, amount_fen, max_fen, payee_name, id_number_masked,
			    bank_name, account_masked, account_hash, account_enc, account_status, status)
			SELECT :cycleId, :code, :year, p.household_id, h.organisation_id, h.region_code, p.member_id, p.person_hash, 1,
			       jsonb_build_object('post_id', p.id, 'post', p.post_name, 'place', p.place, 'tier', p.tier,
			                          'month', to_char(CAST(:monthStart AS date), 'YYYY-MM'), 'days_in_post', a.days,
			                          'days_in_month', a.month_days, 'monthly_amount', p.monthly_fen / 100.0),
			       a.fen, a.fen, a.fen, p.person_name, p.id_number_masked, p.bank_name, p.account_masked, p.account_hash,
			       p.account_enc, 'OK', 'PROPOSED'
			FROM programs_post_month pm
			JOIN (%s) p ON p.id = pm.post_id
			JOIN registry_household h ON h.id = p.household_id
			CROSS JOIN LATERAL (SELECT d.days, d.month_days,
			       CASE WHEN d.days = d.month_days THEN p.monthly_fen
			            ELSE CAST(round(CAST(p.monthly_fen AS numeric) * d.days / d.month_days) AS bigint) END AS fen
			       FROM (SELECT (p.d2 - p.d1 + 1) AS days,
			                    CAST(extract(day FROM CAST(:monthEnd AS date)) AS integer) AS month_days) d) a
			WHERE pm.cycle_id = :cycleId AND pm.month = CAST(:monthStart AS date) AND a.fen > 0
			ON CONFLICT DO NOTHING
			""".formatted(IN_MONTH);

	private PostRosterSql() {
	}

}
