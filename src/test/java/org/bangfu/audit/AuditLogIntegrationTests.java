package org.bangfu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bangfu.organisation.OrganisationCommands.UpdateOrganisation;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.platform.CommandLine;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log on the real database: writes leave records with before/after, the hash chain
 * stays linear under concurrent writers, and tampering (possible only for a superuser who
 * disables the append-only triggers) is found by the verifier and the command line. Every
 * tampering is undone in the same test, so other test classes sharing the database see an
 * intact chain.
 */
@IntegrationTest
@Import(Fixtures.class)
class AuditLogIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Organisations organisations;

	@Autowired
	AuditVerifier verifier;

	@Autowired
	AuditChainer chainer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	List<CommandLine.Command> commands;

	@Test
	void anOrganisationChangeIsRecordedWithBeforeAndAfter() {
		OrganisationView org = fixtures.organisation("审计前后工会");
		organisations.update(fixtures.everything(), org.id(),
				new UpdateOrganisation(org.name() + "（改名）", org.type(), org.regionCode()));

		List<Map<String, Object>> rows = jdbc
			.sql("SELECT action, detail FROM audit_event WHERE object_type = 'organisation' "
					+ "AND object_id = ? ORDER BY id")
			.param(String.valueOf(org.id()))
			.query()
			.listOfRows();
		assertThat(rows).extracting(r -> r.get("action")).containsExactly("organisation.create", "organisation.update");
		assertThat((String) rows.get(0).get("detail")).contains("\"after\"").contains(org.name());
		JsonNode update = JsonMapper.builder().build().readTree((String) rows.get(1).get("detail"));
		assertThat(update.path("before").path("name").asString()).isEqualTo(org.name());
		assertThat(update.path("after").path("name").asString()).isEqualTo(org.name() + "（改名）");
	}

	@Test
	void aDeletedRecordNotYetLinkedIsFound() {
		OrganisationView org = fixtures.organisation("未链接删除");
		long id = jdbc.sql("SELECT max(id) FROM audit_event WHERE object_type = 'organisation' AND object_id = ?")
			.param(String.valueOf(org.id()))
			.query(Long.class)
			.single();
		// linked by the scheduled chainer or not yet: either way the deletion is found
		Map<String, Object> row = jdbc.sql("SELECT * FROM audit_event WHERE id = ?").param(id).query().singleRow();
		withoutTriggers(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id).update());
		try {
			AuditVerification result = verifier.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.firstBrokenId()).isEqualTo(id);
		}
		finally {
			jdbc.sql("""
					INSERT INTO audit_event (id, occurred_at, actor_id, actor_login, organisation_id, action, object_type,
					                         object_id, detail, client_address)
					VALUES (:id, :occurred_at, :actor_id, :actor_login, :organisation_id, :action, :object_type,
					        :object_id, :detail, :client_address)""").params(row).update();
		}
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void committedRecordsAreLinkedIntoTheChainWithinSeconds() {
		OrganisationView org = fixtures.organisation("自动链接");
		long id = jdbc.sql("SELECT max(id) FROM audit_event WHERE object_type = 'organisation' AND object_id = ?")
			.param(String.valueOf(org.id()))
			.query(Long.class)
			.single();
		long deadline = System.currentTimeMillis() + 10_000;
		while (linkOf(id) == 0 && System.currentTimeMillis() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(linkOf(id)).as("the scheduled chainer linked the record without a verification").isEqualTo(1);
	}

	@Test
	void theChainStaysLinearAndIntactUnderConcurrentWriters() throws Exception {
		chainer.chainAll();
		long before = jdbc.sql("SELECT last_id FROM audit_chain_head").query(Long.class).single();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<?>> writes = new ArrayList<>();
			for (int i = 0; i < 36; i++) {
				int n = i;
				writes.add(pool.submit(() -> fixtures.organisation("并发写入" + n)));
			}
			for (Future<?> f : writes) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		chainer.chainAll();
		long after = jdbc.sql("SELECT last_id FROM audit_chain_head").query(Long.class).single();
		assertThat(after - before).isGreaterThanOrEqualTo(36);
		long distinctPrev = jdbc.sql("SELECT count(DISTINCT prev_hash) FROM audit_link WHERE seq > ?")
			.param(before)
			.query(Long.class)
			.single();
		assertThat(distinctPrev).as("no two records follow the same predecessor").isEqualTo(after - before);

		AuditVerification result = verifier.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.rowsChecked()).isGreaterThanOrEqualTo(after);
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteAuditRecords() {
		long id = newRecord();
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET detail = '{}' WHERE id = ?").param(id).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		tx.executeWithoutResult(status -> {
			status.setRollbackOnly(); // should the trigger ever be missing, nothing is lost
			assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update()).isInstanceOf(DataAccessException.class);
		});
	}

	@Test
	void aChangedDetailIsFoundByTheVerifierAndTheCommandLine() {
		long id = newRecord();
		String original = jdbc.sql("SELECT detail FROM audit_event WHERE id = ?").param(id).query(String.class).single();
		withoutTriggers(() -> jdbc.sql("UPDATE audit_event SET detail = ? WHERE id = ?")
			.params(original.replace("篡改测试", "已被篡改"), id)
			.update());
		try {
			assertThat(verifier.verify()).satisfies(r -> {
				assertThat(r.intact()).isFalse();
				assertThat(r.firstBrokenId()).isEqualTo(id);
			});
			assertThat(runVerifyCommand()).startsWith("1:").contains(String.valueOf(id)).contains("断开");
		}
		finally {
			withoutTriggers(() -> jdbc.sql("UPDATE audit_event SET detail = ? WHERE id = ?").params(original, id).update());
		}
		assertThat(verifier.verify().intact()).isTrue();
		assertThat(runVerifyCommand()).startsWith("0:").contains("完整");
	}

	@Test
	void aDeletedRecordInTheMiddleIsFound() {
		long id = newRecord();
		newRecord();
		assertDeletionIsFound(id);
	}

	@Test
	void aRecordCutOffTheEndIsFound() {
		assertDeletionIsFound(newRecord());
	}

	private void assertDeletionIsFound(long id) {
		Map<String, Object> row = jdbc.sql("SELECT * FROM audit_event WHERE id = ?").param(id).query().singleRow();
		withoutTriggers(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id).update());
		try {
			AuditVerification result = verifier.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.firstBrokenId()).isEqualTo(id);
			assertThat(runVerifyCommand()).startsWith("1:");
		}
		finally {
			jdbc.sql("""
					INSERT INTO audit_event (id, occurred_at, actor_id, actor_login, organisation_id, action, object_type,
					                         object_id, detail, client_address)
					VALUES (:id, :occurred_at, :actor_id, :actor_login, :organisation_id, :action, :object_type,
					        :object_id, :detail, :client_address)""").params(row).update();
		}
		assertThat(verifier.verify().intact()).isTrue();
	}

	@Test
	void aRecordWrittenAroundBangfuIsFound() {
		long id = newRecord();
		verifier.verify();
		Map<String, Object> row = jdbc.sql("SELECT * FROM audit_event WHERE id = ?").param(id).query().singleRow();
		row.put("id", id + 1_000_000);
		row.put("detail", "{\"forged\":true}");
		jdbc.sql("""
				INSERT INTO audit_event (id, occurred_at, actor_id, actor_login, organisation_id, action, object_type,
				                         object_id, detail, client_address)
				VALUES (:id, :occurred_at, :actor_id, :actor_login, :organisation_id, :action, :object_type,
				        :object_id, :detail, :client_address)""").params(row).update();
		try {
			assertThat(verifier.verify()).satisfies(r -> {
				assertThat(r.intact()).isFalse();
				assertThat(r.firstBrokenId()).isEqualTo(id + 1_000_000);
			});
		}
		finally {
			withoutTriggers(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id + 1_000_000).update());
		}
		assertThat(verifier.verify().intact()).isTrue();
	}

	private long linkOf(long id) {
		return jdbc.sql("SELECT count(*) FROM audit_link WHERE event_id = ?").param(id).query(Long.class).single();
	}

	/** Writes one audited change, lets it be linked into the chain, and returns its audit record's id. */
	private long newRecord() {
		OrganisationView org = fixtures.organisation("篡改测试");
		chainer.chainAll();
		return jdbc.sql("SELECT max(id) FROM audit_event WHERE object_type = 'organisation' AND object_id = ?")
			.param(String.valueOf(org.id()))
			.query(Long.class)
			.single();
	}

	/** Tampers as a superuser could: triggers off, change, triggers on, all in one transaction. */
	private void withoutTriggers(Runnable change) {
		tx.executeWithoutResult(status -> {
			jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
			change.run();
			jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER USER").update();
		});
	}

	private String runVerifyCommand() {
		CommandLine.Command command = commands.stream()
			.filter(c -> c.words().equals(List.of("audit", "verify")))
			.findFirst()
			.orElseThrow();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = command.execute(List.of("audit", "verify"), List.of("audit", "verify"),
				new PrintStream(out, true, StandardCharsets.UTF_8));
		return code + ":" + out.toString(StandardCharsets.UTF_8);
	}

}
