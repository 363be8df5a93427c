package org.bangfu.audit;

import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the whole audit chain from the database with the key, and compares it with the
 * checkpoints kept outside the database ({@link AuditCheckpoints}). Links and their events are streamed
 * with a cursor (fetch size, inside one read-only repeatable-read transaction so rows and chain
 * head are one snapshot), so the table is never held in memory. Events neither linked nor
 * pending (inserted around Bangfu) break the chain too.
 */
@Service
public class AuditVerifier {

	private static final int FETCH_SIZE = 1000;

	private final JdbcClient jdbc;

	private final AuditChainer chainer;

	private final TransactionTemplate snapshot;

	private final AuditKey key;

	private final AuditCheckpoints checkpoints;

	AuditVerifier(DataSource dataSource, AuditChainer chainer, PlatformTransactionManager transactions, AuditKey key,
			AuditCheckpoints checkpoints) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(FETCH_SIZE);
		this.jdbc = JdbcClient.create(template);
		this.chainer = chainer;
		this.key = key;
		this.checkpoints = checkpoints;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * Links what is committed, reads the checkpoints kept outside the database (before the
	 * snapshot, so each names a head the snapshot contains), then checks the whole chain in one
	 * snapshot and lists every break.
	 */
	public AuditVerification verify() {
		chainer.chainAll();
		String chainId = jdbc.sql("SELECT chain_id::text FROM audit_chain_head").query(String.class).single();
		List<AuditChain.Checkpoint> kept = checkpoints.read(chainId);
		return snapshot.execute(status -> check(kept));
	}

	private AuditVerification check(List<AuditChain.Checkpoint> kept) {
		AuditChain.Head head = jdbc.sql("""
				SELECT last_id, last_hash, chain_id::text, legacy_seq, anchor_mac, head_mac FROM audit_chain_head""")
			.query((rs, n) -> new AuditChain.Head(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, Long.class), rs.getString(5), rs.getString(6)))
			.single();
		AuditChain chain = new AuditChain(key, head, kept);
		try (Stream<AuditChain.Link> rows = jdbc.sql("""
				SELECT l.seq, l.event_id, e.occurred_at, e.actor_id, e.actor_login, e.organisation_id, e.action,
				       e.object_type, e.object_id, e.detail, e.client_address, l.prev_hash, l.hash, l.authentic
				FROM audit_link l LEFT JOIN audit_event e ON e.id = l.event_id
				ORDER BY l.seq""").query(AuditVerifier::link).stream()) {
			rows.forEach(chain::accept);
		}
		// events neither linked nor pending were written around Bangfu; pending markers without
		// their event (written in the same transaction) mean an event was deleted before linking
		List<Long> unlinked = jdbc.sql("""
				SELECT id FROM (
				  SELECT e.id FROM audit_event e
				  WHERE NOT EXISTS (SELECT 1 FROM audit_link l WHERE l.event_id = e.id)
				    AND NOT EXISTS (SELECT 1 FROM audit_pending p WHERE p.event_id = e.id)
				  UNION ALL
				  SELECT p.event_id FROM audit_pending p
				  WHERE NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.id = p.event_id)) broken
				ORDER BY id LIMIT ?""")
			.param(AuditVerification.MAX_LISTED)
			.query(Long.class)
			.list();
		return chain.finish(unlinked);
	}

	private static AuditChain.Link link(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		java.sql.Timestamp at = rs.getTimestamp("occurred_at");
		return new AuditChain.Link(rs.getLong("seq"), rs.getLong("event_id"), at == null ? null : at.toInstant(),
				rs.getObject("actor_id", Long.class), rs.getString("actor_login"),
				rs.getObject("organisation_id", Long.class), rs.getString("action"), rs.getString("object_type"),
				rs.getString("object_id"), rs.getString("detail"), rs.getString("client_address"),
				rs.getString("prev_hash"), rs.getString("hash"), rs.getBoolean("authentic"));
	}

}
