package org.bangfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.audit.AuditBreak.Reason;
import org.junit.jupiter.api.Test;

/**
 * The chain check on rows in memory: every way of tampering is found, each break is listed (not
 * only the first), and without the key a rewritten chain cannot be made to look intact.
 */
class AuditChainTests {

	private static final Instant T0 = Instant.parse("2026-11-28T06:00:00.123456Z");

	private static final AuditKey KEY = new AuditKey("k".repeat(32).getBytes(StandardCharsets.UTF_8));

	private static final AuditKey OTHER_KEY = new AuditKey("o".repeat(32).getBytes(StandardCharsets.UTF_8));

	private static final String CHAIN = "3f1c0b5e-0000-4000-8000-000000000001";

	@Test
	void anUntouchedChainIsIntact() {
		List<AuditChain.Link> rows = chain(KEY, 5, 0);
		assertThat(check(rows, head(rows, 0), List.of())).satisfies(r -> {
			assertThat(r.intact()).isTrue();
			assertThat(r.rowsChecked()).isEqualTo(5);
			assertThat(r.breaks()).isEmpty();
		});
	}

	@Test
	void anEmptyLogWithTheGenesisHeadIsIntact() {
		assertThat(check(List.of(), head(List.of(), 0), List.of()).intact()).isTrue();
	}

	@Test
	void aLegacyPartBeforeTheAnchorIsCheckedWithItsUnkeyedHashes() {
		List<AuditChain.Link> rows = chain(KEY, 6, 3);
		assertThat(check(rows, head(rows, 3), List.of()).intact()).isTrue();
		AuditChain.Link r = rows.get(1);
		rows.set(1, with(r, "{\"after\":\"forged\"}", r.hash()));
		assertThat(check(rows, head(rows, 3), List.of()).breaks())
			.containsExactly(new AuditBreak(2, 102L, Reason.CHANGED));
	}

	@Test
	void changedContentBreaksAtThatRecordAndEveryBreakIsListed() {
		List<AuditChain.Link> rows = chain(KEY, 6, 0);
		rows.set(1, with(rows.get(1), "{\"after\":\"forged\"}", rows.get(1).hash()));
		rows.set(4, with(rows.get(4), "{\"after\":\"forged too\"}", rows.get(4).hash()));
		AuditVerification r = check(rows, head(rows, 0), List.of());
		assertThat(r.intact()).isFalse();
		assertThat(r.firstBrokenId()).isEqualTo(102L);
		assertThat(r.breaks()).containsExactly(new AuditBreak(2, 102L, Reason.CHANGED), new AuditBreak(5, 105L, Reason.CHANGED));
	}

	@Test
	void aChainRewrittenWithoutTheKeyBreaksAtEveryRewrittenLink() {
		List<AuditChain.Link> good = chain(KEY, 5, 0);
		// the same records re-chained by someone with another key (or none) from position 3 on
		List<AuditChain.Link> forged = chain(OTHER_KEY, 5, 0);
		List<AuditChain.Link> rows = new ArrayList<>(good.subList(0, 2));
		String prev = good.get(1).hash();
		for (int i = 2; i < 5; i++) {
			AuditChain.Link f = forged.get(i);
			String hash = AuditChain.linkMac(OTHER_KEY, prev, f.seq(), f.content(), true);
			rows.add(new AuditChain.Link(f.seq(), f.id(), f.at(), f.actorId(), f.actorLogin(), f.organisationId(),
					f.action(), f.objectType(), f.objectId(), f.detail(), f.address(), prev, hash, true));
			prev = hash;
		}
		AuditChain.Head forgedHead = new AuditChain.Head(5, prev, CHAIN, 0L, AuditChain.anchorMac(KEY, CHAIN, 0, AuditLog.GENESIS),
				AuditChain.headMac(OTHER_KEY, CHAIN, 5, prev));
		assertThat(check(rows, forgedHead, List.of()).breaks()).containsExactly(new AuditBreak(3, 103L, Reason.CHANGED),
				new AuditBreak(4, 104L, Reason.CHANGED), new AuditBreak(5, 105L, Reason.CHANGED),
				new AuditBreak(5, 105L, Reason.HEAD));
	}

	@Test
	void aDeletedEventUnderItsLinkBreaksAtTheMissingRecord() {
		List<AuditChain.Link> rows = chain(KEY, 5, 0);
		AuditChain.Link r = rows.get(3);
		rows.set(3, new AuditChain.Link(r.seq(), r.id(), null, null, null, null, null, null, null, null, null,
				r.prevHash(), r.hash(), true));
		assertThat(check(rows, head(rows, 0), List.of()).breaks()).containsExactly(new AuditBreak(4, 104L, Reason.EVENT_MISSING));
	}

	@Test
	void aDeletedLinkBreaksAtTheRecordAfterTheGap() {
		List<AuditChain.Link> rows = chain(KEY, 5, 0);
		AuditChain.Head head = head(rows, 0);
		rows.remove(3);
		assertThat(check(rows, head, List.of()).breaks()).containsExactly(new AuditBreak(5, 105L, Reason.GAP));
	}

	@Test
	void anEventWrittenAroundTheChainerBreaksAtIt() {
		List<AuditChain.Link> rows = chain(KEY, 3, 0);
		AuditChain chain = new AuditChain(KEY, head(rows, 0), List.of());
		rows.forEach(chain::accept);
		assertThat(chain.finish(List.of(250L, 251L)).breaks()).containsExactly(new AuditBreak(0, 250L, Reason.UNLINKED),
				new AuditBreak(0, 251L, Reason.UNLINKED));
	}

