package org.bangfu.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

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
				Benchmark.Result result = new Benchmark(context, port).run(n, work,
						Arrays.asList(Benchmark.Step.values()));
				String table = BenchmarkReport.markdown(n, result.rows(), result.lines(), "PostgreSQL " + postgres);
				System.out.println(table);
				BenchmarkReport.write(Path.of("docs", "benchmarks.md"), n, table);
			}
		}
		finally {
			Benchmark.deleteTree(work);
		}
	}

}
