package org.bangfu.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.bangfu.identification.Decisions;
import org.bangfu.identification.StandardBasis;
import org.bangfu.identification.WhatIf;
import org.bangfu.identification.WhatIfRequest;
import org.bangfu.identification.WhatIfResult;
import org.bangfu.identity.ApiTokens;
import org.bangfu.organisation.OrganisationCommands.CreateOrganisation;
import org.bangfu.organisation.OrganisationType;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.platform.jobs.JobView;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.registry.HouseholdImports;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.ImportView;
import org.bangfu.registry.OnExisting;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.synthetic.GeneratorOptions;
import org.bangfu.synthetic.HouseholdGenerator;
import org.bangfu.support.Fixtures;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark at one size N, on the running application and its PostgreSQL: generate N
 * households, import them through Bangfu's own import path against PostgreSQL COPY, classify
 * them with the batch job against one hand-written statement, time a what-if, measure lookups
 * and searches, and GET over HTTP against a bare endpoint. Each step checks that Bangfu and the
 * reference did the same work (the same rows, the same classes) before its time is quoted.
 */
final class Benchmark {

	/** The steps of the issue that a run performs (the smoke test runs a subset). */
	enum Step {

		IMPORT, IDENTIFY, WHAT_IF, ROSTER, LOOKUP, HTTP, LIST

	}

	/** The rule set the batch and what-if steps evaluate (economics facts), and its class computed by hand in SQL. */
	static final String RULE_SET = EconomicsRuleSet.CODE;

	private final ApplicationContext context;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final int port;

	Benchmark(ApplicationContext context, int port) {
		this.context = context;
		this.jdbc = context.getBean(JdbcClient.class);
		this.dataSource = context.getBean(DataSource.class);
		this.port = port;
	}

	/** What one size produced: the table lines, and the raw figures the smoke test bounds. */
	record Result(int households, long rows, List<Measurement> lines, Map<String, Double> figures) {
	}

	Result run(int households, Path work, List<Step> steps) throws Exception {
		Files.createDirectories(work);
		Path file = work.resolve("households-" + households + ".csv");
		// the optional economics columns as of this month: yearly and monthly income, spending, sudden costs, assets
		YearMonth month = YearMonth.from(context.getBean(BusinessClock.class).today());
		var generated = new HouseholdGenerator(new GeneratorOptions(households, 42, file, 0, StandardCharsets.UTF_8,
				null, GeneratorOptions.AS_OF, month))
			.generate();
		log("generated %,d households (%,d rows) in %.1f s", generated.households(), generated.rows(),
				generated.seconds());
		Fixtures fixtures = context.getBean(Fixtures.class);
		Scope root = fixtures.everything();
		EconomicsRuleSet.ensure(context, root);
		String code = "BENCH-" + households + "-" + System.nanoTime() % 100000;
		OrganisationView org = context.getBean(Organisations.class)
			.create(root, new CreateOrganisation(code, "基准测试 " + code, OrganisationType.CIVIL_AFFAIRS, "420102",
					root.organisationId()));
		Scope scope = new Scope(org.id(), org.path());
		List<Measurement> lines = new ArrayList<>();
		Map<String, Double> figures = new TreeMap<>();
		lines.add(new Measurement("0 generate the file", Measurement.seconds(generated.seconds()), "", null, "< 60 s at 1M",
				households < 1_000_000 || generated.seconds() < 60, String.format("%,d rows, seed 42, UTF-8 CSV",
						generated.rows())));

		// without the IMPORT step the households are imported all the same, but not measured against COPY
		importStep(code, org.id(), file, work, households, generated.rows(), steps.contains(Step.IMPORT), lines, figures);
		analyze();
		if (steps.contains(Step.IDENTIFY)) {
			identifyStep(scope, org.id(), lines, figures);
		}
		if (steps.contains(Step.WHAT_IF)) {
			// what autovacuum does after a bulk load and a batch, done now rather than during the timing
			jdbc.sql("VACUUM ANALYZE").update();
			whatIfStep(scope, lines, figures);
		}
		if (steps.contains(Step.ROSTER)) {
			rosterStep(scope, org, lines, figures);
		}
		if (steps.contains(Step.LOOKUP) || steps.contains(Step.HTTP)) {
			RegisterBench register = new RegisterBench(context.getBean(HouseholdRegistry.class), jdbc, dataSource);
			if (steps.contains(Step.LOOKUP)) {
				Sample sample = Sample.of(file, 5_000, 7);
				List<Measurement> lookups = register.lookups(scope, sample, households >= 100_000 ? 5_000 : 1_000, 11);
				lines.addAll(lookups);
				figures.put("lookupP50", register.lastLookupP50);
				figures.put("lookupP99", register.lastLookupP99);
			}
			if (steps.contains(Step.HTTP)) {
				String login = fixtures.user(org.id(), Role.CASEWORKER);
				String token = context.getBean(ApiTokens.class)
					.issue(scope, fixtures.userId(login), "benchmark", Instant.now().plus(Duration.ofHours(2)))
					.token();
				Measurement http = register.httpGet(port, token, org.id(), 4, Duration.ofSeconds(3),
						Duration.ofSeconds(households >= 100_000 ? 10 : 4));
				lines.add(http);
				figures.put("httpShare", http.ratio());
			}
		}
		if (steps.contains(Step.LIST)) {
			listStep(fixtures, root, scope, org, code, file, households >= 100_000 ? 200 : 50, lines, figures);
		}
		Files.deleteIfExists(file);
		Files.deleteIfExists(new GeneratorOptions(1, 1, file, 0, StandardCharsets.UTF_8, null, null).manifest());
		return new Result(households, generated.rows(), lines, figures);
	}

