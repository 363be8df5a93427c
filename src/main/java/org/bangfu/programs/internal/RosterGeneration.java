package org.bangfu.programs.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import org.bangfu.identification.FactsFreshness;
import org.bangfu.programs.CycleStatus;
import org.bangfu.programs.CycleView;
import org.bangfu.programs.ProgramContent;
import org.bangfu.programs.ProgramView;
import org.bangfu.programs.internal.posts.PostRosters;
import org.bangfu.platform.jobs.JobContext;
import org.bangfu.platform.jobs.JobHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a cycle's roster as a persistent job: the facts of the cycle organisation's
 * subtree are made current (identification's facts table), then the households are cut into
 * id ranges, each one transaction of ONE {@link RosterSql} statement, holding the cycle's row
 * FOR SHARE so a submission waits and a submitted cycle gets no more lines. Repeating a run
 * (after a crash, or a second user at the same time) adds nothing twice: the unique indexes
 * and ON CONFLICT DO NOTHING keep one line per household or person; lines already reviewed
 * stay as they are. Cycles of the post-subsidy program are generated from the post register
 * instead ({@link PostRosters}).
 */
@Component
public class RosterGeneration implements JobHandler {

	public static final String KIND = "programs.roster";

	static final long CHUNK = 20_000;

	private final JdbcClient jdbc;

	private final CycleStore cycles;

	private final ProgramStore programs;

	private final FactsFreshness facts;

	private final TransactionTemplate tx;

	private final PostRosters posts;

	RosterGeneration(JdbcClient jdbc, CycleStore cycles, ProgramStore programs, FactsFreshness facts, TransactionTemplate tx,
			PostRosters posts) {
		this.posts = posts;
		this.jdbc = jdbc;
		this.cycles = cycles;
		this.programs = programs;
		this.facts = facts;
		this.tx = tx;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String run(JobContext context) {
		long cycleId = ((Number) Json.read(context.payload(), Map.class).get("cycleId")).longValue();
		long lines = generate(cycleId, (done) -> context.progress(done, null, null));
		return Json.write(Map.of("cycleId", cycleId, "lines", lines));
	}

	/** Runs the generation of a cycle in GENERATING state to its end; returns the roster's line count. */
	public long generate(long cycleId, LongConsumer progress) {
		CycleView cycle = cycles.find(cycleId).orElseThrow();
		if (PostRosters.generatesFromPosts(cycle.programCode())) {
			progress.accept(posts.generate(cycle));
			return finish(cycleId);
		}
		ProgramView program = programs.find(cycle.programId()).orElseThrow();
		ProgramContent content = program.content();
		String sql = RosterSql.insert(content, ProgramRules.compile(content));
		String path = cycles.path(cycleId);
		Long[] orgs = jdbc.sql("SELECT id FROM organisation WHERE path LIKE ?")
			.param(path + "%")
			.query(Long.class)
			.list()
			.toArray(Long[]::new);
		facts.ensureFresh(orgs);
		Map<String, Object> bounds = jdbc.sql("SELECT coalesce(min(household_id), 0) AS lo, coalesce(max(household_id), -1) AS hi "
				+ "FROM identification_facts WHERE organisation_id = ANY (CAST(:orgs AS bigint[]))")
			.param("orgs", orgs)
			.query()
			.singleRow();
		long lo = ((Number) bounds.get("lo")).longValue();
		long hi = ((Number) bounds.get("hi")).longValue();
		Map<String, Object> params = new HashMap<>();
		params.put("cycleId", cycleId);
		params.put("code", cycle.programCode());
		params.put("year", cycle.payDate().getYear());
		params.put("payDate", cycle.payDate());
		params.put("months", cycle.months());
		params.put("scopePath", new org.bangfu.shared.Scope(cycle.organisationId(), path).likePattern());
		long written = 0;
		for (long from = lo; from <= hi; from += CHUNK) {
			long start = from;
			long to = Math.min(hi, from + CHUNK - 1);
			Integer n = tx.execute(status -> {
				if (cycles.lock(cycleId, false) != CycleStatus.GENERATING) {
					return null;
				}
				Map<String, Object> p = new HashMap<>(params);
				p.put("lo", start);
				p.put("hi", to);
				return jdbc.sql(sql).params(p).update();
			});
			if (n == null) {
				break;
			}
			written += n;
			progress.accept(written);
		}
		return finish(cycleId);
	}

	private long finish(long cycleId) {
		tx.executeWithoutResult(status -> {
			if (cycles.lock(cycleId, true) == CycleStatus.GENERATING) {
				cycles.status(cycleId, CycleStatus.GENERATED);
			}
			cycles.totals(cycleId);
		});
		return jdbc.sql("SELECT count(*) FROM programs_roster_line WHERE cycle_id = ?").param(cycleId).query(Long.class).single();
	}

	/** The statement a cycle runs (for tests and benchmarks). */
	public static String sql(ProgramContent content) {
		return RosterSql.insert(content, ProgramRules.compile(content));
	}

	static List<String> kinds() {
		return List.of(KIND);
	}

}
