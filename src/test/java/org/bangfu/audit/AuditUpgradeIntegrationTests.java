package org.bangfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import javax.sql.DataSource;

import org.bangfu.audit.AuditBreak.Reason;
import org.bangfu.platform.db.LocalPostgres;
import org.bangfu.shared.BusinessClock;
import org.bangfu.support.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The upgrade to the keyed chain: records written by the old version (unkeyed SHA-256 links, and
 * one still waiting without a seal) are linked and anchored with the key at the first start, the
 * chain verifies intact, new records are keyed after them, and a legacy record rewritten and
 * re-chained afterwards breaks the sealed anchor. A database of its own, migrated step by step.
 */
class AuditUpgradeIntegrationTests {

	@Test
	void oldRecordsAreAnchoredAtTheFirstStartAndStayProtected() throws Exception {
		TestPostgres.server().createDatabase("bangfu_audit_upgrade");
		DataSource ds = new DriverManagerDataSource(TestPostgres.server().jdbcUrl("bangfu_audit_upgrade"),
				LocalPostgres.USER, TestPostgres.server().password());
		Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("076").load().migrate();
		JdbcClient jdbc = JdbcClient.create(ds);

		// what the old version left: three linked records and one waiting to be
		String prev = AuditLog.GENESIS;
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
		for (int i = 1; i <= 4; i++) {
			Instant at = t0.plusSeconds(i);
			long id = jdbc.sql("""
					INSERT INTO audit_event (occurred_at, actor_login, action, object_type, object_id, detail)
					VALUES (?, 'admin', 'organisation.create', 'organisation', ?, '{"after":1}') RETURNING id""")
				.params(Timestamp.from(at), "" + i)
				.query(Long.class)
				.single();
			if (i == 4) {
				jdbc.sql("INSERT INTO audit_pending (event_id) VALUES (?)").param(id).update();
				break;
			}
			String hash = AuditLog.hash(prev, i, at, null, "admin", null, "organisation.create", "organisation", "" + i,
					"{\"after\":1}", null);
			jdbc.sql("INSERT INTO audit_link (seq, event_id, prev_hash, hash) VALUES (?, ?, ?, ?)")
				.params(i, id, prev, hash)
				.update();
			prev = hash;
		}
		jdbc.sql("UPDATE audit_chain_head SET last_id = 3, last_hash = ?").param(prev).update();

		Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

		// the first start of the new version
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(ds);
		TransactionTemplate tx = new TransactionTemplate(transactions);
		AuditKey key = new AuditKey("u".repeat(32).getBytes(StandardCharsets.UTF_8));
		AuditChainer chainer = new AuditChainer(jdbc, tx, key);
		AuditCheckpoints checkpoints = new AuditCheckpoints(jdbc, key, chainer,
				Files.createTempDirectory("bangfu-audit-upgrade").resolve("checkpoints.log").toString());
		AuditVerifier verifier = new AuditVerifier(ds, chainer, transactions, key, checkpoints);
		AuditLog log = new AuditLog(jdbc, BusinessClock.system(), key);

		AuditVerification first = verifier.verify();
		assertThat(first.breaks()).isEmpty();
		assertThat(first.rowsChecked()).isEqualTo(4);
		assertThat(jdbc.sql("SELECT legacy_seq FROM audit_chain_head").query(Long.class).single()).isEqualTo(4);

		tx.executeWithoutResult(s -> log.record(new AuditEntry("organisation.update", "organisation", "1", null, "admin",
				null, Map.of("after", 2))));
		AuditVerification second = verifier.verify();
		assertThat(second.intact()).isTrue();
		assertThat(second.rowsChecked()).isEqualTo(5);

		// a legacy record rewritten and the old part re-chained with SHA-256, the keyed link after it re-pointed
		tx.executeWithoutResult(s -> {
			jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
			jdbc.sql("ALTER TABLE audit_link DISABLE TRIGGER USER").update();
			jdbc.sql("UPDATE audit_event SET detail = '{\"after\":9}' WHERE object_id = '2' AND action = 'organisation.create'")
				.update();
			String p = jdbc.sql("SELECT hash FROM audit_link WHERE seq = 1").query(String.class).single();
			for (long seq = 2; seq <= 4; seq++) {
				Map<String, Object> e = jdbc.sql("SELECT e.* FROM audit_event e JOIN audit_link l ON l.event_id = e.id WHERE l.seq = ?")
					.param(seq)
					.query()
					.singleRow();
				String h = AuditLog.hash(p, seq, ((Timestamp) e.get("occurred_at")).toInstant(), null, "admin", null,
						"organisation.create", "organisation", (String) e.get("object_id"), (String) e.get("detail"), null);
				jdbc.sql("UPDATE audit_link SET prev_hash = ?, hash = ? WHERE seq = ?").params(p, h, seq).update();
				p = h;
			}
			jdbc.sql("UPDATE audit_link SET prev_hash = ? WHERE seq = 5").param(p).update();
			jdbc.sql("ALTER TABLE audit_link ENABLE TRIGGER USER").update();
			jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER USER").update();
		});
		AuditVerification rewritten = verifier.verify();
		assertThat(rewritten.intact()).isFalse();
		assertThat(rewritten.breaks()).contains(new AuditBreak(4, null, Reason.ANCHOR));
		assertThat(rewritten.breaks()).anySatisfy(b -> {
			assertThat(b.seq()).isEqualTo(5);
			assertThat(b.reason()).isEqualTo(Reason.CHANGED);
		});
	}

}
