package org.bangfu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.platform.db.LocalPostgres;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.internal.PersonalDataCipher;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.bangfu.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The backup procedure of docs/operations.md, run for real: a checkpoint of the audit chain is
 * kept outside the database, the populated database is dumped with pg_dump (custom format) and
 * restored with pg_restore into a new, empty database; with the same crypto key the restored copy
 * decrypts and finds ID numbers, and its audit chain verifies against the kept checkpoints.
 */
@IntegrationTest
@Import(Fixtures.class)
class BackupRestoreIntegrationTests {

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	AuditKey key;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDumpRestoredIntoAFreshDatabaseReadsHouseholdsAndItsAuditChainVerifies() throws Exception {
		OrganisationView org = fixtures.organisation("备份测试工会");
		String idNumber = Households.idNumber(LocalDate.now().minusYears(45), false);
		HouseholdView h = registry.file(new Scope(org.id(), org.path()), new FileHousehold(null,
				new HouseholdData(Households.fileNo(), Households.TOWNSHIP, "江汉区备份路 1 号", "13700001111",
						HardshipCause.ILLNESS, List.of(), List.of(Category.HARDSHIP_WORKER), HousingType.RENTED,
						new BigDecimal("30.00"), new BigDecimal("6000.00"), 0, BigDecimal.ZERO, null, null, null, null),
				new MemberData("陈备份", idNumber, Relation.HEAD, null, null, null, Employment.UNEMPLOYED, null, null, null,
						null, null, null, null, Health.HEALTHY, null, null, null, null, null, null, List.of())));

		// 1. the checkpoint kept outside the database, then 2. the dump (which holds at least that head)
		checkpoints.write();
		Path dir = Files.createTempDirectory("bangfu-backup");
		Path kept = Files.copy(Path.of(checkpoints.file()), dir.resolve("audit-checkpoints.log"));
		long linksAtDump = jdbc.sql("SELECT count(*) FROM audit_link").query(Long.class).single();
		LocalPostgres server = TestPostgres.server();
		String source = TestPostgres.url().substring(TestPostgres.url().lastIndexOf('/') + 1);
		Path dump = dir.resolve("bangfu.dump");
		run(server, "pg_dump", "--format=custom", "--compress=0", "--no-owner", "--file=" + dump, "--dbname=" + source);

		// 3. restore into a new, empty database
		String copy = "bangfu_restored_" + System.nanoTime() % 1_000_000;
		server.createDatabase(copy);
		try {
			run(server, "pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + copy, dump.toString());
			DriverManagerDataSource restored = new DriverManagerDataSource(server.jdbcUrl(copy), LocalPostgres.USER,
					server.password());
			JdbcClient restoredJdbc = JdbcClient.create(restored);

			// the household is there and its ID number decrypts and is found by its keyed hash
			String enc = restoredJdbc.sql("""
					SELECT m.id_number_enc FROM registry_member m WHERE m.household_id = ? AND m.relation = 'HEAD'""")
				.param(h.id())
				.query(String.class)
				.single();
			assertThat(cipher.decrypt(enc)).isEqualTo(idNumber);
			assertThat(restoredJdbc.sql("SELECT household_id FROM registry_member WHERE id_number_hash = ?")
				.param(cipher.hash(idNumber))
				.query(Long.class)
				.list()).containsExactly(h.id());

			// the audit chain of the copy verifies with the same key against the checkpoints kept
			DataSourceTransactionManager transactions = new DataSourceTransactionManager(restored);
			AuditChainer chainer = new AuditChainer(restoredJdbc, new TransactionTemplate(transactions), key);
			AuditVerification result = new AuditVerifier(restored, chainer, transactions, key,
					new AuditCheckpoints(restoredJdbc, key, chainer, kept.toString()))
				.verify();
			assertThat(result.intact()).as(result.toString()).isTrue();
			assertThat(result.rowsChecked()).isGreaterThanOrEqualTo(linksAtDump).isPositive();

			// and a copy whose audit record was changed after the backup does not
			restoredJdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
			restoredJdbc.sql("UPDATE audit_event SET detail = '{\"forged\": true}' WHERE id = (SELECT max(event_id) FROM audit_link)")
				.update();
			assertThat(new AuditVerifier(restored, chainer, transactions, key,
					new AuditCheckpoints(restoredJdbc, key, chainer, kept.toString()))
				.verify()
				.intact()).isFalse();
		}
		finally {
			try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), LocalPostgres.USER,
					server.password()); Statement s = c.createStatement()) {
				s.execute("DROP DATABASE IF EXISTS \"" + copy + "\" WITH (FORCE)");
			}
			try (var files = Files.list(dir)) {
				for (Path f : files.toList()) {
					Files.delete(f);
				}
			}
			Files.delete(dir);
		}
	}

	private static void run(LocalPostgres server, String tool, String... args) throws IOException, InterruptedException {
		List<String> cmd = new ArrayList<>();
		cmd.add(LocalPostgres.findBinaries().orElseThrow().resolve(tool).toString());
		cmd.addAll(List.of("--host=127.0.0.1", "--port=" + server.port(), "--username=" + LocalPostgres.USER,
				"--no-password"));
		cmd.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
		pb.environment().put("PGPASSWORD", server.password());
		Process p = pb.start();
		String out = new String(p.getInputStream().readAllBytes());
		assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(tool + " finished").isTrue();
		assertThat(p.exitValue()).as(tool + ": " + out).isZero();
	}

}
