package org.bangfu.programs.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.bangfu.identification.rules.Fact;
import org.bangfu.identification.rules.SqlNames;
import org.bangfu.programs.AmountRow;
import org.bangfu.programs.BeneficiaryUnit;
import org.bangfu.programs.ProgramContent;
import org.bangfu.programs.ProgramForm;
import org.bangfu.programs.ProgramLimits;
import org.bangfu.programs.SecondGrant;

/**
 * The roster of one cycle for one range of household ids as ONE {@code INSERT … SELECT} over
 * identification's facts table ({@code identification_facts x}, read-only), the register's
 * households and members, the program's approved lines of the year (for caps and second
 * grants) and recorded member accounts: the same steps as {@link AmountPolicy}, which is the
 * reference. {@code ON CONFLICT DO NOTHING} on the unique indexes (a household, a person once
 * per cycle) makes a repeated or concurrent run add nothing twice. Parameters: cycleId, code,
 * year, payDate, months, scopePath, lo, hi.
 */
final class RosterSql {

	private static final SqlNames NAMES = new SqlNames() {

		@Override
		public String fact(Fact fact) {
			return fact.unit() == Fact.Unit.COUNT ? "CAST(x." + fact.column() + " AS numeric)" : "x." + fact.column();
		}

		@Override
		public String standardValue(String kind) {
			throw new IllegalStateException("programs use no standards");
		}

		@Override
		public String standardBasis(String kind) {
			throw new IllegalStateException("programs use no standards");
		}

	};

	private RosterSql() {
	}

