package org.bangfu.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A closed-loop load generator on loopback: a few client threads each send GET requests for
 * random ids back to back for a fixed time; reports completed requests per second. Any
 * answer other than 200 fails the run (a fast error page must not pass for speed).
 */
final class HttpLoad {

	private final int threads;

	private final Duration warmup;

	private final Duration measure;

	HttpLoad(int threads, Duration warmup, Duration measure) {
		this.threads = threads;
		this.warmup = warmup;
		this.measure = measure;
	}

	/** Requests per second for GET {@code url(id)} with the given Authorization header (or null). */
	double run(LongFunction<String> url, long[] ids, String authorization) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		loop(client, url, ids, authorization, warmup);
		return loop(client, url, ids, authorization, measure) / (measure.toNanos() / 1e9);
	}

	private long loop(HttpClient client, LongFunction<String> url, long[] ids, String authorization, Duration time)
			throws InterruptedException {
		AtomicLong done = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		long end = System.nanoTime() + time.toNanos();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread w = new Thread(() -> {
				ThreadLocalRandom rnd = ThreadLocalRandom.current();
				while (System.nanoTime() < end) {
					HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url.apply(ids[rnd.nextInt(ids.length)])))
						.header("Accept", "application/json");
					if (authorization != null) {
						req.header("Authorization", authorization);
					}
					try {
						HttpResponse<byte[]> res = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
						if (res.statusCode() == 200) {
							done.incrementAndGet();
						}
						else {
							failed.incrementAndGet();
						}
					}
					catch (Exception ex) {
						failed.incrementAndGet();
					}
				}
			}, "http-load-" + t);
			w.start();
			workers.add(w);
		}
		for (Thread w : workers) {
			w.join();
		}
		if (failed.get() > 0) {
			throw new IllegalStateException(failed.get() + " requests failed; first URL " + url.apply(ids[0]));
		}
		return done.get();
	}

}
