package org.bangfu.audit;

import java.time.Instant;

/**
 * Checks the hash chain one row at a time, in id order, without holding rows: each row must
 * follow its predecessor's id, point to its hash, and hash to what it stores; at the end the
 * chain head must name the last row. Pure logic, fed by {@link AuditVerifier}.
 */
final class AuditChain {

	/** One stored audit row, as the hash sees it. */
	record Link(long id, Instant at, Long actorId, String actorLogin, Long organisationId, String action,
			String objectType, String objectId, String detail, String address, String prevHash, String hash) {
	}

	private long lastId;

	private String lastHash = AuditLog.GENESIS;

	private long checked;

	private Long brokenId;

	/** Checks the next row; after the first break the rest is only counted. */
	void accept(Link row) {
		checked++;
		if (brokenId != null) {
			return;
		}
		if (row.id() != lastId + 1) {
			// a gap (deleted row) breaks at the missing id; a foreign id (inserted row) at itself
			brokenId = row.id() > lastId + 1 ? lastId + 1 : row.id();
			return;
		}
		String expected = AuditLog.hash(lastHash, row.id(), row.at(), row.actorId(), row.actorLogin(),
				row.organisationId(), row.action(), row.objectType(), row.objectId(), row.detail(), row.address());
		if (!lastHash.equals(row.prevHash()) || !expected.equals(row.hash())) {
			brokenId = row.id();
			return;
		}
		lastId = row.id();
		lastHash = row.hash();
	}

	/** The result, given the chain head (last id and hash every writer advanced). */
	AuditVerification finish(long headId, String headHash) {
		if (brokenId == null && (headId != lastId || !headHash.equals(lastHash))) {
			// rows cut off the end (head ahead) or appended around the writers (head behind)
			brokenId = headId > lastId ? lastId + 1 : headId == lastId ? lastId : headId + 1;
		}
		return new AuditVerification(brokenId == null, checked, brokenId);
	}

}
