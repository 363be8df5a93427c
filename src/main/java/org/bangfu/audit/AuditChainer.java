package org.bangfu.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed audit events into the hash chain, in batches, in the order of their ids.
 * One chainer at a time across all instances: each batch holds the chain head's row lock for
 * the few milliseconds it takes. Runs every {@code bangfu.audit.chain-interval} (default 1 s)
 * and before every verification.
 */
@Service
public class AuditChainer {

	private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

	private static final int BATCH = 5000;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	AuditChainer(JdbcClient jdbc, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.tx = tx;
	}

	@Scheduled(fixedDelayString = "${bangfu.audit.chain-interval:1s}")
	void scheduled() {
		try {
			chainAll();
		}
		catch (RuntimeException ex) {
			log.warn("Linking audit events failed; will retry", ex);
		}
	}

	/** Links every event committed so far; returns how many were linked. */
	public long chainAll() {
		long total = 0;
		int linked;
		do {
			linked = tx.execute(status -> chainBatch());
			total += linked;
		}
		while (linked == BATCH);
		return total;
	}

	private int chainBatch() {
		if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_pending)").query(Boolean.class).single()) {
			return 0;
		}
		Object[] head = jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head FOR UPDATE")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		long seq = (long) head[0];
		String prev = (String) head[1];
		List<AuditChain.Link> events = jdbc.sql("""
				SELECT e.id, e.occurred_at, e.actor_id, e.actor_login, e.organisation_id, e.action, e.object_type,
				       e.object_id, e.detail, e.client_address
				FROM audit_pending p JOIN audit_event e ON e.id = p.event_id
				ORDER BY p.event_id LIMIT ?""").param(BATCH).query(AuditChainer::event).list();
		if (events.isEmpty()) {
			return 0;
		}
		List<Object[]> links = new ArrayList<>(events.size());
		Long[] ids = new Long[events.size()];
		for (int i = 0; i < events.size(); i++) {
			AuditChain.Link e = events.get(i);
			seq++;
			String hash = AuditLog.hash(prev, seq, e.at(), e.actorId(), e.actorLogin(), e.organisationId(), e.action(),
					e.objectType(), e.objectId(), e.detail(), e.address());
			links.add(new Object[] { seq, e.id(), prev, hash });
			ids[i] = e.id();
			prev = hash;
		}
		jdbc.sql("""
				INSERT INTO audit_link (seq, event_id, prev_hash, hash)
				SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::char(64)[], ?::char(64)[])""")
			.params(column(links, 0, Long.class), column(links, 1, Long.class), column(links, 2, String.class),
					column(links, 3, String.class))
			.update();
		jdbc.sql("DELETE FROM audit_pending WHERE event_id = ANY (?::bigint[])").param(ids).update();
		jdbc.sql("UPDATE audit_chain_head SET last_id = ?, last_hash = ?").params(seq, prev).update();
		return events.size();
	}

	@SuppressWarnings("unchecked")
	private static <T> T[] column(List<Object[]> rows, int index, Class<T> type) {
		T[] out = (T[]) java.lang.reflect.Array.newInstance(type, rows.size());
		for (int i = 0; i < rows.size(); i++) {
			out[i] = type.cast(rows.get(i)[index]);
		}
		return out;
	}

	private static AuditChain.Link event(ResultSet rs, int n) throws SQLException {
		return new AuditChain.Link(0, rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getObject("actor_id", Long.class), rs.getString("actor_login"),
				rs.getObject("organisation_id", Long.class), rs.getString("action"), rs.getString("object_type"),
				rs.getString("object_id"), rs.getString("detail"), rs.getString("client_address"), null, null);
	}

}