	/**
	 * The register's list over HTTP for a user of the whole platform and for a village cadre; the
	 * village is made by moving every 200th household of the benchmark's organisation into it
	 * (last step: the move changes what the others measure).
	 */
	private void listStep(Fixtures fixtures, Scope root, Scope scope, OrganisationView org, String code, Path file,
			int iterations, List<Measurement> lines, Map<String, Double> figures) throws Exception {
		OrganisationView village = context.getBean(Organisations.class)
			.create(root, new CreateOrganisation(code + "-V", "基准测试村 " + code, OrganisationType.VILLAGE_COMMITTEE,
					"420102", org.id()));
		int moved = jdbc.sql("UPDATE registry_household SET organisation_id = ? WHERE organisation_id = ? AND id % 200 = 0")
			.params(village.id(), org.id())
			.update();
		analyze();
		ApiTokens tokens = context.getBean(ApiTokens.class);
		Instant until = Instant.now().plus(Duration.ofHours(2));
		String platform = tokens.issue(root, fixtures.userId(fixtures.user(root.organisationId(), Role.CASEWORKER)),
				"benchmark list", until).token();
		String cadre = tokens.issue(root, fixtures.userId(fixtures.user(village.id(), Role.PAIRING_CADRE)),
				"benchmark list", until).token();
		Sample sample = Sample.of(file, 2_000, 13);
		ListBench bench = new ListBench(port);
		List<Measurement> platformLines = bench.measure("whole platform", platform, ListBench.commonQueries(sample, 17),
				iterations);
		List<Measurement> cadreLines = bench.measure("village cadre (" + moved + " households)", cadre,
				ListBench.commonQueries(sample, 19), iterations);
		lines.addAll(platformLines);
		lines.addAll(cadreLines);
		figures.put("listWorstP95", bench.worstP95);
	}

