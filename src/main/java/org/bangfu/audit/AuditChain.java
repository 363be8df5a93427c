package org.bangfu.audit;

import java.time.Instant;

/**
 * Checks the hash chain one link at a time, in chain order, without holding rows: each link
 * must follow its predecessor's position, point to its hash, and hash (with its event's
 * content) to what it stores; at the end the chain head must name the last link. Breaks are
 * reported by the audit record (event id) where they are found. Pure logic, fed by
 * {@link AuditVerifier}.
 */
final class AuditChain {

	/**
	 * One link with its event, as the hash sees it. {@code seq} is the chain position, {@code id}
	 * the audit record's id; the event fields are null when the event row is missing.
	 */
	record Link(long seq, long id, Instant at, Long actorId, String actorLogin, Long organisationId, String action,
			String objectType, String objectId, String detail, String address, String prevHash, String hash) {
	}

	private long lastSeq;

	private long lastId;

	private String lastHash = AuditLog.GENESIS;

	private long checked;

	private Long brokenId;

	/** Checks the next link; after the first break the rest is only counted. */
	void accept(Link row) {
		checked++;
		if (brokenId != null) {
			return;
		}
		if (row.seq() != lastSeq + 1 || row.at() == null) {
			// a removed link, a foreign link, or a link whose event row was deleted
			brokenId = row.id();
			return;
		}
		String expected = AuditLog.hash(lastHash, row.seq(), row.at(), row.actorId(), row.actorLogin(),
				row.organisationId(), row.action(), row.objectType(), row.objectId(), row.detail(), row.address());
		if (!lastHash.equals(row.prevHash()) || !expected.equals(row.hash())) {
			brokenId = row.id();
			return;
		}
		lastSeq = row.seq();
		lastId = row.id();
		lastHash = row.hash();
	}

	/**
	 * The result, given the chain head (last position and hash the chainer advanced) and the
	 * smallest id of an event that is neither linked nor waiting to be (written around Bangfu).
	 */
	AuditVerification finish(long headSeq, String headHash, Long unlinkedId) {
		if (brokenId == null && (headSeq != lastSeq || !headHash.equals(lastHash))) {
			// links cut off the end (head ahead) or appended around the chainer (head behind)
			brokenId = lastId;
		}
		if (brokenId == null && unlinkedId != null) {
			brokenId = unlinkedId;
		}
		return new AuditVerification(brokenId == null, checked, brokenId);
	}

}
