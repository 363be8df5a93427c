package org.bangfu.funds.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.bangfu.funds.FundSource;
import org.bangfu.funds.FundView;
import org.bangfu.funds.NewFund;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for funds: seen within the scope of their organisation's subtree, with balances from the ledger at a date. */
@Repository
public class FundStore {

	private static final String ROW = """
			SELECT f.id, f.organisation_id, o.path, f.code, f.name, f.source, f.transferable, f.top_up_from
			FROM funds_fund f JOIN organisation o ON o.id = f.organisation_id""";

	private static final String VIEW = """
			SELECT f.id, f.organisation_id, o.name, f.code, f.name, f.source, f.transferable, f.top_up_from,
			    coalesce(sum(e.amount_fen) FILTER (WHERE e.account = 'AVAILABLE'), 0),
			    coalesce(sum(e.amount_fen) FILTER (WHERE e.account = 'AVAILABLE' AND e.purpose IS NOT NULL), 0),
			    coalesce(sum(e.amount_fen) FILTER (WHERE e.account = 'COMMITTED'), 0),
			    coalesce(sum(e.amount_fen) FILTER (WHERE e.account = 'SPENT'), 0),
			    coalesce(sum(e.amount_fen) FILTER (WHERE e.account = 'GOODS'), 0)
			FROM funds_fund f JOIN organisation o ON o.id = f.organisation_id
			LEFT JOIN funds_ledger_entry e ON e.fund_id = f.id AND e.posted_on <= :at""";

	private final JdbcClient jdbc;

	FundStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the fund unless its organisation has one with the code already (then empty). */
	public Optional<Long> insert(long organisationId, NewFund f, String login) {
		return jdbc.sql("""
				INSERT INTO funds_fund (organisation_id, code, name, source, transferable, top_up_from, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (organisation_id, code) DO NOTHING RETURNING id""")
			.params(organisationId, f.code().strip(), f.name().strip(), f.source().name(), f.transferable(), f.topUpFrom(), login)
			.query(Long.class)
			.optional();
	}

	public List<FundView> list(Scope scope, LocalDate at) {
		return jdbc.sql(VIEW + " WHERE " + Scope.sql("o.path") + " GROUP BY f.id, o.name, o.path ORDER BY o.path, f.code")
			.param("at", at)
			.param("scopePath", scope.likePattern())
			.query(FundStore::view)
			.list();
	}

	public Optional<FundView> view(Scope scope, long id, LocalDate at) {
		return jdbc.sql(VIEW + " WHERE f.id = :id AND " + Scope.sql("o.path") + " GROUP BY f.id, o.name")
			.param("at", at)
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(FundStore::view)
			.optional();
	}

	public Optional<FundRow> find(Scope scope, long id) {
		return jdbc.sql(ROW + " WHERE f.id = :id AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(FundStore::row)
			.optional();
	}

	public FundRow find(long id) {
		return jdbc.sql(ROW + " WHERE f.id = ?").param(id).query(FundStore::row).single();
	}

	/** Locks the funds' rows (in id order, so two postings never wait on each other crosswise). */
	public void lock(long... ids) {
		List<Long> sorted = java.util.Arrays.stream(ids).distinct().sorted().boxed().toList();
		jdbc.sql("SELECT id FROM funds_fund WHERE id IN (:ids) ORDER BY id FOR UPDATE")
			.param("ids", sorted)
			.query(Long.class)
			.list();
	}

	/** The fund with the code of the organisation or of its nearest ancestor that has one. */
	public Optional<FundRow> nearest(long organisationId, String code) {
		return jdbc.sql(ROW + """
				 WHERE f.code = :code AND (SELECT path FROM organisation WHERE id = :org) LIKE o.path || '%'
				ORDER BY length(o.path) DESC LIMIT 1""")
			.param("code", code)
			.param("org", organisationId)
			.query(FundStore::row)
			.optional();
	}

	static FundRow row(ResultSet rs, int n) throws SQLException {
		return new FundRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				FundSource.valueOf(rs.getString(6)), rs.getBoolean(7), (Long) rs.getObject(8, Long.class));
	}

	static FundView view(ResultSet rs, int n) throws SQLException {
		return new FundView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				FundSource.valueOf(rs.getString(6)), rs.getBoolean(7), (Long) rs.getObject(8, Long.class), rs.getLong(9),
				rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13));
	}

}