	private void importStep(String code, long organisationId, Path file, Path work, int households, long rows,
			boolean measure, List<Measurement> lines, Map<String, Double> figures) throws Exception {
		HouseholdImports imports = context.getBean(HouseholdImports.class);
		ImportView view;
		long peak;
		long start = System.nanoTime();
		try (HeapWatch heap = new HeapWatch()) {
			view = imports.importLocal(code, file, OnExisting.SKIP, Locale.SIMPLIFIED_CHINESE, (read, total, a, r, s) -> {
			});
			peak = heap.peakMegabytes();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (view.householdsFiled() != households || view.rowsRejected() != 0) {
			throw new IllegalStateException("The import filed " + view.householdsFiled() + " of " + households
					+ " households and rejected " + view.rowsRejected() + " rows: " + view.status() + " "
					+ view.errorKey());
		}
		log("import: %.1f s, peak heap %d MB", seconds, peak);
		analyze();
		if (!measure) {
			return; // the households are only the data of the other steps
		}
		double copy = ReferenceCopy.measure(dataSource, organisationId, work);
		log("reference COPY: %.1f s", copy);
		Measurement m = Measurement.ratio("1 import " + String.format("%,d", households) + " households", seconds, copy,
				1.5, String.format("%,.0f rows/s; peak heap %d MB of %d MB (goal ≤ 512 MB); reference: COPY of the"
						+ " same rows into the same tables and indexes", rows / seconds, peak,
						HeapWatch.maxHeapMegabytes()));
		lines.add(m);
		figures.put("importRatio", m.ratio());
		figures.put("importHeapMb", (double) peak);
	}

	private void identifyStep(Scope scope, long organisationId, List<Measurement> lines, Map<String, Double> figures)
			throws InterruptedException {
		Decisions decisions = context.getBean(Decisions.class);
		Jobs jobs = context.getBean(Jobs.class);
		long job = decisions.startBatch(scope, RULE_SET, null, false, null);
		JobView done = awaitJob(jobs, job);
		if (!"DONE".equals(done.status())) {
			throw new IllegalStateException("The batch job " + job + " ended " + done.status() + ": " + done.error());
		}
		double batch = Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1000.0;
		Map<String, Long> bangfu = new TreeMap<>();
		jdbc.sql("""
				SELECT d.outcome, count(*) FROM identification_decision d
				JOIN registry_household h ON h.id = d.household_id
				WHERE d.current AND d.rule_set_code = ? AND h.organisation_id = ? GROUP BY d.outcome""")
			.params(RULE_SET, organisationId)
			.query(rs -> {
				bangfu.put(rs.getString(1), rs.getLong(2));
			});
		Map<String, Long> reference = new TreeMap<>();
		double sql = timedReference(organisationId, reference);
		log("identification: batch %.1f s, hand-written SQL %.1f s, classes %s vs %s", batch, sql, bangfu, reference);
		if (!bangfu.equals(reference)) {
			throw new IllegalStateException("Bangfu's batch classed " + bangfu + " but the hand-written SQL " + reference);
		}
		Measurement m = Measurement.ratio("2 identification batch (" + RULE_SET + ")", batch, sql, 2.0,
				"job start to finish, decisions with fact snapshots stored; reference: one CREATE TABLE AS SELECT of the"
						+ " class; same classes " + bangfu);
		lines.add(m);
		figures.put("identifyRatio", m.ratio());
		bangfu.forEach((outcome, n) -> figures.put("class " + outcome, n.doubleValue()));
		figures.put("identifySeconds", batch);
		figures.put("identifyReferenceSeconds", sql);
	}

	/** The roster of a per-household program over the households, against one hand-written INSERT … SELECT. */
	private void rosterStep(Scope scope, OrganisationView org, List<Measurement> lines, Map<String, Double> figures)
			throws InterruptedException {
		RosterBench.Run run = new RosterBench(context).run(scope, org);
		Measurement m = Measurement.ratio("2b roster of a per-household program (" + RosterBench.PROGRAM + ")",
				run.seconds(), run.referenceSeconds(), 2.0,
				String.format("job start to finish (facts made current, id ranges of %,d households, one INSERT … SELECT"
						+ " each); reference: one hand-written INSERT … SELECT of the same lines into the same table and"
						+ " indexes; same %,d lines, same total ¥%,.2f", 20_000, run.lines(), run.totalFen() / 100.0));
		lines.add(m);
		figures.put("rosterRatio", m.ratio());
		figures.put("rosterSeconds", run.seconds());
		figures.put("rosterReferenceSeconds", run.referenceSeconds());
	}

	private double timedReference(long organisationId, Map<String, Long> counts) {
		try (var c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			long start = System.nanoTime();
			try (var ps = c.prepareStatement(EconomicsRuleSet.REFERENCE)) {
				ps.setObject(1, context.getBean(BusinessClock.class).today());
				ps.setLong(2, organisationId);
				ps.execute();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			try (var s = c.createStatement();
					var rs = s.executeQuery("SELECT outcome, count(*) FROM bench_reference GROUP BY outcome")) {
				while (rs.next()) {
					counts.put(rs.getString(1), rs.getLong(2));
				}
			}
			c.commit();
			return seconds;
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void whatIfStep(Scope scope, List<Measurement> lines, Map<String, Double> figures) {
		WhatIf whatIf = context.getBean(WhatIf.class);
		WhatIfRequest request = new WhatIfRequest(RULE_SET, null,
				new WhatIfRequest.ProposedStandard(EconomicsRuleSet.KIND, null, new BigDecimal("780"), StandardBasis.MONTH),
				null, "county", 1, 20);
		long[] millis = new long[5];
		WhatIfResult result = null;
		for (int i = 0; i < millis.length; i++) {
			long start = System.nanoTime();
			result = whatIf.run(scope, request, Locale.SIMPLIFIED_CHINESE);
			millis[i] = (System.nanoTime() - start) / 1_000_000;
		}
		java.util.Arrays.sort(millis);
		double median = millis[2] / 1000.0;
		log("what-if: %s ms, %,d households, %,d change class", java.util.Arrays.toString(millis), result.households(),
				result.changed());
		lines.add(new Measurement("3 what-if (" + RULE_SET + "): line 700 → 780 yuan/month", Measurement.seconds(median),
				"", null, "≤ 0.5 s", median <= 0.5,
				String.format("median of 5; %,d households, %,d would change class, grouped by county, first page listed",
						result.households(), result.changed())));
		figures.put("whatIfSeconds", median);
	}

	private JobView awaitJob(Jobs jobs, long id) throws InterruptedException {
		while (true) {
			JobView v = jobs.find(id).orElseThrow();
			if (v.finished()) {
				return v;
			}
			Thread.sleep(100);
		}
	}

	private void analyze() {
		jdbc.sql("ANALYZE").update();
	}

	static void log(String format, Object... args) {
		System.out.printf("[bench] " + format + "%n", args);
	}

	static void deleteTree(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (var files = Files.walk(dir)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

}
