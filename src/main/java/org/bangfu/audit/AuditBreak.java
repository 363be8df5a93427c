package org.bangfu.audit;

/**
 * One place where the audit chain does not hold: the chain position ({@code seq}, 0 when the break
 * is not at a position) and the audit record ({@code eventId}, when there is one), and why.
 */
public record AuditBreak(long seq, Long eventId, Reason reason) {

	public enum Reason {

		/** The record or its link differs from what was sealed (changed content, or a link recomputed without the key). */
		CHANGED,
		/** The link does not follow the link before it (links replaced or reordered). */
		RELINKED,
		/** Links are missing before this one (deleted links, or a link inserted from outside). */
		GAP,
		/** The link's record is gone. */
		EVENT_MISSING,
		/** A record that Bangfu did not write (no valid writer's seal), linked by the chainer. */
		FORGED,
		/** The anchor of the records from before the keyed chain does not match them. */
		ANCHOR,
		/** The chain head does not name the last link, or is not sealed (links cut off, the head moved). */
		HEAD,
		/** A checkpoint outside the database names a position the chain no longer has (records cut off the end). */
		CHECKPOINT_AHEAD,
		/** A checkpoint outside the database names another hash at this position (rewritten records). */
		CHECKPOINT_MISMATCH,
		/** A line of the checkpoint file is not sealed with the key (the file was edited). */
		CHECKPOINT_INVALID,
		/** A record neither linked nor waiting to be, or a waiting marker without its record. */
		UNLINKED

	}

}
