package org.bangfu.programs.internal.posts;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.bangfu.programs.CycleStatus;
import org.bangfu.programs.CycleView;
import org.bangfu.programs.internal.CycleStore;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates the roster of a monthly cycle of the post-subsidy program from the post register
 * (instead of household facts): in ONE transaction holding the cycle's row FOR SHARE, the posts
 * are flagged, each unflagged person's month is claimed for the cycle and the claimed months
 * become lines to the salary accounts. The month is the one of the cycle's first day. A repeated
 * run adds nothing twice (claims once per person and month, lines once per person and cycle).
 */
@Component
public class PostRosters {

	/** The program whose cycles are generated from the post register. */
	public static final String PROGRAM = "post-subsidy";

	private final JdbcClient jdbc;

	private final CycleStore cycles;

	private final TransactionTemplate tx;

	PostRosters(JdbcClient jdbc, CycleStore cycles, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.cycles = cycles;
		this.tx = tx;
	}

	public static boolean generatesFromPosts(String programCode) {
		return PROGRAM.equals(programCode);
	}

	/** Runs the generation of a cycle in GENERATING state; returns the lines written now. */
	public long generate(CycleView cycle) {
		YearMonth month = YearMonth.from(cycle.from());
		Map<String, Object> p = new HashMap<>();
		p.put("cycleId", cycle.id());
		p.put("code", cycle.programCode());
		p.put("year", cycle.payDate().getYear());
		p.put("monthStart", month.atDay(1));
		p.put("monthEnd", month.atEndOfMonth());
		p.put("prevMonth", month.minusMonths(1).atDay(1));
		p.put("scopePath", new Scope(cycle.organisationId(), cycles.path(cycle.id())).likePattern());
		Integer written = tx.execute(status -> {
			if (cycles.lock(cycle.id(), false) != CycleStatus.GENERATING) {
				return 0;
			}
			for (String sql : PostRosterSql.FLAGS) {
				jdbc.sql(sql).params(p).update();
			}
			jdbc.sql(PostRosterSql.CLAIM).params(p).update();
			return jdbc.sql(PostRosterSql.LINES).params(p).update();
		});
		return written == null ? 0 : written;
	}

}
