package org.bangfu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted mix of cadre, reviewer and public traffic against a running instance, N virtual users
 * back to back for a fixed time; prints per endpoint the requests, errors and p50/p95/p99/max in ms
 * as a Markdown table (docs/benchmarks.md). Not part of the suite; JDK only, so it runs as one file:
 * <pre>
 * java src/test/java/org/bangfu/bench/MixedLoad.java --base http://127.0.0.1:8080 --users 50 --seconds 600 \
 *      --cadre-token bf_… --reviewer-token bf_…
 * </pre>
 * The exit code is 1 when any answer was not 200.
 */
public final class MixedLoad {

	static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周" };

	record Sample(String endpoint, long nanos, boolean ok) {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> opt = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		String base = opt.getOrDefault("base", "http://127.0.0.1:8080");
		int users = Integer.parseInt(opt.getOrDefault("users", "50"));
		Duration length = Duration.ofSeconds(Long.parseLong(opt.getOrDefault("seconds", "600")));
		String cadre = "Bearer " + require(opt, "cadre-token");
		String reviewer = "Bearer " + require(opt, "reviewer-token");
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		long[] ids = householdIds(client, base, cadre);
		System.err.printf("%d households to read, %d users, %s%n", ids.length, users, length);

		long end = System.nanoTime() + length.toNanos();
		List<List<Sample>> perUser = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int u = 0; u < users; u++) {
			List<Sample> mine = new ArrayList<>();
			perUser.add(mine);
			int user = u;
			Thread thread = new Thread(() -> {
				ThreadLocalRandom r = ThreadLocalRandom.current();
				while (System.nanoTime() < end) {
					// 60 % cadres, 25 % reviewers, 15 % the public (by the user's number, as people are)
					int kind = user % 20 < 12 ? 0 : user % 20 < 17 ? 1 : 2;
					switch (kind) {
						case 0 -> {
							mine.add(get(client, base, "GET /api/v1/households?name=…",
									"/api/v1/households?size=20&name=" + enc(SURNAMES[r.nextInt(SURNAMES.length)]), cadre));
							mine.add(get(client, base, "GET /api/v1/households/{id}",
									"/api/v1/households/" + ids[r.nextInt(ids.length)], cadre));
						}
						case 1 -> {
							mine.add(get(client, base, "GET /api/v1/cases?view=mine", "/api/v1/cases?view=mine", reviewer));
							mine.add(get(client, base, "GET /api/v1/cases?view=all", "/api/v1/cases?view=all&page="
									+ (1 + r.nextInt(5)), reviewer));
						}
						default -> {
							mine.add(get(client, base, "GET /public/notices", "/public/notices", null));
							mine.add(get(client, base, "GET /public/funds", "/public/funds", null));
						}
					}
				}
			}, "load-" + u);
			thread.start();
			threads.add(thread);
		}
		for (Thread t : threads) {
			t.join();
		}
		report(perUser, length);
	}

	static String require(Map<String, String> opt, String name) {
		String v = opt.get(name);
		if (v == null) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return v;
	}

	static String enc(String s) {
		return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The ids of the first pages of the cadre's register (the households the cadres read). */
	static long[] householdIds(HttpClient client, String base, String cadre) throws Exception {
		List<Long> ids = new ArrayList<>();
		Pattern id = Pattern.compile("\\{\"id\":(\\d+)");
		for (int page = 1; page <= 20; page++) {
			HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/households?size=100&page=" + page))
				.header("Authorization", cadre)
				.build(), HttpResponse.BodyHandlers.ofString());
			if (res.statusCode() != 200) {
				throw new IllegalStateException("listing households: " + res.statusCode() + " " + res.body());
			}
			Matcher m = id.matcher(res.body());
			int before = ids.size();
			while (m.find()) {
				ids.add(Long.parseLong(m.group(1)));
			}
			if (ids.size() == before) {
				break;
			}
		}
		if (ids.isEmpty()) {
			throw new IllegalStateException("the cadre sees no household");
		}
		return ids.stream().mapToLong(Long::longValue).toArray();
	}

	static Sample get(HttpClient client, String base, String endpoint, String path, String authorization) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (authorization != null) {
			b.header("Authorization", authorization);
		}
		long start = System.nanoTime();
		boolean ok;
		try {
			HttpResponse<byte[]> res = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
			ok = res.statusCode() == 200;
		}
		catch (Exception ex) {
			ok = false;
		}
		return new Sample(endpoint, System.nanoTime() - start, ok);
	}

	static void report(List<List<Sample>> perUser, Duration length) {
		Map<String, List<Sample>> byEndpoint = new TreeMap<>();
		perUser.forEach(list -> list.forEach(s -> byEndpoint.computeIfAbsent(s.endpoint(), k -> new ArrayList<>()).add(s)));
		long total = 0;
		long errors = 0;
		System.out.println("| endpoint | requests | errors | p50 ms | p95 ms | p99 ms | max ms |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|");
		for (var e : byEndpoint.entrySet()) {
			long[] ns = e.getValue().stream().mapToLong(Sample::nanos).sorted().toArray();
			long bad = e.getValue().stream().filter(s -> !s.ok()).count();
			total += ns.length;
			errors += bad;
			System.out.printf("| %s | %d | %d | %.1f | %.1f | %.1f | %.1f |%n", e.getKey(), ns.length, bad, pct(ns, 50),
					pct(ns, 95), pct(ns, 99), ns[ns.length - 1] / 1e6);
		}
		System.out.printf("%n%d requests in %d s (%.0f req/s), %d errors%n", total, length.toSeconds(),
				total / (double) length.toSeconds(), errors);
		System.exit(errors == 0 ? 0 : 1);
	}

	static double pct(long[] sorted, int p) {
		int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
	}

}
