package org.bangfu.crosscheck.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The Spark path on the golden files Bangfu's database path wrote (CrossCheckSparkFixtureIntegrationTests
 * in the web application fails when they are stale): the same extract files and register keyed
 * hashes give exactly the findings the database path gave.
 */
class CrossCheckJobTests {

	static final Path GOLDEN = Path.of("src/test/resources/golden");

	@Test
	void theSparkPathGivesTheSameFindingsAsTheDatabasePath() throws Exception {
		List<String> expected = Files.readAllLines(GOLDEN.resolve("findings.csv"), StandardCharsets.UTF_8);
		assertFalse(expected.size() < 2, "the golden findings are empty");
		byte[] key = HexFormat.of().parseHex(Files.readString(GOLDEN.resolve("fixture.key")).strip());
		SparkSession spark = SparkSession.builder().master("local[1]").appName("crosscheck-test")
			.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
			.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
			.config("spark.sql.warehouse.dir", "target/spark-warehouse").getOrCreate();
		try {
			List<Row> rows = CrossCheckJob.findings(spark, GOLDEN.resolve("extracts"), GOLDEN.resolve("register.csv"), key)
				.collectAsList();
			List<String> got = new java.util.ArrayList<>();
			got.add("kind,household,name,rows");
			for (Row r : rows) {
				got.add(r.getString(0) + "," + r.getString(1) + "," + r.getString(2) + "," + r.getLong(3));
			}
			assertEquals(expected, got);
		}
		finally {
			spark.stop();
		}
	}

}
