package org.bangfu.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditBreak.Reason;

/**
 * Checks the audit chain one link at a time, in chain order, without holding rows, and lists
 * every break (after one it goes on from the stored link, so later breaks are found too).
 * <p>
 * Links up to the anchor position ({@code legacySeq}, the chain as it stood when the keyed chain
 * was introduced) carry the old unkeyed SHA-256; the anchor seals their last hash with the key.
 * Every later link carries an HMAC-SHA256 of its predecessor's hash, its position, its record and
 * whether the record bore its writer's seal; the head carries one too. Checkpoints written outside
 * the database must still be found in the chain. Pure logic, fed by {@link AuditVerifier}.
 */
final class AuditChain {

	/**
	 * One link with its event. {@code seq} is the chain position, {@code id} the audit record's id;
	 * the event fields are null when the event row is missing.
	 */
	record Link(long seq, long id, Instant at, Long actorId, String actorLogin, Long organisationId, String action,
			String objectType, String objectId, String detail, String address, String prevHash, String hash,
			boolean authentic) {

		String content() {
			return AuditLog.content(at, actorId, actorLogin, organisationId, action, objectType, objectId, detail, address);
		}

	}

	/** The chain head row: last position and hash, the chain's id, the anchor and the head's seal. */
	record Head(long seq, String hash, String chainId, Long legacySeq, String anchorMac, String headMac) {
	}

	/** A checkpoint read from outside the database; {@code valid} when its seal is right. */
	record Checkpoint(long seq, String hash, boolean valid) {
	}

	private final AuditKey key;

	private final Head head;

	private final long legacySeq;

	private final Map<Long, String> checkpoints = new HashMap<>();

	private final List<AuditBreak> breaks = new ArrayList<>();

	private long breakCount;

	private long lastSeq;

	private long lastId;

	private String lastHash = AuditLog.GENESIS;

	private String anchoredHash;

	private long checked;

	AuditChain(AuditKey key, Head head, List<Checkpoint> checkpoints) {
		this.key = key;
		this.head = head;
		this.legacySeq = head.legacySeq() == null ? 0 : head.legacySeq();
		this.anchoredHash = legacySeq == 0 ? AuditLog.GENESIS : null;
		for (Checkpoint c : checkpoints) {
			if (!c.valid()) {
				add(c.seq(), null, Reason.CHECKPOINT_INVALID);
			}
			else {
				this.checkpoints.put(c.seq(), c.hash());
			}
		}
	}

	// the seals: each names what it is for, so one can never stand for another

	static String linkMac(AuditKey key, String prev, long seq, String content, boolean authentic) {
		return key.mac("link", prev, Long.toString(seq), content, Boolean.toString(authentic));
	}

	static String eventMac(AuditKey key, long id, String content) {
		return key.mac("event", Long.toString(id), content);
	}

	static String anchorMac(AuditKey key, String chainId, long seq, String hash) {
		return key.mac("anchor", chainId, Long.toString(seq), hash);
	}

	static String headMac(AuditKey key, String chainId, long seq, String hash) {
		return key.mac("head", chainId, Long.toString(seq), hash);
	}

	static String checkpointMac(AuditKey key, String chainId, long seq, String hash, String at) {
		return key.mac("checkpoint", chainId, Long.toString(seq), hash, at);
	}

	/** Checks the next link. */
	void accept(Link row) {
		checked++;
		Reason broken = check(row);
		if (broken != null) {
			add(row.seq(), row.id(), broken);
		}
		String expected = checkpoints.remove(row.seq());
		if (expected != null && !expected.equals(row.hash())) {
			add(row.seq(), row.id(), Reason.CHECKPOINT_MISMATCH);
		}
		if (row.seq() == legacySeq) {
			anchoredHash = row.hash();
		}
		lastSeq = row.seq();
		lastId = row.id();
		lastHash = row.hash();
	}

	private Reason check(Link row) {
		if (row.seq() != lastSeq + 1) {
			return Reason.GAP;
		}
		if (row.at() == null) {
			return Reason.EVENT_MISSING;
		}
		if (!lastHash.equals(row.prevHash())) {
			return Reason.RELINKED;
		}
		if (row.seq() <= legacySeq) {
			String expected = AuditLog.hash(row.prevHash(), row.seq(), row.at(), row.actorId(), row.actorLogin(),
					row.organisationId(), row.action(), row.objectType(), row.objectId(), row.detail(), row.address());
			return expected.equals(row.hash()) ? null : Reason.CHANGED;
		}
		if (!AuditKey.same(linkMac(key, row.prevHash(), row.seq(), row.content(), row.authentic()), row.hash())) {
			return Reason.CHANGED;
		}
		return row.authentic() ? null : Reason.FORGED;
	}

	/**
	 * The result, given the ids of events that are neither linked nor waiting to be (written around
	 * Bangfu) and of waiting markers whose event is gone.
	 */
	AuditVerification finish(List<Long> unlinkedIds) {
		if (head.anchorMac() == null || anchoredHash == null
				|| !AuditKey.same(anchorMac(key, head.chainId(), legacySeq, anchoredHash), head.anchorMac())) {
			add(legacySeq, null, Reason.ANCHOR);
		}
		if (head.seq() != lastSeq || !head.hash().equals(lastHash)
				|| !AuditKey.same(headMac(key, head.chainId(), head.seq(), head.hash()), head.headMac())) {
			add(lastSeq, lastSeq == 0 ? null : lastId, Reason.HEAD);
		}
		checkpoints.keySet().stream().sorted().forEach(seq -> add(seq, null, Reason.CHECKPOINT_AHEAD));
		unlinkedIds.forEach(id -> add(0, id, Reason.UNLINKED));
		return AuditVerification.of(checked, breakCount, breaks);
	}

	private void add(long seq, Long eventId, Reason reason) {
		breakCount++;
		if (breaks.size() < AuditVerification.MAX_LISTED) {
			breaks.add(new AuditBreak(seq, eventId, reason));
		}
	}

}
