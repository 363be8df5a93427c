package org.bangfu.funds.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.bangfu.funds.LedgerEntryView;
import org.bangfu.funds.ReportLine;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the year's books: one row per fund of the scope with opening, movements and closing, and the period's entries. */
@Repository
public class ReportStore {

	private final JdbcClient jdbc;

	ReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ReportLine> lines(Scope scope, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT f.id, f.name, o.name,
				  coalesce(sum(e.amount_fen) FILTER (WHERE e.posted_on < :from AND e.account = 'AVAILABLE'), 0),
				  coalesce(sum(e.amount_fen) FILTER (WHERE e.posted_on < :from AND e.account = 'COMMITTED'), 0),
				  coalesce(sum(e.amount_fen) FILTER (WHERE e.posted_on < :from AND e.account = 'SPENT'), 0),
				  coalesce(-sum(e.amount_fen) FILTER (WHERE e.posted_on BETWEEN :from AND :to AND e.account = 'SOURCE'), 0),
				  coalesce(sum(e.amount_fen) FILTER (WHERE e.posted_on BETWEEN :from AND :to AND e.account = 'COMMITTED'
				      AND p.kind IN ('COMMIT', 'RECOMMIT')), 0),
				  coalesce(sum(e.amount_fen) FILTER (WHERE e.posted_on BETWEEN :from AND :to AND e.account = 'SPENT'), 0),
				  coalesce(-sum(e.amount_fen) FILTER (WHERE e.posted_on BETWEEN :from AND :to AND e.account = 'COMMITTED'
				      AND p.kind = 'RELEASE'), 0),
				  coalesce(sum(e.amount_fen) FILTER (WHERE e.posted_on BETWEEN :from AND :to AND e.account = 'AVAILABLE'
				      AND p.kind IN ('TRANSFER', 'TOP_UP')), 0),
				  coalesce(sum(e.amount_fen) FILTER (WHERE e.posted_on <= :to AND e.account = 'AVAILABLE'), 0),
				  coalesce(sum(e.amount_fen) FILTER (WHERE e.posted_on <= :to AND e.account = 'COMMITTED'), 0),
				  coalesce(sum(e.amount_fen) FILTER (WHERE e.posted_on <= :to AND e.account = 'SPENT'), 0)
				FROM funds_fund f JOIN organisation o ON o.id = f.organisation_id
				LEFT JOIN funds_ledger_entry e ON e.fund_id = f.id LEFT JOIN funds_posting p ON p.id = e.posting_id
				WHERE\s""" + Scope.sql("o.path") + " GROUP BY f.id, f.name, o.name, o.path ORDER BY o.path, f.code")
			.param("from", from)
			.param("to", to)
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> new ReportLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
					rs.getLong(13), rs.getLong(14)))
			.list();
	}

	/** The period's entries of the scope's funds, in posting order, streamed. */
	public void entries(Scope scope, LocalDate from, LocalDate to, Consumer<LedgerEntryView> sink) {
		jdbc.sql(LedgerStore.SELECT + " " + """
				 JOIN funds_fund f ON f.id = e.fund_id JOIN organisation o ON o.id = f.organisation_id
				WHERE e.posted_on BETWEEN :from AND :to AND\s""" + Scope.sql("o.path") + " ORDER BY e.posting_id, e.id")
			.param("from", from)
			.param("to", to)
			.param("scopePath", scope.likePattern())
			.query((java.sql.ResultSet rs) -> sink.accept(LedgerStore.map(rs, 0)));
	}

}
