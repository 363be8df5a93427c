package org.bangfu.platform.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default database: when no {@code spring.datasource.url} is configured and
 * {@code bangfu.embedded-db.enabled} is not false, a PostgreSQL server is started on a data
 * directory (default {@code ./data/pg}) so the application runs with one command and its
 * data survives a restart. Production sets {@code spring.datasource.*} and never gets here.
 * <p>
 * The server is stopped by the application context after everything that uses it (see
 * {@link EmbeddedDatabaseConfiguration}); a JVM shutdown hook stops it only when no context
 * took it over (a start that failed early).
 */
public class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private static final String DATABASE = "bangfu";

	private record Started(String url, String user, String password, AutoCloseable server) {
	}

	private static volatile Started started;

	private static final AtomicBoolean handedOver = new AtomicBoolean();

	private static final AtomicBoolean stopped = new AtomicBoolean();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		if (env.containsProperty("spring.datasource.url")
				|| !env.getProperty("bangfu.embedded-db.enabled", Boolean.class, true)) {
			return;
		}
		Path dir = Path.of(env.getProperty("bangfu.embedded-db.dir", "data/pg"));
		Started db = started != null ? started : start(dir);
		env.getPropertySources()
			.addFirst(new MapPropertySource("bangfuEmbeddedDatabase",
					Map.of("spring.datasource.url", db.url(), "spring.datasource.username", db.user(),
							"spring.datasource.password", db.password(), "bangfu.embedded-db.active", "true")));
	}

	/** Stops the embedded server, once; from now on the caller (the context) is responsible for it. */
	static void handOver() {
		handedOver.set(true);
	}

	static void stop() {
		Started db = started;
		if (db != null && stopped.compareAndSet(false, true)) {
			long start = System.nanoTime();
			try {
				db.server().close();
			}
			catch (Exception ex) {
				// shutting down anyway
			}
			// on stderr: logging may already be shut down
			System.err.println("Bangfu: embedded database stopped in " + (System.nanoTime() - start) / 1_000_000 + " ms");
		}
	}

	private static synchronized Started start(Path dir) {
		if (started != null) {
			return started;
		}
		var binaries = LocalPostgres.findBinaries();
		Started db;
		if (binaries.isPresent()) {
			LocalPostgres pg = LocalPostgres.start(binaries.get(), dir, LocalPostgres.freePort());
			pg.createDatabase(DATABASE);
			db = new Started(pg.jdbcUrl(DATABASE), LocalPostgres.USER, pg.password(), pg);
		}
		else if (!LocalPostgres.isRoot()) {
			db = startBundled(dir);
		}
		else {
			throw new EmbeddedDatabaseException("No PostgreSQL binaries found and the bundled ones do not run as root: "
					+ "install Debian's 'postgresql' package, set BANGFU_PG_BIN, or set spring.datasource.url to an "
					+ "existing PostgreSQL 15+ server.");
		}
		started = db;
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (!handedOver.get()) {
				stop();
			}
		}, "bangfu-embedded-db-stop"));
		return db;
	}

	/** PostgreSQL binaries shipped in the application jar (zonky), for machines without their own. */
	private static Started startBundled(Path dir) {
		try {
			EmbeddedPostgres pg = EmbeddedPostgres.builder()
				.setDataDirectory(dir.toAbsolutePath())
				.setCleanDataDirectory(false)
				.start();
			return new Started("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres", "postgres", "", pg);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
