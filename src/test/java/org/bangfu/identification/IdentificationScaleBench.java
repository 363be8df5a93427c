package org.bangfu.identification;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.identification.StandardCommands.AddStandard;
import org.bangfu.identification.internal.FactsTable;
import org.bangfu.platform.jobs.JobView;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not part of the suite (the name does not end in Tests): what-if and the batch at scale.
 * Loads households with set-based SQL into one organisation (sizes from -Dbench.households,
 * default 200000), brings the facts table up to date, then times what-if (today: the facts
 * table; another day: facts computed live), the batch job, and hand-written SQL computing the
 * same class (union-classes) for comparison. Run explicitly:
 * {@code mvn -B -ntp -o test -Dtest=IdentificationScaleBench -Dbench.households=200000,1000000}.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class })
class IdentificationScaleBench {

	@Autowired
	Places places;

	@Autowired
	Standards standards;

	@Autowired
	WhatIf whatIf;

	@Autowired
	Decisions decisions;

	@Autowired
	Jobs jobs;

	@Autowired
	FactsTable table;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	javax.sql.DataSource dataSource;

	/** Union classes by hand: (income − rent) ÷ 12 ÷ size against the resolved dibao line (county 300, township 320). */
	static final String HAND = """
			SELECT cls, count(*) FROM (
			  SELECT CASE WHEN (m.inc * 12 - coalesce(h.annual_rent, 0)) / 12 / m.n < s.v THEN 'DEEP'
			              WHEN (m.inc * 12 - coalesce(h.annual_rent, 0)) / 12 / m.n < 2 * s.v THEN 'RELATIVE'
			              ELSE 'NONE' END AS cls
			  FROM registry_household h
			  JOIN (SELECT household_id, count(*) AS n, sum(income_wage + income_business + income_property
			               + income_transfer + income_pension) AS inc
			        FROM registry_member WHERE active GROUP BY household_id) m ON m.household_id = h.id
			  JOIN (VALUES (:township, 320.00), (:other, 300.00)) s(region, v) ON s.region = h.region_code
			  WHERE h.organisation_id = :org AND h.status <> 'CLOSED') c
			GROUP BY cls ORDER BY cls""";

