package org.bangfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The chain check on rows in memory: every way of tampering names the record where the chain breaks. */
class AuditChainTests {

	private static final Instant T0 = Instant.parse("2026-11-28T06:00:00.123456Z");

	@Test
	void anUntouchedChainIsIntact() {
		List<AuditChain.Link> rows = chain(5);
		assertThat(check(rows, 5, rows.get(4).hash())).isEqualTo(new AuditVerification(true, 5, null));
	}

	@Test
	void anEmptyLogWithTheGenesisHeadIsIntact() {
		assertThat(check(List.of(), 0, AuditLog.GENESIS).intact()).isTrue();
	}

	@Test
	void changedContentBreaksAtThatRecord() {
		List<AuditChain.Link> rows = chain(5);
		AuditChain.Link r = rows.get(2);
		rows.set(2, new AuditChain.Link(r.seq(), r.id(), r.at(), r.actorId(), r.actorLogin(), r.organisationId(), r.action(),
				r.objectType(), r.objectId(), "{\"after\":\"forged\"}", r.address(), r.prevHash(), r.hash()));
		assertThat(check(rows, 5, rows.get(4).hash())).isEqualTo(new AuditVerification(false, 5, 103L));
	}

	@Test
	void aRecordRehashedAfterChangingBreaksAtTheNextRecord() {
		List<AuditChain.Link> rows = chain(5);
		AuditChain.Link r = rows.get(1);
		String forged = AuditLog.hash(r.prevHash(), r.seq(), r.at(), r.actorId(), r.actorLogin(), r.organisationId(),
				"forged", r.objectType(), r.objectId(), r.detail(), r.address());
		rows.set(1, new AuditChain.Link(r.seq(), r.id(), r.at(), r.actorId(), r.actorLogin(), r.organisationId(), "forged",
				r.objectType(), r.objectId(), r.detail(), r.address(), r.prevHash(), forged));
		assertThat(check(rows, 5, rows.get(4).hash()).firstBrokenId()).isEqualTo(103L);
	}

	@Test
	void aDeletedEventUnderItsLinkBreaksAtTheMissingRecord() {
		List<AuditChain.Link> rows = chain(5);
		AuditChain.Link r = rows.get(3);
		rows.set(3, new AuditChain.Link(r.seq(), r.id(), null, null, null, null, null, null, null, null, null,
				r.prevHash(), r.hash()));
		assertThat(check(rows, 5, rows.get(4).hash())).isEqualTo(new AuditVerification(false, 5, 104L));
	}

	@Test
	void aDeletedLinkBreaksAtTheRecordAfterTheGap() {
		List<AuditChain.Link> rows = chain(5);
		rows.remove(3);
		assertThat(check(rows, 5, chain(5).get(4).hash())).isEqualTo(new AuditVerification(false, 4, 105L));
	}

	@Test
	void anEventWrittenAroundTheChainerBreaksAtIt() {
		List<AuditChain.Link> rows = chain(3);
		AuditChain chain = new AuditChain();
		rows.forEach(chain::accept);
		assertThat(chain.finish(3, rows.get(2).hash(), 250L)).isEqualTo(new AuditVerification(false, 3, 250L));
	}

	@Test
	void anInsertedRecordWithAForeignIdBreaksAtIt() {
		List<AuditChain.Link> rows = chain(3);
		AuditChain.Link first = rows.get(0);
		rows.add(0, new AuditChain.Link(0, 99, T0, null, "x", null, "a", "t", null, null, null, AuditLog.GENESIS,
				first.hash()));
		assertThat(check(rows, 3, rows.get(3).hash()).firstBrokenId()).isEqualTo(99L);
	}

	@Test
	void linksCutOffTheEndBreakAfterTheLastIntactRecord() {
		List<AuditChain.Link> rows = chain(5);
		String head = rows.get(4).hash();
		rows.remove(4);
		rows.remove(3);
		assertThat(check(rows, 5, head)).isEqualTo(new AuditVerification(false, 3, 103L));
	}

	@Test
	void aRecordAppendedBehindTheWritersBackBreaksAtIt() {
		List<AuditChain.Link> rows = chain(5);
		assertThat(check(rows, 4, rows.get(3).hash())).isEqualTo(new AuditVerification(false, 5, 105L));
	}

	@Test
	void aHeadThatDoesNotMatchTheLastHashBreaksAtTheLastRecord() {
		List<AuditChain.Link> rows = chain(5);
		assertThat(check(rows, 5, "f".repeat(64)).firstBrokenId()).isEqualTo(105L);
	}

	private static AuditVerification check(List<AuditChain.Link> rows, long headId, String headHash) {
		AuditChain chain = new AuditChain();
		rows.forEach(chain::accept);
		return chain.finish(headId, headHash, null);
	}

	/** n links at positions 1..n for audit records 101..100+n (ids and positions differ, as in production). */
	private static List<AuditChain.Link> chain(int n) {
		List<AuditChain.Link> rows = new ArrayList<>();
		String prev = AuditLog.GENESIS;
		for (long id = 1; id <= n; id++) {
			Instant at = T0.plusSeconds(id);
			String detail = id % 2 == 0 ? null : "{\"after\":{\"name\":\"工会" + id + "\"}}";
			String hash = AuditLog.hash(prev, id, at, 7L, "admin", id % 3 == 0 ? null : 1L, "organisation.create",
					"organisation", Long.toString(id), detail, "127.0.0.1");
			rows.add(new AuditChain.Link(id, 100 + id, at, 7L, "admin", id % 3 == 0 ? null : 1L, "organisation.create",
					"organisation", Long.toString(id), detail, "127.0.0.1", prev, hash));
			prev = hash;
		}
		return rows;
	}

}
