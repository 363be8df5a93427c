package org.bangfu.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import javax.sql.DataSource;

import org.bangfu.crosscheck.ExtractKind;
import org.bangfu.crosscheck.ExtractView;
import org.bangfu.crosscheck.Extracts;
import org.bangfu.crosscheck.internal.KeyedHash;
import org.bangfu.identity.BangfuUser;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.platform.db.CopyIn;
import org.bangfu.shared.Actor;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cross-check at scale (docs/benchmarks.md, section Cross-check): a register of P persons (three
 * per household, written with COPY) against an extract of R rows of which one in ten is a register
 * person whose file shows no wage (a housing-fund extract: each such row is a finding). Times the
 * import as a user runs it (read, hash, COPY) together with the set-based match. Not part of the
 * suite: {@code mvn -B -ntp -Pbench test -Dtest=CrossCheckBenchmarkRun -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcrosscheck.bench.persons=3000000 -Dcrosscheck.bench.rows=10000000}.
 */
@IntegrationTest
@Import(Fixtures.class)
class CrossCheckBenchmarkRun {

	@Autowired
	Fixtures fixtures;

	@Autowired
	Extracts extracts;

	@Autowired
	KeyedHash hash;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate tx;

	@Test
	void crossCheckAtScale() throws Exception {
		int persons = Integer.getInteger("crosscheck.bench.persons", 30_000);
		long rows = Long.getLong("crosscheck.bench.rows", 100_000L);
		OrganisationView org = fixtures.organisation("比对基准");
		String login = fixtures.user(org.id(), Role.CASEWORKER);
		Actor actor = new BangfuUser(fixtures.userId(login), login, "基准", org.id(), org.path(), org.name(),
				EnumSet.of(Role.CASEWORKER), "", true, null);
		long t0 = System.nanoTime();
		register(org.id(), persons);
		double registerSeconds = (System.nanoTime() - t0) / 1e9;
		Path file = Files.createTempFile("crosscheck-bench", ".csv");
		try {
			long planted = extract(file, persons, rows);
			SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null, List.of()));
			long t1 = System.nanoTime();
			ExtractView e = extracts.importFile(actor, new Extracts.NewExtract(ExtractKind.HOUSING_FUND, "基准", LocalDate.now(), 30),
					file, "bench.csv");
			double importSeconds = (System.nanoTime() - t1) / 1e9;
			String line = String.format(
					"| %,d persons | %,d rows (%.0f MB) | %,d | %,d | %.1f s | %.1f s | %,.0f rows/s |",
					persons, rows, Files.size(file) / 1e6, planted, e.findings(), registerSeconds, importSeconds,
					rows / importSeconds);
			System.out.println("CROSSCHECK-BENCH " + line);
			if (e.findings() != planted || e.rows() != rows) {
				throw new AssertionError("expected " + planted + " findings of " + rows + " rows: " + e);
			}
			Path doc = Path.of("docs/benchmarks.md");
			String text = Files.readString(doc);
			String begin = "<!-- crosscheck:begin -->";
			String end = "<!-- crosscheck:end -->";
			String row = line + " " + LocalDate.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores |";
			if (text.contains(begin)) {
				int i = text.indexOf(end);
				text = text.substring(0, i) + row + "\n" + text.substring(i);
				Files.writeString(doc, text);
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** Households of three persons each, in COPY batches, with the register's keyed hash of a synthetic ID number. */
	private void register(long orgId, int persons) {
		String region = jdbc.sql("SELECT region_code FROM organisation WHERE id = ?").param(orgId).query(String.class).single();
		String township = jdbc.sql("SELECT code FROM organisation_region WHERE code LIKE ? AND level = 4 ORDER BY code LIMIT 1")
			.param(region + "%").query(String.class).optional().orElse(region);
		int households = (persons + 2) / 3;
		int batch = 30_000;
		for (int from = 0; from < households; from += batch) {
			int n = Math.min(batch, households - from);
			int start = from;
			tx.executeWithoutResult(s -> {
				long[] ids = CopyIn.nextValues(jdbc, "registry_household_id_seq", n);
				CopyIn hh = new CopyIn("registry_household", "id", "organisation_id", "region_code", "file_no", "status", "created_by",
						"updated_by");
				CopyIn members = new CopyIn("registry_member", "household_id", "name", "id_number_hash", "id_number_enc",
						"id_number_masked", "birth_date", "sex", "relation");
				for (int i = 0; i < n; i++) {
					hh.row(ids[i], orgId, township, "BENCH-" + (start + i), "FILED", "bench", "bench");
					for (int j = 0; j < 3 && (start + i) * 3 + j < persons; j++) {
						int p = (start + i) * 3 + j;
						members.row(ids[i], name(p), hash.hash(id(p)), "v1:bench", "420102********0000",
								LocalDate.of(1950, 1, 1), "M", j == 0 ? "HEAD" : "OTHER");
					}
				}
				hh.into(dataSource);
				members.into(dataSource);
			});
		}
		jdbc.sql("ANALYZE registry_member").update();
	}

	/** R rows: every tenth a register person (a planted finding: no wage in the file), the rest strangers. */
	private static long extract(Path file, int persons, long rows) throws Exception {
		long planted = 0;
		try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write("身份证号,姓名,月缴存额,缴存单位\n");
			for (long r = 0; r < rows; r++) {
				if (r % 10 == 0 && planted < persons) {
					w.write(id((int) planted) + "," + name((int) planted) + ",800.00,某公司\n");
					planted++;
				}
				else {
					w.write(id((int) (persons + r)) + ",路人,500.00,某公司\n");
				}
			}
		}
		return planted;
	}

	static String name(int p) {
		return "基准" + p;
	}

	/** A valid synthetic ID number for index p (region 99: no real region, so no clash with other data). */
	static String id(int p) {
		String first17 = String.format("99%015d", p);
		return first17 + IdNumber.checkChar(first17);
	}

}
