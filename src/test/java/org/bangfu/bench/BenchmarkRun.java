package org.bangfu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The full benchmark, not part of the test suite: {@code mvn -B -ntp -Pbench test} runs every
 * step at each size of {@code bench.sizes} (default 100,000 and 1,000,000) on a PostgreSQL
 * started for the run, with a 512 MB heap, and writes each size's table into
 * docs/benchmarks.md. Each size starts from an empty register.
 */
@IntegrationTest
class BenchmarkRun {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@Test
	void run() throws Exception {
		String sizes = System.getProperty("bench.sizes", "100000,1000000");
		// -Dbench.steps=IMPORT,IDENTIFY,ROSTER runs only those steps (their table gets a section of its own)
		String only = System.getProperty("bench.steps", "").strip();
		List<Benchmark.Step> steps = only.isEmpty() ? Arrays.asList(Benchmark.Step.values())
				: Arrays.stream(only.split(",")).map(s -> Benchmark.Step.valueOf(s.strip())).toList();
		Path work = Files.createTempDirectory("bangfu-bench");
		String postgres = jdbc.sql("SHOW server_version").query(String.class).single();
		try {
			for (String size : sizes.split(",")) {
				int n = Integer.parseInt(size.strip().replace("_", ""));
				jdbc.sql("TRUNCATE registry_household, registry_import, identification_decision CASCADE").update();
				// every size starts as a first evaluation: no rule set has decided anything
				jdbc.sql("UPDATE identification_rule_set SET decided = FALSE").update();
				jdbc.sql("VACUUM ANALYZE").update();
				Benchmark.log("N = %,d", n);
				Benchmark.Result result = new Benchmark(context, port).run(n, work, steps);
				String table = BenchmarkReport.markdown(n, result.rows(), result.lines(), "PostgreSQL " + postgres);
				System.out.println(table);
				String marker = only.isEmpty() ? String.valueOf(n)
						: n + ":" + steps.stream().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).collect(
								java.util.stream.Collectors.joining("-"));
				BenchmarkReport.write(Path.of("docs", "benchmarks.md"), marker, table);
			}
		}
		finally {
			Benchmark.deleteTree(work);
		}
	}

}