	static String insert(ProgramContent c, ProgramRules rules) {
		boolean household = c.unit() == BeneficiaryUnit.HOUSEHOLD;
		boolean cash = c.form() == ProgramForm.CASH;
		ProgramLimits limits = c.limitsOrNone();
		StringBuilder rowNo = new StringBuilder("(CASE");
		StringBuilder amount = new StringBuilder("(CASE");
		StringBuilder rangeMax = new StringBuilder("(CASE");
		for (int i = 0; i < c.rows().size(); i++) {
			AmountRow r = c.rows().get(i);
			String when = " WHEN (" + rules.conditions().get(i).sql(NAMES) + ") IS TRUE"
					+ (household ? "" : " AND " + MemberConditionPolicy.sql(r.memberOrAny()));
			rowNo.append(when).append(" THEN ").append(i + 1);
			String a = "(" + rules.amounts().get(i).sql(NAMES) + ")" + (r.perMonth() ? " * CAST(:months AS numeric)" : "");
			amount.append(when).append(" THEN ").append(a);
			rangeMax.append(when).append(" THEN ").append(r.range() ? "CAST(" + fen(r.rangeMax()) + " AS bigint)" : "CAST(NULL AS bigint)");
		}
		rowNo.append(" ELSE 0 END)");
		amount.append(" END)");
		rangeMax.append(" ELSE CAST(NULL AS bigint) END)");
		String bonus = "1";
		if (!household && c.bonusOrZero().signum() > 0) {
			bonus = "(CASE WHEN " + MemberConditionPolicy.SPECIAL_SQL + " THEN CAST('"
					+ BigDecimal.valueOf(100).add(c.bonusOrZero()).movePointLeft(2).toPlainString() + "' AS numeric) ELSE 1 END)";
		}
		String v = "(" + amount + " * " + bonus + ")";
		String rounded = switch (c.roundingOrFen()) {
			case FEN -> "round(" + v + " * 100)";
			case YUAN -> "round(" + v + ") * 100";
			case YUAN_DOWN -> "floor(" + v + ") * 100";
		};
		String facts = "jsonb_build_object(" + rules.facts().stream().sorted()
			.map(f -> "'" + f.column() + "', x." + f.column())
			.collect(Collectors.joining(", ")) + (rules.facts().isEmpty() ? "" : ", ") + "'paid_this_year', coalesce(e.paid, 0) / 100.0)";
		String member = household ? "m.relation = 'HEAD'" : c.unit() == BeneficiaryUnit.PERSON ? "TRUE"
				: MemberConditionPolicy.sql(c.memberOrAny());

		String inner = """
				SELECT x.household_id, x.organisation_id, x.region_code, m.id AS mid, m.id_number_hash AS person, m.name,
				       m.id_number_masked, %s AS row_no, CAST(GREATEST(0, %s) AS bigint) AS base, %s AS range_max, %s AS facts,
				       coalesce(e.paid, 0) AS paid, coalesce(ep.paid, 0) AS paid_person, %s AS oop,
				       %s
				FROM identification_facts x
				JOIN organisation o ON o.id = x.organisation_id
				JOIN registry_household h ON h.id = x.household_id AND h.status = 'FILED'
				JOIN registry_member m ON m.household_id = x.household_id AND m.active AND %s
				LEFT JOIN programs_member_account a ON a.member_id = m.id
				LEFT JOIN (SELECT l.household_id, sum(l.amount_fen) AS paid FROM programs_roster_line l
				           JOIN programs_cycle c ON c.id = l.cycle_id AND c.status = 'APPROVED'
				           WHERE l.program_code = :code AND l.pay_year = :year AND l.status <> 'REMOVED'
				             AND l.household_id BETWEEN :lo AND :hi GROUP BY l.household_id) e ON e.household_id = x.household_id
				LEFT JOIN (SELECT l.person_hash, sum(l.amount_fen) AS paid FROM programs_roster_line l
				           JOIN programs_cycle c ON c.id = l.cycle_id AND c.status = 'APPROVED'
				           WHERE l.program_code = :code AND l.pay_year = :year AND l.status <> 'REMOVED'
				             AND l.person_hash IS NOT NULL AND l.household_id BETWEEN :lo AND :hi GROUP BY l.person_hash) ep
				       ON ep.person_hash = m.id_number_hash
				WHERE o.path LIKE :scopePath AND x.household_id BETWEEN :lo AND :hi AND (%s) IS TRUE %s
				  AND (NOT EXISTS (SELECT 1 FROM programs_cycle_region cr WHERE cr.cycle_id = :cycleId)
				       OR EXISTS (SELECT 1 FROM programs_cycle_region cr WHERE cr.cycle_id = :cycleId
				                  AND x.region_code LIKE cr.prefix || '%%'))
				""".formatted(rowNo, rounded, rangeMax, facts,
				limits.outOfPocket() ? "CAST(floor((x.medical_spending_year + x.sudden_costs_year) * 100) AS bigint)" : "CAST(NULL AS bigint)",
				accountColumns(cash, household), member, rules.target().sql(NAMES),
				limits.secondGrantOrAllowed() == SecondGrant.NEVER ? "AND e.paid IS NULL" : "");
		String ordered = "SELECT s.*, coalesce(sum(s.base) OVER (PARTITION BY s.household_id ORDER BY s.mid "
				+ "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before FROM (" + inner + ") s WHERE s.row_no > 0 AND s.base IS NOT NULL";
		List<String> caps = new ArrayList<>();
		if (limits.capPerGrant() != null) {
			caps.add(String.valueOf(fen(limits.capPerGrant())));
		}
		if (limits.capPerYearHousehold() != null) {
			caps.add(fen(limits.capPerYearHousehold()) + " - t.paid - t.before");
		}
		if (limits.capPerYearPerson() != null) {
			caps.add(fen(limits.capPerYearPerson()) + " - t.paid_person");
		}
		if (limits.outOfPocket()) {
			caps.add("t.oop - t.paid - t.before");
		}
		String cap = caps.isEmpty() ? "CAST(NULL AS bigint)" : "GREATEST(0, LEAST(" + String.join(", ", caps) + "))";
		String capped = "SELECT t.*, " + cap + " AS cap FROM (" + ordered + ") t";
		String rangeTop = "(CASE WHEN u.range_max IS NULL THEN NULL ELSE LEAST(u.range_max, coalesce(u.cap, u.range_max)) END)";
		String amountFen = "LEAST(u.base, coalesce(u.cap, u.base), coalesce(" + rangeTop + ", u.base))";
		String secondGrant = limits.secondGrantOrAllowed() == SecondGrant.SPECIAL_CASES_ONLY ? "(u.paid > 0)" : "FALSE";
		return """
				INSERT INTO programs_roster_line (cycle_id, program_code, pay_year, household_id, organisation_id, region_code,
				    member_id, person_hash, rule_row, facts, computed_fen, amount_fen, range_min_fen, range_max_fen, max_fen, capped,
				    second_grant, payee_name, id_number_masked, bank_name, account_masked, account_hash, account_enc,
				    account_holder, account_status, status)
				SELECT :cycleId, :code, :year, u.household_id, u.organisation_id, u.region_code, %s, %s, u.row_no, u.facts,
				       u.base, %s, CASE WHEN u.range_max IS NULL THEN NULL ELSE %s END, %s, coalesce(%s, %s), %s < u.base, %s,
				       u.name, u.id_number_masked, u.bank_name, u.account_masked, u.account_hash, u.account_enc,
				       u.account_holder, %s,
				       CASE WHEN u.range_max IS NOT NULL OR %s THEN 'NEEDS_REASON' ELSE 'PROPOSED' END
				FROM (%s) u
				WHERE coalesce(%s, %s) > 0
				ON CONFLICT DO NOTHING
				""".formatted(household ? "NULL" : "u.mid", household ? "NULL" : "u.person", amountFen, amountFen, rangeTop,
				rangeTop, amountFen, amountFen, secondGrant,
				cash ? "CASE WHEN u.account_hash IS NULL THEN 'MISSING' ELSE 'OK' END" : "'NOT_NEEDED'", secondGrant,
				capped, rangeTop, amountFen);
	}