	@Test
	void aForgedRecordLinkedByTheChainerIsReported() {
		List<AuditChain.Link> rows = chain(KEY, 3, 0);
		AuditChain.Link last = rows.get(2);
		Instant at = T0.plusSeconds(60);
		String content = AuditLog.content(at, null, "system", null, "household.exit", "household", "9", null, null);
		String hash = AuditChain.linkMac(KEY, last.hash(), 4, content, false);
		rows.add(new AuditChain.Link(4, 999, at, null, "system", null, "household.exit", "household", "9", null, null,
				last.hash(), hash, false));
		assertThat(check(rows, head(rows, 0), List.of()).breaks()).containsExactly(new AuditBreak(4, 999L, Reason.FORGED));
	}

	@Test
	void linksCutOffTheEndAndTheHeadMovedBackAreFoundByTheCheckpoint() {
		List<AuditChain.Link> rows = chain(KEY, 5, 0);
		AuditChain.Checkpoint kept = new AuditChain.Checkpoint(5, rows.get(4).hash(), true);
		rows.remove(4);
		rows.remove(3);
		// the head moved back to a state it once had, seal and all
		AuditChain.Head back = head(rows, 0);
		assertThat(check(rows, back, List.of()).intact()).as("without a checkpoint it looks whole").isTrue();
		assertThat(check(rows, back, List.of(kept)).breaks()).containsExactly(new AuditBreak(5, null, Reason.CHECKPOINT_AHEAD));
	}

	@Test
	void aHeadWithoutItsSealBreaksAtTheLastRecord() {
		List<AuditChain.Link> rows = chain(KEY, 5, 0);
		AuditChain.Head h = head(rows, 0);
		AuditChain.Head moved = new AuditChain.Head(4, rows.get(3).hash(), CHAIN, 0L, h.anchorMac(), h.headMac());
		assertThat(check(rows, moved, List.of()).breaks()).containsExactly(new AuditBreak(5, 105L, Reason.HEAD));
	}

	@Test
	void anEditedCheckpointLineAndARewrittenPositionAreReported() {
		List<AuditChain.Link> rows = chain(KEY, 5, 0);
		List<AuditChain.Checkpoint> kept = List.of(new AuditChain.Checkpoint(3, "a".repeat(64), true),
				new AuditChain.Checkpoint(4, rows.get(3).hash(), false));
		assertThat(check(rows, head(rows, 0), kept).breaks()).containsExactly(
				new AuditBreak(4, null, Reason.CHECKPOINT_INVALID), new AuditBreak(3, 103L, Reason.CHECKPOINT_MISMATCH));
	}

	@Test
	void aMovedAnchorIsReported() {
		List<AuditChain.Link> rows = chain(KEY, 6, 3);
		AuditChain.Head h = head(rows, 3);
		// someone declares more of the chain "legacy" (unkeyed) to rewrite it with plain SHA-256
		AuditChain.Head moved = new AuditChain.Head(h.seq(), h.hash(), CHAIN, 5L, h.anchorMac(), h.headMac());
		assertThat(check(rows, moved, List.of()).breaks()).contains(new AuditBreak(5, null, Reason.ANCHOR));
	}

	private static AuditVerification check(List<AuditChain.Link> rows, AuditChain.Head head,
			List<AuditChain.Checkpoint> checkpoints) {
		AuditChain chain = new AuditChain(KEY, head, checkpoints);
		rows.forEach(chain::accept);
		return chain.finish(List.of());
	}

	private static AuditChain.Link with(AuditChain.Link r, String detail, String hash) {
		return new AuditChain.Link(r.seq(), r.id(), r.at(), r.actorId(), r.actorLogin(), r.organisationId(), r.action(),
				r.objectType(), r.objectId(), detail, r.address(), r.prevHash(), hash, r.authentic());
	}

	/** The sealed head of the rows, anchored at {@code legacySeq}. */
	private static AuditChain.Head head(List<AuditChain.Link> rows, long legacySeq) {
		long seq = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).seq();
		String hash = rows.isEmpty() ? AuditLog.GENESIS : rows.get(rows.size() - 1).hash();
		String anchored = legacySeq == 0 ? AuditLog.GENESIS : rows.get((int) legacySeq - 1).hash();
		return new AuditChain.Head(seq, hash, CHAIN, legacySeq, AuditChain.anchorMac(KEY, CHAIN, legacySeq, anchored),
				AuditChain.headMac(KEY, CHAIN, seq, hash));
	}

	/**
	 * n links at positions 1..n for audit records 101..100+n (ids and positions differ, as in
	 * production); up to {@code legacySeq} with the unkeyed hash, after it keyed.
	 */
	private static List<AuditChain.Link> chain(AuditKey key, int n, long legacySeq) {
		List<AuditChain.Link> rows = new ArrayList<>();
		String prev = AuditLog.GENESIS;
		for (long id = 1; id <= n; id++) {
			Instant at = T0.plusSeconds(id);
			String detail = id % 2 == 0 ? null : "{\"after\":{\"name\":\"工会" + id + "\"}}";
			Long org = id % 3 == 0 ? null : 1L;
			String content = AuditLog.content(at, 7L, "admin", org, "organisation.create", "organisation",
					Long.toString(id), detail, "127.0.0.1");
			String hash = id <= legacySeq
					? AuditLog.hash(prev, id, at, 7L, "admin", org, "organisation.create", "organisation",
							Long.toString(id), detail, "127.0.0.1")
					: AuditChain.linkMac(key, prev, id, content, true);
			rows.add(new AuditChain.Link(id, 100 + id, at, 7L, "admin", org, "organisation.create", "organisation",
					Long.toString(id), detail, "127.0.0.1", prev, hash, true));
			prev = hash;
		}
		return rows;
	}

}
