package org.bangfu.funds.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.bangfu.funds.TransferView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for transfers between funds, seen when either fund is in the scope. */
@Repository
public class TransferStore {

	private static final String SELECT = """
			SELECT t.id, t.from_fund_id, ff.name, t.to_fund_id, tf.name, t.amount_fen, t.reason, t.status, t.proposed_login,
			    t.decided_login, t.created_at, t.proposed_by
			FROM funds_transfer t JOIN funds_fund ff ON ff.id = t.from_fund_id JOIN funds_fund tf ON tf.id = t.to_fund_id
			JOIN organisation fo ON fo.id = ff.organisation_id JOIN organisation too ON too.id = tf.organisation_id""";

	private final JdbcClient jdbc;

	TransferStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long from, long to, long fen, String reason, long userId, String login) {
		return jdbc.sql("""
				INSERT INTO funds_transfer (from_fund_id, to_fund_id, amount_fen, reason, proposed_by, proposed_login)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(from, to, fen, reason, userId, login)
			.query(Long.class)
			.single();
	}

	/** Decides a proposed transfer; 0 when it was decided already. */
	public int decide(long id, String status, long userId, String login, Long postingId) {
		return jdbc.sql("""
				UPDATE funds_transfer SET status = ?, decided_by = ?, decided_login = ?, decided_at = now(), posting_id = ?
				WHERE id = ? AND status = 'PROPOSED'""")
			.params(status, userId, login, postingId, id)
			.update();
	}

	/** A transfer with its proposer's user id, locked for the decision. */
	public record Locked(TransferView view, long proposedBy) {
	}

	public Optional<Locked> lock(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE t.id = :id AND (" + Scope.sql("fo.path") + " OR " + Scope.sql("too.path")
				+ ") FOR UPDATE OF t")
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> new Locked(map(rs, n), rs.getLong(12)))
			.optional();
	}

	public List<TransferView> list(Scope scope, int limit) {
		return jdbc.sql(SELECT + " WHERE " + Scope.sql("fo.path") + " OR " + Scope.sql("too.path")
				+ " ORDER BY t.id DESC LIMIT :limit")
			.param("scopePath", scope.likePattern())
			.param("limit", limit)
			.query(TransferStore::map)
			.list();
	}

	static TransferView map(ResultSet rs, int n) throws SQLException {
		Timestamp at = rs.getTimestamp(11);
		return new TransferView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getLong(6),
				rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), at.toInstant());
	}

}