	/**
	 * Where the money goes: the household's account (the head's card) or the person's own, else the head's for the head
	 * and minors; for a minor paid to the head's card, the head's name as the account holder (一卡通: the guardian's card).
	 */
	private static String accountColumns(boolean cash, boolean household) {
		if (!cash) {
			return "CAST(NULL AS varchar) AS bank_name, CAST(NULL AS varchar) AS account_masked, CAST(NULL AS char(64)) AS account_hash, "
					+ "CAST(NULL AS text) AS account_enc, CAST(NULL AS varchar) AS account_holder";
		}
		if (household) {
			return "h.bank_name, h.bank_account_masked AS account_masked, h.bank_account_hash AS account_hash, "
					+ "h.bank_account_enc AS account_enc, CAST(NULL AS varchar) AS account_holder";
		}
		String headOrMinor = "(a.member_id IS NULL AND h.bank_account_hash IS NOT NULL AND (m.relation = 'HEAD' "
				+ "OR m.birth_date > (CAST(:payDate AS date) - interval '18 years')))";
		return "CASE WHEN " + headOrMinor + " THEN h.bank_name ELSE a.bank_name END AS bank_name, "
				+ "CASE WHEN " + headOrMinor + " THEN h.bank_account_masked ELSE a.account_masked END AS account_masked, "
				+ "CASE WHEN " + headOrMinor + " THEN h.bank_account_hash ELSE a.account_hash END AS account_hash, "
				+ "CASE WHEN " + headOrMinor + " THEN h.bank_account_enc ELSE a.account_enc END AS account_enc, "
				+ "CASE WHEN " + headOrMinor + " AND m.relation <> 'HEAD' THEN (SELECT hm.name FROM registry_member hm "
				+ "WHERE hm.household_id = m.household_id AND hm.relation = 'HEAD' AND hm.active ORDER BY hm.id LIMIT 1) END AS account_holder";
	}

	private static long fen(BigDecimal yuan) {
		return yuan.movePointRight(2).setScale(0, java.math.RoundingMode.DOWN).longValueExact();
	}

}
