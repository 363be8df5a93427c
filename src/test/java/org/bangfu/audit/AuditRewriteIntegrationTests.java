package org.bangfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditBreak.Reason;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.bangfu.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Someone who controls the whole database (a superuser: triggers off) but not the instances'
 * key or their data directory rewrites the audit chain in the three ways of issue 16, and
 * {@code audit verify} finds each, and lists every break at once. Its own database: the chain
 * stays broken.
 */
@IntegrationTest
@Import(Fixtures.class)
class AuditRewriteIntegrationTests {

	static final Path CHECKPOINTS;

	static {
		try {
			CHECKPOINTS = Files.createTempDirectory("bangfu-audit-checkpoints").resolve("audit-checkpoints.log");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		TestPostgres.server().createDatabase("bangfu_audit_rewrites");
		registry.add("spring.datasource.url", () -> TestPostgres.server().jdbcUrl("bangfu_audit_rewrites"));
		registry.add("bangfu.audit.checkpoint-file", CHECKPOINTS::toString);
	}

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	AuditChainer chainer;

	@Autowired
	AuditVerifier verifier;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	List<org.bangfu.platform.CommandLine.Command> commands;

	@Test
	void eachRewriteIsFoundAndEveryBreakIsListed() throws IOException {
		for (int i = 0; i < 5; i++) {
			fixtures.organisation("审计改写" + i);
		}
		assertThat(verifier.verify().intact()).isTrue();
		long checkpointA = head();
		assertThat(checkpoints.write()).contains("seq=" + checkpointA);
		assertThat(Files.readString(CHECKPOINTS)).contains("seq=" + checkpointA);

		// (a) change a record and re-chain everything after it, head included (SHA-256: no key)
		long changedSeq = checkpointA - 2;
		long changedId = eventAt(changedSeq);
		superuser(() -> {
			jdbc.sql("UPDATE audit_event SET detail = '{\"after\":{\"name\":\"改写\"}}' WHERE id = ?").param(changedId).update();
			String prev = jdbc.sql("SELECT hash FROM audit_link WHERE seq = ?").param(changedSeq - 1).query(String.class).single();
			for (long seq = changedSeq; seq <= checkpointA; seq++) {
				Map<String, Object> e = jdbc.sql("SELECT e.* FROM audit_event e JOIN audit_link l ON l.event_id = e.id WHERE l.seq = ?")
					.param(seq)
					.query()
					.singleRow();
				String hash = AuditLog.hash(prev, seq, ((Timestamp) e.get("occurred_at")).toInstant(),
						(Long) e.get("actor_id"), (String) e.get("actor_login"), (Long) e.get("organisation_id"),
						(String) e.get("action"), (String) e.get("object_type"), (String) e.get("object_id"),
						(String) e.get("detail"), (String) e.get("client_address"));
				jdbc.sql("UPDATE audit_link SET prev_hash = ?, hash = ? WHERE seq = ?").params(prev, hash, seq).update();
				prev = hash;
			}
			jdbc.sql("UPDATE audit_chain_head SET last_hash = ?").param(prev).update();
		});
		AuditVerification a = verifier.verify();
		assertThat(a.intact()).isFalse();
		assertThat(a.firstBrokenId()).isEqualTo(changedId);
		assertThat(a.breaks()).contains(new AuditBreak(changedSeq, changedId, Reason.CHANGED),
				new AuditBreak(checkpointA, eventAt(checkpointA), Reason.CHANGED),
				new AuditBreak(checkpointA, eventAt(checkpointA), Reason.CHECKPOINT_MISMATCH));

		// (b) drop the last records and move the head back to the sealed head it had before them
		Map<String, Object> earlier = jdbc.sql("SELECT last_id, last_hash, head_mac FROM audit_chain_head").query().singleRow();
		fixtures.organisation("审计截尾1");
		fixtures.organisation("审计截尾2");
		chainer.chainAll();
		long checkpointB = head();
		checkpoints.write();
		superuser(() -> {
			long keep = ((Number) earlier.get("last_id")).longValue();
			jdbc.sql("DELETE FROM audit_event WHERE id IN (SELECT event_id FROM audit_link WHERE seq > ?)").param(keep).update();
			jdbc.sql("DELETE FROM audit_link WHERE seq > ?").param(keep).update();
			jdbc.sql("UPDATE audit_chain_head SET last_id = ?, last_hash = ?, head_mac = ?")
				.params(keep, earlier.get("last_hash"), earlier.get("head_mac"))
				.update();
		});
		assertThat(verifier.verify().breaks()).contains(new AuditBreak(checkpointB, null, Reason.CHECKPOINT_AHEAD));

		// (c) insert a forged record with a waiting marker, which the chainer then links
		long forgedId = jdbc.sql("""
				INSERT INTO audit_event (occurred_at, actor_id, actor_login, organisation_id, action, object_type, object_id)
				VALUES (now(), NULL, 'system', NULL, 'household.exit', 'household', '1') RETURNING id""")
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO audit_pending (event_id, mac) VALUES (?, ?)").params(forgedId, "0".repeat(64)).update();
		chainer.chainAll();
		long forgedSeq = jdbc.sql("SELECT seq FROM audit_link WHERE event_id = ?").param(forgedId).query(Long.class).single();

		// all three at once, each break listed
		AuditVerification all = verifier.verify();
		assertThat(all.breaks()).contains(new AuditBreak(changedSeq, changedId, Reason.CHANGED),
				new AuditBreak(checkpointA, eventAt(checkpointA), Reason.CHECKPOINT_MISMATCH),
				new AuditBreak(checkpointB, null, Reason.CHECKPOINT_AHEAD),
				new AuditBreak(forgedSeq, forgedId, Reason.FORGED));
		assertThat(all.breakCount()).isEqualTo(all.breaks().size());

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = commands.stream()
			.filter(c -> c.words().equals(List.of("audit", "verify")))
			.findFirst()
			.orElseThrow()
			.execute(List.of("audit", "verify"), List.of("audit", "verify", "--lang=en"),
					new PrintStream(out, true, StandardCharsets.UTF_8));
		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(code).isEqualTo(1);
		assertThat(printed.lines().count()).isEqualTo(1 + all.breaks().size());
		assertThat(printed).contains("Position " + changedSeq + " (record " + changedId + ")")
			.contains("Bangfu did not write it")
			.contains("records cut off the end");
	}

	private long head() {
		return jdbc.sql("SELECT last_id FROM audit_chain_head").query(Long.class).single();
	}

	private long eventAt(long seq) {
		return jdbc.sql("SELECT event_id FROM audit_link WHERE seq = ?").param(seq).query(Long.class).single();
	}

	/** Tampers as a superuser could: the append-only triggers off, change, triggers on, in one transaction. */
	private void superuser(Runnable change) {
		tx.executeWithoutResult(status -> {
			jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
			jdbc.sql("ALTER TABLE audit_link DISABLE TRIGGER USER").update();
			change.run();
			jdbc.sql("ALTER TABLE audit_link ENABLE TRIGGER USER").update();
			jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER USER").update();
		});
	}

}
