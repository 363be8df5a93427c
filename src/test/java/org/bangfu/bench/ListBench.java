package org.bangfu.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The register's list over HTTP as users meet it (issue 19): GET /api/v1/households with a bearer
 * token, one request at a time, for a user whose scope is the whole platform and for a village
 * cadre, on the unfiltered first page and the common filters. The time is the client's, from the
 * request to the last byte on loopback: an upper bound of the server's time. Goal p99 ≤ 20 ms.
 */
final class ListBench {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	/** The slowest p95 of every query measured so far, in milliseconds. */
	double worstP95;

	ListBench(int port) {
		this.port = port;
	}

	/** A named query of the list: its query string is drawn anew for every request. */
	record Query(String name, Supplier<String> queryString) {
	}

	static List<Query> commonQueries(Sample sample, long seed) {
		SplittableRandom rnd = new SplittableRandom(seed);
		return List.of(new Query("unfiltered first page", () -> ""),
				new Query("county + status", () -> "region=" + pick(sample.counties(), rnd) + "&status=FILED"),
				new Query("one-character name prefix", () -> "name=" + encode(pick(sample.namePrefixes(), rnd))),
				new Query("category", () -> "category=" + pick(List.of("DIBAO", "NEAR_DIBAO", "DISABLED"), rnd)),
				new Query("cause", () -> "cause=" + pick(List.of("ILLNESS", "DISABILITY", "SCHOOLING"), rnd)));
	}

	List<Measurement> measure(String who, String token, List<Query> queries, int iterations) throws Exception {
		List<Measurement> lines = new ArrayList<>();
		for (Query q : queries) {
			for (int i = 0; i < Math.min(20, iterations); i++) { // warm-up: plans, caches, JIT
				get(token, q.queryString().get());
			}
			long[] nanos = new long[iterations];
			for (int i = 0; i < iterations; i++) {
				String qs = q.queryString().get();
				long t = System.nanoTime();
				get(token, qs);
				nanos[i] = System.nanoTime() - t;
			}
			Percentiles p = Percentiles.of(nanos);
			worstP95 = Math.max(worstP95, p.p95());
			lines.add(new Measurement("6 list over HTTP, " + who + ": " + q.name(), p.toString(), "", null,
					"p99 ≤ 20 ms", p.p99() <= 20.0, "GET /api/v1/households?" + q.queryString().get()
							+ " (bearer token, 20 rows, total exact or bounded)"));
		}
		return lines;
	}

	private void get(String token, String queryString) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/households" + (queryString.isEmpty() ? ""
					: "?" + queryString)))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.GET()
			.build();
		HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + request.uri() + " answered " + response.statusCode() + ": "
					+ new String(response.body(), StandardCharsets.UTF_8));
		}
	}

	private static String pick(List<String> values, SplittableRandom rnd) {
		return values.get(rnd.nextInt(values.size()));
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
