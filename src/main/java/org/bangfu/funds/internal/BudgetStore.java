package org.bangfu.funds.internal;

import java.util.List;
import java.util.Optional;

import org.bangfu.funds.BudgetView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for budgets per year, fund and program (or the fund's whole use), with what is used of them. */
@Repository
public class BudgetStore {

	private static final String SELECT = """
			SELECT b.id, b.year, b.fund_id, f.name, b.program_code, b.amount_fen,
			    (SELECT coalesce(sum(e.amount_fen), 0) FROM funds_ledger_entry e
			     WHERE e.fund_id = b.fund_id AND e.account IN ('COMMITTED', 'SPENT')
			       AND (b.program_code IS NULL OR e.program_code = b.program_code)
			       AND e.posted_on >= make_date(b.year, 1, 1) AND e.posted_on < make_date(b.year + 1, 1, 1))
			FROM funds_budget b JOIN funds_fund f ON f.id = b.fund_id JOIN organisation o ON o.id = f.organisation_id""";

	private final JdbcClient jdbc;

	BudgetStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Sets the budget's amount (creates it the first time); returns its id. */
	public long set(int year, long fundId, String programCode, long fen, String login) {
		Optional<Long> id = jdbc.sql("""
				UPDATE funds_budget SET amount_fen = ?, updated_by = ?, updated_at = now()
				WHERE year = ? AND fund_id = ? AND program_code IS NOT DISTINCT FROM ? RETURNING id""")
			.params(fen, login, year, fundId, programCode)
			.query(Long.class)
			.optional();
		return id.orElseGet(() -> jdbc.sql("""
				INSERT INTO funds_budget (year, fund_id, program_code, amount_fen, updated_by) VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(year, fundId, programCode, fen, login)
			.query(Long.class)
			.single());
	}

	public List<BudgetView> list(Scope scope, int year) {
		return jdbc.sql(SELECT + " WHERE b.year = :year AND " + Scope.sql("o.path") + " ORDER BY f.name, b.program_code NULLS FIRST")
			.param("year", year)
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> new BudgetView(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getLong(6), rs.getLong(7)))
			.list();
	}

	/** The budgets that bind a commitment of the program from the fund in the year: the program's and the fund's whole. */
	public List<BudgetView> binding(long fundId, String programCode, int year) {
		return jdbc.sql(SELECT + " WHERE b.year = ? AND b.fund_id = ? AND (b.program_code IS NULL OR b.program_code = ?)")
			.params(year, fundId, programCode)
			.query((rs, n) -> new BudgetView(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getLong(6), rs.getLong(7)))
			.list();
	}

}
