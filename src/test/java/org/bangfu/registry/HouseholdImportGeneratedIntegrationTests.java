package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.synthetic.GeneratorOptions;
import org.bangfu.synthetic.HouseholdGenerator;
import org.bangfu.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Files from the synthetic generator, with its planted defects and their manifest: exactly the
 * manifest's households are rejected, with a problem at each manifest row and column, and every
 * other household is filed. The 10,000-household file runs in the suite and prints its time.
 */
@ImportIntegrationTest
class HouseholdImportGeneratedIntegrationTests {

	@Autowired
	HouseholdImports imports;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	ImportResults results;

	OrganisationView org;

	@BeforeEach
	void setUp() {
		results = new ImportResults(jdbc);
		org = fixtures.organisation("生成数据导入");
	}

	@Test
	void tenThousandGeneratedHouseholdsImportWithExactlyThePlantedDefectsRejected() throws IOException {
		Generated g = generate("big.csv", 10_000, 30_301, 0.01, "utf-8");
		long claims = results.claims();
		long start = System.nanoTime();
		ImportView done = imports.importLocal(org.code(), g.file, OnExisting.SKIP, Locale.SIMPLIFIED_CHINESE,
				(a, b, c, d, e) -> {
				});
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("IMPORT-10K: %d households, %d rows in %.1f s (%.0f rows/s)%n", g.households, done.rowsRead(),
				seconds, done.rowsRead() / seconds);
		assertMatchesManifest(g, done);
		assertThat(results.claims() - claims).isEqualTo(done.rowsAccepted());
		assertThat(results.changes(org.id())).isEqualTo(done.householdsFiled());
	}

	@Test
	void aGeneratedWorkbookImportsLikeItsCsv() throws IOException {
		Generated g = generate("book.xlsx", 400, 30_302, 0.05, "utf-8");
		ImportView done = imports.importLocal(org.code(), g.file, OnExisting.SKIP, Locale.SIMPLIFIED_CHINESE,
				(a, b, c, d, e) -> {
				});
		assertMatchesManifest(g, done);
	}

	@Test
	void aGeneratedGb18030CsvImportsLikeItsUtf8Twin() throws IOException {
		Generated g = generate("gbk.csv", 400, 30_303, 0.05, "gb18030");
		ImportView done = imports.importLocal(org.code(), g.file, OnExisting.SKIP, Locale.SIMPLIFIED_CHINESE,
				(a, b, c, d, e) -> {
				});
		assertMatchesManifest(g, done);
	}

	private void assertMatchesManifest(Generated g, ImportView done) throws IOException {
		assertThat(done.status()).isEqualTo("DONE");
		Set<String> bad = new TreeSet<>(g.manifest.keySet());
		assertThat(done.householdsRejected()).isEqualTo(bad.size());
		assertThat(done.householdsFiled()).isEqualTo(g.households - bad.size());
		List<String> filed = results.fileNos(org.id());
		assertThat(filed).hasSize((int) (g.households - bad.size()));
		assertThat(filed).doesNotContainAnyElementsOf(bad);
		Set<Long> expectedRows = new TreeSet<>();
		bad.forEach(ref -> expectedRows.addAll(g.rowsOf.get(ref)));
		List<List<String>> report = ImportResults.report(Path.of(ImportResults.reportPath(jdbc, done.id())));
		assertThat(ImportResults.rejectedRows(report)).isEqualTo(expectedRows);
		assertThat(done.rowsRejected()).isEqualTo(expectedRows.size());
		Map<Long, String> errors = new HashMap<>();
		int errorColumn = report.get(0).size() - 1;
		for (List<String> line : report.subList(1, report.size())) {
			String text = line.get(errorColumn);
			errors.put(Long.parseLong(text.substring(2, text.indexOf(" 行"))), text);
		}
		for (List<String> entry : g.manifest.values().stream().flatMap(List::stream).toList()) {
			for (String row : entry.get(1).split(" ")) {
				assertThat(errors.get(Long.parseLong(row))).as(entry.toString()).contains(entry.get(2) + "：");
			}
		}
	}

	/** A generated file, its manifest (ref → entries of ref, rows, column, defect) and the rows of each household. */
	private record Generated(Path file, long households, Map<String, List<List<String>>> manifest,
			Map<String, List<Long>> rowsOf) {
	}

	private Generated generate(String name, long count, long seed, double bad, String encoding) throws IOException {
		Path out = dir.resolve(name);
		GeneratorOptions options = new GeneratorOptions(count, seed, out, bad,
				"gb18030".equals(encoding) ? Charset.forName("GB18030") : StandardCharsets.UTF_8, null,
				GeneratorOptions.AS_OF);
		new HouseholdGenerator(options).generate();
		Map<String, List<List<String>>> manifest = new HashMap<>();
		try (Reader reader = Files.newBufferedReader(options.manifest(), StandardCharsets.UTF_8);
				CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
			for (CSVRecord r : csv) {
				manifest.computeIfAbsent(r.get("household_ref"), k -> new ArrayList<>())
					.add(List.of(r.get("household_ref"), r.get("rows"), r.get("column"), r.get("defect")));
			}
		}
		Map<String, List<Long>> rowsOf = new HashMap<>();
		Path csvTwin = name.endsWith(".xlsx") ? dir.resolve(name.replace(".xlsx", "-twin.csv")) : out;
		if (name.endsWith(".xlsx")) {
			new HouseholdGenerator(new GeneratorOptions(count, seed, csvTwin, bad, StandardCharsets.UTF_8, null,
					GeneratorOptions.AS_OF)).generate();
		}
		Charset charset = "gb18030".equals(encoding) ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
		try (Reader reader = Files.newBufferedReader(csvTwin, charset); CSVParser csv = CSVFormat.DEFAULT.parse(reader)) {
			long row = 0;
			for (CSVRecord r : csv) {
				if (++row == 1) {
					continue;
				}
				rowsOf.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(row);
			}
		}
		return new Generated(out, count, manifest, rowsOf);
	}

}
