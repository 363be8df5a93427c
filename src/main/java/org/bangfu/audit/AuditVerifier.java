package org.bangfu.audit;

import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the whole audit hash chain from the database. Rows are streamed with a cursor
 * (fetch size, inside one read-only repeatable-read transaction so rows and chain head are one
 * snapshot), so the table is never held in memory.
 */
@Service
public class AuditVerifier {

	private static final int FETCH_SIZE = 1000;

	private final JdbcClient jdbc;

	AuditVerifier(DataSource dataSource) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = JdbcClient.create(template);
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public AuditVerification verify() {
		AuditChain chain = new AuditChain();
		try (Stream<AuditChain.Link> rows = jdbc.sql("""
				SELECT id, occurred_at, actor_id, actor_login, organisation_id, action, object_type, object_id, detail,
				       client_address, prev_hash, hash
				FROM audit_event ORDER BY id""").query(AuditVerifier::link).stream()) {
			rows.forEach(chain::accept);
		}
		return jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head")
			.query((rs, n) -> chain.finish(rs.getLong(1), rs.getString(2)))
			.single();
	}

	private static AuditChain.Link link(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new AuditChain.Link(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getObject("actor_id", Long.class), rs.getString("actor_login"),
				rs.getObject("organisation_id", Long.class), rs.getString("action"), rs.getString("object_type"),
				rs.getString("object_id"), rs.getString("detail"), rs.getString("client_address"),
				rs.getString("prev_hash"), rs.getString("hash"));
	}

}
