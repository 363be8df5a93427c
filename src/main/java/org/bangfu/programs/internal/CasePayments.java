package org.bangfu.programs.internal;

import java.util.Optional;

import org.bangfu.cases.CaseApproved;
import org.bangfu.cases.CaseType;
import org.bangfu.programs.ProgramView;
import org.bangfu.shared.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An approved assistance case (在档救助申请) pays through the program {@code case-assistance}
 * like any roster line, once: the case becomes a cycle of its own (period key {@code case-<id>},
 * unique per program, so a repeated event pays nothing twice) with one line to the household's
 * account for the amount requested, then reviewed, submitted and approved like any roster.
 * Reads {@code cases_case} (requested amount) in SQL: a documented read-only dependency.
 */
@Component
public class CasePayments {

	public static final String PROGRAM = "case-assistance";

	private static final Logger log = LoggerFactory.getLogger(CasePayments.class);

	private final JdbcClient jdbc;

	private final ProgramStore programs;

	private final CycleStore cycles;

	private final BusinessClock clock;

	CasePayments(JdbcClient jdbc, ProgramStore programs, CycleStore cycles, BusinessClock clock) {
		this.jdbc = jdbc;
		this.programs = programs;
		this.cycles = cycles;
		this.clock = clock;
	}

	@ApplicationModuleListener
	public void on(CaseApproved e) {
		if (e.type() == CaseType.ASSISTANCE) {
			pay(e.caseId(), e.effectiveDate() == null ? clock.today() : e.effectiveDate());
		}
	}

	/** Opens the case's cycle with its line unless it exists; returns the cycle id when it was opened now. */
	public Optional<Long> pay(long caseId, java.time.LocalDate payDate) {
		Optional<ProgramView> program = programs.active(PROGRAM);
		if (program.isEmpty()) {
			log.warn("Approved assistance case {} not paid: no active program {}", caseId, PROGRAM);
			return Optional.empty();
		}
		Optional<Long> cycle = jdbc.sql("""
				INSERT INTO programs_cycle (program_id, program_code, organisation_id, label, period_key, period_from, period_to,
				    pay_date, months, status, created_by, created_login)
				SELECT :program, :code, c.organisation_id, '救助申请 ' || c.case_no, 'case-' || c.id, :pay, :pay, :pay, 1,
				       'GENERATED', 0, 'system'
				FROM cases_case c WHERE c.id = :case AND c.type = 'ASSISTANCE' AND c.status = 'APPROVED' AND c.requested_amount > 0
				ON CONFLICT (program_code, period_key) DO NOTHING RETURNING id""")
			.param("program", program.get().id())
			.param("code", PROGRAM)
			.param("pay", payDate)
			.param("case", caseId)
			.query(Long.class)
			.optional();
		cycle.ifPresent(id -> {
			boolean cash = program.get().content().form() == org.bangfu.programs.ProgramForm.CASH;
			jdbc.sql("""
					INSERT INTO programs_roster_line (cycle_id, program_code, pay_year, household_id, organisation_id, region_code,
					    rule_row, facts, computed_fen, amount_fen, max_fen, payee_name, id_number_masked, bank_name, account_masked,
					    account_hash, account_enc, account_status, status)
					SELECT :cycle, :code, :year, h.id, h.organisation_id, h.region_code, 1,
					       jsonb_build_object('case_id', c.id, 'case_no', c.case_no, 'requested_amount', c.requested_amount),
					       CAST(c.requested_amount * 100 AS bigint), CAST(c.requested_amount * 100 AS bigint),
					       CAST(c.requested_amount * 100 AS bigint), m.name, m.id_number_masked,
					       CASE WHEN :cash THEN h.bank_name END, CASE WHEN :cash THEN h.bank_account_masked END,
					       CASE WHEN :cash THEN h.bank_account_hash END, CASE WHEN :cash THEN h.bank_account_enc END,
					       CASE WHEN NOT :cash THEN 'NOT_NEEDED' WHEN h.bank_account_hash IS NULL THEN 'MISSING' ELSE 'OK' END, 'PROPOSED'
					FROM cases_case c JOIN registry_household h ON h.id = c.household_id
					JOIN registry_member m ON m.household_id = h.id AND m.active AND m.relation = 'HEAD'
					WHERE c.id = :case
					ON CONFLICT DO NOTHING""")
				.param("cycle", id)
				.param("code", PROGRAM)
				.param("year", payDate.getYear())
				.param("cash", cash)
				.param("case", caseId)
				.update();
			cycles.totals(id);
			log.info("Approved assistance case {} opened cycle {} of {}", caseId, id, PROGRAM);
		});
		return cycle;
	}

}
