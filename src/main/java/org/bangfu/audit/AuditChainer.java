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
 * Links committed audit events into the chain, in batches, in the order of their ids. One
 * chainer at a time across all instances: each batch holds the chain head's row lock for the few
 * milliseconds it takes. Runs every {@code bangfu.audit.chain-interval} (default 1 s) and before
 * every verification.
 * <p>
 * Each link is an HMAC (the {@link AuditKey}, never in the database) of the previous link, the
 * position, the event and whether the event bore its writer's seal; an event inserted around
 * Bangfu with a forged waiting marker is linked, but as not authentic, which verification reports.
 * The first run after the upgrade to the keyed chain anchors the chain as it stood (see
 * {@link #anchor}).
 */
@Service
public class AuditChainer {

	private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

	private static final int BATCH = 5000;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final AuditKey key;

	private volatile boolean anchored;

	AuditChainer(JdbcClient jdbc, TransactionTemplate tx, AuditKey key) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.key = key;
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
		if (!anchored) {
			tx.executeWithoutResult(status -> anchor());
			anchored = true;
		}
		long total = 0;
		int linked;
		do {
			linked = tx.execute(status -> chainBatch(false));
			total += linked;
		}
		while (linked == BATCH);
		return total;
	}

	/**
	 * Once, at the first start after the upgrade to the keyed chain: links the events still waiting
	 * from before (unkeyed, as they were written), then seals the chain head as it stands with the
	 * key (the anchor). Links up to the anchor keep their SHA-256; rewriting them would change the
	 * anchored hash, which only the key can seal again.
	 */
	private void anchor() {
		Head head = lockHead();
		if (head.anchorMac() != null) {
			return;
		}
		while (chainBatch(true) == BATCH) {
			// links the events written before the upgrade
		}
		head = lockHead();
		jdbc.sql("UPDATE audit_chain_head SET legacy_seq = ?, anchor_mac = ?, head_mac = ?")
			.params(head.seq(), AuditChain.anchorMac(key, head.chainId(), head.seq(), head.hash()),
					AuditChain.headMac(key, head.chainId(), head.seq(), head.hash()))
			.update();
		log.info("Audit chain anchored with the key at position {} (records before it keep their unkeyed hashes)",
				head.seq());
	}

	private record Head(long seq, String hash, String chainId, String anchorMac) {
	}

	private Head lockHead() {
		return jdbc.sql("SELECT last_id, last_hash, chain_id::text, anchor_mac FROM audit_chain_head FOR UPDATE")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
	}

	private int chainBatch(boolean legacy) {
		String which = legacy ? "p.mac IS NULL" : "TRUE";
		if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_pending p WHERE " + which + ")").query(Boolean.class).single()) {
			return 0;
		}
		Head head = lockHead();
		long seq = head.seq();
		String prev = head.hash();
		List<Waiting> events = jdbc.sql("""
				SELECT e.id, e.occurred_at, e.actor_id, e.actor_login, e.organisation_id, e.action, e.object_type,
				       e.object_id, e.detail, e.client_address, p.mac
				FROM audit_pending p JOIN audit_event e ON e.id = p.event_id
				""" + "WHERE " + which + " ORDER BY p.event_id LIMIT ?").param(BATCH).query(AuditChainer::waiting).list();
		if (events.isEmpty()) {
			return 0;
		}
		List<Object[]> links = new ArrayList<>(events.size());
		Long[] ids = new Long[events.size()];
		for (int i = 0; i < events.size(); i++) {
			AuditChain.Link e = events.get(i).event();
			seq++;
			String hash;
			boolean authentic;
			if (legacy) {
				authentic = true;
				hash = AuditLog.hash(prev, seq, e.at(), e.actorId(), e.actorLogin(), e.organisationId(), e.action(),
						e.objectType(), e.objectId(), e.detail(), e.address());
			}
			else {
				authentic = AuditKey.same(AuditChain.eventMac(key, e.id(), e.content()), events.get(i).seal());
				if (!authentic) {
					log.warn("Audit record {} has no valid writer's seal: linked as not authentic", e.id());
				}
				hash = AuditChain.linkMac(key, prev, seq, e.content(), authentic);
			}
			links.add(new Object[] { seq, e.id(), prev, hash, authentic });
			ids[i] = e.id();
			prev = hash;
		}
		jdbc.sql("""
				INSERT INTO audit_link (seq, event_id, prev_hash, hash, authentic)
				SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::char(64)[], ?::char(64)[], ?::boolean[])""")
			.params(column(links, 0, Long.class), column(links, 1, Long.class), column(links, 2, String.class),
					column(links, 3, String.class), column(links, 4, Boolean.class))
			.update();
		jdbc.sql("DELETE FROM audit_pending WHERE event_id = ANY (?::bigint[])").param(ids).update();
		jdbc.sql("UPDATE audit_chain_head SET last_id = ?, last_hash = ?, head_mac = ?")
			.params(seq, prev, AuditChain.headMac(key, head.chainId(), seq, prev))
			.update();
		return events.size();
	}

	private record Waiting(AuditChain.Link event, String seal) {
	}

	@SuppressWarnings("unchecked")
	private static <T> T[] column(List<Object[]> rows, int index, Class<T> type) {
		T[] out = (T[]) java.lang.reflect.Array.newInstance(type, rows.size());
		for (int i = 0; i < rows.size(); i++) {
			out[i] = type.cast(rows.get(i)[index]);
		}
		return out;
	}

	private static Waiting waiting(ResultSet rs, int n) throws SQLException {
		return new Waiting(new AuditChain.Link(0, rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getObject("actor_id", Long.class), rs.getString("actor_login"),
				rs.getObject("organisation_id", Long.class), rs.getString("action"), rs.getString("object_type"),
				rs.getString("object_id"), rs.getString("detail"), rs.getString("client_address"), null, null, true),
				rs.getString("mac"));
	}

}