	@Test
	void measure() throws Exception {
		List<Integer> sizes = Arrays.stream(System.getProperty("bench.households", "200000").split(","))
			.map(String::strip)
			.map(Integer::valueOf)
			.toList();
		Places.Place place = places.county("规模测试");
		LocalDate today = decisions.today();
		standards.add(place.scope(), new AddStandard("dibao_urban", place.county(), new BigDecimal("300"), null,
				LocalDate.of(2020, 1, 1), null, null));
		standards.add(place.scope(), new AddStandard("dibao_urban", place.township(), new BigDecimal("320"), null,
				LocalDate.of(2020, 1, 1), null, null));
		List<String> report = new ArrayList<>();
		int loaded = 0;
		for (int target : sizes) {
			long t = System.nanoTime();
			load(place, loaded, target);
			loaded = target;
			report.add(String.format("%,d households: load by SQL %.1f s", target, secs(t)));
			t = System.nanoTime();
			long open = table.refreshAll();
			report.add(String.format("  facts table full recompute (refreshAll, %,d rows): %.1f s", open, secs(t)));
			jdbc.sql("VACUUM ANALYZE identification_facts").update();
			jdbc.sql("ANALYZE registry_household").update();
			jdbc.sql("ANALYZE registry_member").update();

			if (Boolean.getBoolean("bench.explain")) {
				try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
					c.setAutoCommit(true);
					st.execute("LOAD 'auto_explain'");
					st.execute("ALTER SYSTEM SET session_preload_libraries = 'auto_explain'");
					st.execute("ALTER SYSTEM SET auto_explain.log_min_duration = '150ms'");
					st.execute("ALTER SYSTEM SET auto_explain.log_analyze = on");
					st.execute("ALTER SYSTEM SET auto_explain.log_nested_statements = on");
					st.execute("SELECT pg_reload_conf()");
				}
				((com.zaxxer.hikari.HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
			}
			WhatIfRequest request = new WhatIfRequest("union-classes", today,
					new WhatIfRequest.ProposedStandard("dibao_urban", place.county(), new BigDecimal("350"), null), null,
					"township", 1, 50);
			List<Long> runs = new ArrayList<>();
			WhatIfResult last = null;
			for (int i = 0; i < 6; i++) {
				t = System.nanoTime();
				last = whatIf.run(place.scope(), request, Locale.SIMPLIFIED_CHINESE);
				runs.add(ms(t));
			}
			report.add("  what-if today (facts table), 6 runs ms: " + runs + " — households " + last.households()
					+ ", changed " + last.changed());
			WhatIfRequest live = new WhatIfRequest("union-classes", today.plusDays(1), request.standard(), null, "township", 1, 50);
			runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				t = System.nanoTime();
				last = whatIf.run(place.scope(), live, Locale.SIMPLIFIED_CHINESE);
				runs.add(ms(t));
			}
			report.add("  what-if tomorrow (facts live from registry_member), 2 runs ms: " + runs + " — changed " + last.changed());

			Map<String, Object> p = Map.of("org", place.organisation().id(), "township", place.township(), "other",
					place.otherTownship());
			runs = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				t = System.nanoTime();
				jdbc.sql(HAND).params(p).query().listOfRows();
				runs.add(ms(t));
			}
			report.add("  hand-written SELECT of the class counts, 3 runs ms: " + runs);
			jdbc.sql("DROP TABLE IF EXISTS bench_class").update();
			jdbc.sql("CREATE UNLOGGED TABLE bench_class (household_id bigint, cls varchar(20))").update();
			t = System.nanoTime();
			jdbc.sql(HAND.replace("SELECT cls, count(*) FROM (", "INSERT INTO bench_class SELECT id, cls FROM (")
				.replace("THEN 'DEEP'", "THEN 'DEEP'")
				.replace("SELECT CASE", "SELECT h.id, CASE")
				.replace("GROUP BY cls ORDER BY cls", "")).params(p).update();
			report.add(String.format("  hand-written INSERT … SELECT of the class per household: %d ms", ms(t)));

			for (int i = 0; i < 2; i++) {
				long job = decisions.startBatch(place.scope(), "union-classes", null, false, today);
				JobView done = await(job);
				report.add(String.format("  batch job (%s, %,d households): %d ms (job started → finished)", done.status(),
						done.progressDone(), Duration.between(done.startedAt(), done.finishedAt()).toMillis()));
			}
			System.out.println("BENCH " + String.join("\nBENCH ", report));
			if (Boolean.getBoolean("bench.explain")) {
				String data = jdbc.sql("SHOW data_directory").query(String.class).single();
				java.nio.file.Files.copy(java.nio.file.Path.of(data, "server.log"), java.nio.file.Path.of("/tmp/bench-server-" + target + ".log"),
						java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		System.out.println("\n==== identification scale ====\n" + String.join("\n", report));
	}

	void load(Places.Place place, int from, int to) {
		List<String> regions = jdbc.sql("SELECT code FROM organisation_region WHERE code IN (:a, :b)")
			.param("a", place.township())
			.param("b", place.otherTownship())
			.query(String.class)
			.list();
		for (int lo = from; lo < to; lo += 100_000) {
			int hi = Math.min(to, lo + 100_000) - 1;
			long maxBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM registry_household").query(Long.class).single();
			jdbc.sql("""
					INSERT INTO registry_household (organisation_id, region_code, file_no, status, main_cause, secondary_causes,
					    categories, housing_type, annual_rent, vehicles, savings, created_by, updated_by)
					SELECT :org, (CAST(:regions AS varchar[]))[1 + g % 2], 'B' || g, 'FILED',
					       (ARRAY['ILLNESS', 'ACCIDENT', 'UNEMPLOYMENT', NULL])[1 + g % 4], '{}', '{}',
					       CASE WHEN g % 3 = 0 THEN 'RENTED' ELSE 'OWN' END,
					       CASE WHEN g % 3 = 0 THEN (g % 97) * 100 END, 0, (g % 50) * 1000, 'bench', 'bench'
					FROM generate_series(:lo, :hi) g""")
				.param("org", place.organisation().id())
				.param("regions", regions.toArray(String[]::new))
				.param("lo", lo)
				.param("hi", hi)
				.update();
			jdbc.sql("""
					INSERT INTO registry_member (household_id, name, id_number_hash, id_number_enc, id_number_masked, birth_date,
					    sex, relation, employment, income_wage, health)
					SELECT h.id, '成员' || k, md5(h.id || '-' || k) || md5(k || '/' || h.id), 'enc', '******',
					       DATE '1950-01-01' + CAST((h.id * 7919 + k * 104729) % 26000 AS integer),
					       CASE WHEN k % 2 = 0 THEN 'F' ELSE 'M' END, CASE WHEN k = 1 THEN 'HEAD' ELSE 'SON' END,
					       CASE WHEN (h.id + k) % 5 = 0 THEN 'UNEMPLOYED' ELSE 'EMPLOYED' END,
					       CAST((h.id * 31 + k * 17) % 1300 AS numeric), 'HEALTHY'
					FROM registry_household h, generate_series(1, 1 + CAST(h.id % 4 AS integer)) k
					WHERE h.id > :after AND h.organisation_id = :org""")
				.param("after", maxBefore)
				.param("org", place.organisation().id())
				.update();
		}
	}

	JobView await(long job) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
		while (System.nanoTime() < deadline) {
			JobView v = jobs.find(job).orElseThrow();
			if (v.status().equals("DONE") || v.status().equals("FAILED")) {
				return v;
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("job " + job + " did not finish");
	}

	static double secs(long t) {
		return (System.nanoTime() - t) / 1e9;
	}

	static long ms(long t) {
		return (System.nanoTime() - t) / 1_000_000;
	}

}
