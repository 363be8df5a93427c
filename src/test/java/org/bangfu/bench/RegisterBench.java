package org.bangfu.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.bangfu.registry.HouseholdPage;
import org.bangfu.registry.HouseholdQuery;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read-side steps of the benchmark on a register already loaded for one organisation:
 * lookups and searches through the register's own façade (server-side latency), and GET of a
 * household over HTTP against a bare endpoint running the same SQL.
 */
final class RegisterBench {

	private final HouseholdRegistry registry;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	/** p50 and p99 of the last lookup-by-ID measurement, in milliseconds. */
	double lastLookupP50;

	double lastLookupP99;

	RegisterBench(HouseholdRegistry registry, JdbcClient jdbc, DataSource dataSource) {
		this.registry = registry;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/** Lookup by ID number (goal p99 ≤ 5 ms) and two filtered search pages, over random keys. */
	List<Measurement> lookups(Scope scope, Sample sample, int iterations, long seed) {
		SplittableRandom rnd = new SplittableRandom(seed);
		List<String> ids = sample.idNumbers();
		for (int i = 0; i < Math.min(200, iterations); i++) { // warm-up: plans, caches, JIT
			find(scope, ids.get(rnd.nextInt(ids.size())));
		}
		long[] byId = new long[iterations];
		for (int i = 0; i < iterations; i++) {
			String id = ids.get(rnd.nextInt(ids.size()));
			long t = System.nanoTime();
			HouseholdPage page = find(scope, id);
			byId[i] = System.nanoTime() - t;
			if (page.total() != 1) {
				throw new IllegalStateException("Lookup of a filed ID number found " + page.total() + " households");
			}
		}
		int searches = Math.max(50, iterations / 4);
		long[] byRegion = new long[searches];
		long[] byName = new long[searches];
		for (int i = 0; i < searches; i++) {
			String county = sample.counties().get(rnd.nextInt(sample.counties().size()));
			long t = System.nanoTime();
			registry.search(scope, new HouseholdQuery(null, null, null, county, HouseholdStatus.FILED, null, null,
					"fileNo", "asc", 1, 20));
			byRegion[i] = System.nanoTime() - t;
			String surname = sample.namePrefixes().get(rnd.nextInt(sample.namePrefixes().size()));
			t = System.nanoTime();
			registry.search(scope, new HouseholdQuery(null, surname, null, county, null, null, null, "fileNo", "asc", 1,
					20));
			byName[i] = System.nanoTime() - t;
		}
		Percentiles id = Percentiles.of(byId);
		Percentiles region = Percentiles.of(byRegion);
		Percentiles name = Percentiles.of(byName);
		lastLookupP50 = id.p50();
		lastLookupP99 = id.p99();
		return List.of(
				new Measurement("4a lookup by ID number (server side)", id.toString(), "", null, "p99 ≤ 5 ms",
						id.p99() <= 5.0, "registry search with an exact ID number (keyed hash index)"),
				new Measurement("4b search page: county + status, 20 rows", region.toString(), "", null, "—", true,
						"first page sorted by file number, with total count"),
				new Measurement("4c search page: county + surname prefix", name.toString(), "", null, "—", true,
						"first page sorted by file number, with total count"));
	}

	private HouseholdPage find(Scope scope, String idNumber) {
		return registry.search(scope,
				new HouseholdQuery(idNumber, null, null, null, null, null, null, null, null, 1, 10));
	}

	/** GET /api/v1/households/{id} with a bearer token vs the bare endpoint; goal ≥ 70 %. */
	Measurement httpGet(int port, String token, long organisationId, int threads, Duration warmup, Duration measure)
			throws Exception {
		long[] ids = jdbc.sql("SELECT id FROM registry_household WHERE organisation_id = ? ORDER BY random() LIMIT 5000")
			.param(organisationId)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
		HttpLoad load = new HttpLoad(threads, warmup, measure);
		double bangfu;
		double bare;
		try (BareEndpoint endpoint = new BareEndpoint(dataSource, threads)) {
			// alternate, so drift in the machine's load hits both sides alike
			double b1 = load.run(id -> "http://127.0.0.1:" + port + "/api/v1/households/" + id, ids, "Bearer " + token);
			double r1 = load.run(endpoint::url, ids, "Bearer " + token);
			double b2 = load.run(id -> "http://127.0.0.1:" + port + "/api/v1/households/" + id, ids, "Bearer " + token);
			double r2 = load.run(endpoint::url, ids, "Bearer " + token);
			bangfu = (b1 + b2) / 2;
			bare = (r1 + r2) / 2;
		}
		double share = bangfu / bare;
		return new Measurement("5 HTTP GET household, " + threads + " clients", String.format("%.0f req/s", bangfu),
				String.format("%.0f req/s", bare), share, "≥ 0.70", share >= 0.70,
				"both: bearer token, the household and members, an audit record per view, one transaction; Bangfu adds security, scope, masking, MVC and JSON of its view; bare: JDK HttpServer");
	}

	static List<Measurement> join(List<Measurement> a, Measurement... b) {
		List<Measurement> all = new ArrayList<>(a);
		all.addAll(List.of(b));
		return all;
	}

}
