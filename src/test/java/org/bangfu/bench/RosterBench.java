package org.bangfu.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.bangfu.identity.BangfuUser;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.platform.jobs.JobView;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.programs.CycleView;
import org.bangfu.programs.NewCycle;
import org.bangfu.programs.ProgramView;
import org.bangfu.programs.Programs;
import org.bangfu.programs.Rosters;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The roster of a per-household cash program (plan 10's heating subsidy: 500 / 300 / 200 yuan
 * by category) over the benchmark's households: Bangfu's roster job (start to finish) against
 * ONE hand-written INSERT … SELECT of the same lines into the same table and indexes, on the same
 * data (identification's facts, households, heads), timed in a transaction that is rolled back.
 * The two must write the same number of lines with the same total before the time counts.
 */
final class RosterBench {

	static final String PROGRAM = "plan10-heating";

	/** The lines plan10-heating gives, written by hand: the head of each household of the three categories. */
	private static final String REFERENCE = """
			INSERT INTO programs_roster_line (cycle_id, program_code, pay_year, household_id, organisation_id, region_code,
			    rule_row, facts, computed_fen, amount_fen, max_fen, payee_name, id_number_masked, bank_name, account_masked,
			    account_hash, account_enc, account_status, status)
			SELECT ?, ?, ?, x.household_id, x.organisation_id, x.region_code,
			       CASE WHEN x.cat_destitute THEN 1 WHEN x.cat_dibao THEN 2 ELSE 3 END,
			       jsonb_build_object('cat_destitute', x.cat_destitute, 'cat_dibao', x.cat_dibao,
			                          'cat_near_dibao', x.cat_near_dibao, 'paid_this_year', 0),
			       v.fen, v.fen, v.fen, m.name, m.id_number_masked, h.bank_name, h.bank_account_masked,
			       h.bank_account_hash, h.bank_account_enc,
			       CASE WHEN h.bank_account_hash IS NULL THEN 'MISSING' ELSE 'OK' END, 'PROPOSED'
			FROM identification_facts x
			JOIN registry_household h ON h.id = x.household_id AND h.status = 'FILED'
			JOIN registry_member m ON m.household_id = x.household_id AND m.active AND m.relation = 'HEAD'
			CROSS JOIN LATERAL (SELECT CASE WHEN x.cat_destitute THEN 50000 WHEN x.cat_dibao THEN 30000 ELSE 20000 END AS fen) v
			WHERE x.organisation_id = ? AND (x.cat_destitute OR x.cat_dibao OR x.cat_near_dibao)""";

	private final ApplicationContext context;

	private final DataSource dataSource;

	RosterBench(ApplicationContext context) {
		this.context = context;
		this.dataSource = context.getBean(DataSource.class);
	}

	/** What one run measured: Bangfu's seconds, the reference's, the lines and their total in fen. */
	record Run(double seconds, double referenceSeconds, long lines, long totalFen) {
	}

	Run run(Scope scope, OrganisationView org) throws InterruptedException {
		Fixtures fixtures = context.getBean(Fixtures.class);
		String login = fixtures.user(org.id(), Role.FINANCE_OFFICER);
		BangfuUser finance = new BangfuUser(fixtures.userId(login), login, "基准财务", org.id(), org.path(), org.name(),
				EnumSet.of(Role.FINANCE_OFFICER), "", true, null);
		Programs programs = context.getBean(Programs.class);
		Rosters rosters = context.getBean(Rosters.class);
		ProgramView program = programs.active(PROGRAM).orElseThrow();
		int year = LocalDate.now().getYear();
		LocalDate from = LocalDate.of(year, 11, 1);
		LocalDate to = LocalDate.of(year, 11, 30);
		String key = "B" + org.id();
		CycleView cycle = as(finance, () -> rosters.open(scope, new NewCycle(program.id(), "基准 " + key, key, from, to, to)));
		CycleView target = as(finance,
				() -> rosters.open(scope, new NewCycle(program.id(), "基准参照 " + key, key + "R", from, to, to)));
		long job = as(finance, () -> rosters.generate(scope, cycle.id()));
		JobView done = await(context.getBean(Jobs.class), job);
		if (!"DONE".equals(done.status())) {
			throw new IllegalStateException("The roster job " + job + " ended " + done.status() + ": " + done.error());
		}
		double seconds = Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1000.0;
		long[] bangfu = totals(cycle.id());
		double[] reference = new double[1];
		long[] handWritten = reference(target.id(), year, org.id(), reference);
		Benchmark.log("roster: job %.1f s for %,d lines (%,d fen), hand-written INSERT … SELECT %.1f s for %,d lines (%,d fen)",
				seconds, bangfu[0], bangfu[1], reference[0], handWritten[0], handWritten[1]);
		if (bangfu[0] != handWritten[0] || bangfu[1] != handWritten[1]) {
			throw new IllegalStateException("Bangfu's roster has " + bangfu[0] + " lines (" + bangfu[1]
					+ " fen) but the hand-written statement " + handWritten[0] + " (" + handWritten[1] + " fen)");
		}
		return new Run(seconds, reference[0], bangfu[0], bangfu[1]);
	}

	private long[] totals(long cycleId) {
		try (Connection c = dataSource.getConnection();
				PreparedStatement ps = c.prepareStatement(
						"SELECT count(*), coalesce(sum(amount_fen), 0) FROM programs_roster_line WHERE cycle_id = ?")) {
			ps.setLong(1, cycleId);
			try (ResultSet rs = ps.executeQuery()) {
				rs.next();
				return new long[] { rs.getLong(1), rs.getLong(2) };
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Times the hand-written statement in a transaction, counts what it wrote, rolls it back. */
	private long[] reference(long cycleId, int year, long organisationId, double[] seconds) {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try {
				long start = System.nanoTime();
				try (PreparedStatement ps = c.prepareStatement(REFERENCE)) {
					ps.setLong(1, cycleId);
					ps.setString(2, PROGRAM);
					ps.setInt(3, year);
					ps.setLong(4, organisationId);
					ps.executeUpdate();
				}
				seconds[0] = (System.nanoTime() - start) / 1e9;
				try (PreparedStatement ps = c.prepareStatement(
						"SELECT count(*), coalesce(sum(amount_fen), 0) FROM programs_roster_line WHERE cycle_id = ?")) {
					ps.setLong(1, cycleId);
					try (ResultSet rs = ps.executeQuery()) {
						rs.next();
						return new long[] { rs.getLong(1), rs.getLong(2) };
					}
				}
			}
			finally {
				c.rollback();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JobView await(Jobs jobs, long id) throws InterruptedException {
		while (true) {
			JobView v = jobs.find(id).orElseThrow();
			if (v.finished()) {
				return v;
			}
			Thread.sleep(100);
		}
	}

	private static <T> T as(BangfuUser user, Supplier<T> work) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, List.of()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

}
