package org.bangfu.funds.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the public disclosure: paid money of a year by organisation, program and month, counted from the ledger. */
@Repository
public class DisclosureStore {

	private final JdbcClient jdbc;

	DisclosureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Organisation name, program code, month (yyyy-MM), paid lines (net of reversals) and fen. */
	public record Row(String organisation, String programCode, String period, long payments, long fen) {
	}

	public List<Row> spent(int year) {
		return jdbc.sql("""
				SELECT o.name, e.program_code, to_char(e.posted_on, 'YYYY-MM'),
				    count(*) FILTER (WHERE e.reference IS NOT NULL AND e.amount_fen > 0)
				        - count(*) FILTER (WHERE e.reference IS NOT NULL AND e.amount_fen < 0),
				    sum(e.amount_fen)
				FROM funds_ledger_entry e JOIN organisation o ON o.id = e.organisation_id
				WHERE e.account = 'SPENT' AND e.posted_on >= make_date(?, 1, 1) AND e.posted_on < make_date(? + 1, 1, 1)
				GROUP BY o.path, o.name, e.program_code, 3 ORDER BY 3, o.path, e.program_code""")
			.params(year, year)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
			.list();
	}

}
