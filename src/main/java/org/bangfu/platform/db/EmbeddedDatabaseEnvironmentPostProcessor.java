package org.bangfu.platform.db;

import java.nio.file.Path;
import java.util.Map;

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
 */
public class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	private static final String DATABASE = "bangfu";

	private record Started(String url, String user) {
	}

	private static volatile Started started;

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
							"spring.datasource.password", "", "bangfu.embedded-db.active", "true")));
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
			Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "bangfu-embedded-db-stop"));
			db = new Started(pg.jdbcUrl(DATABASE), LocalPostgres.USER);
		}
		else if (!LocalPostgres.isRoot()) {
			db = new Started(startBundled(dir), "postgres");
		}
		else {
			throw new IllegalStateException("No PostgreSQL binaries found: install Debian's 'postgresql' package, "
					+ "set BANGFU_PG_BIN, or set spring.datasource.url to an existing PostgreSQL 15+ server.");
		}
		started = db;
		return db;
	}

	/** PostgreSQL binaries shipped in the application jar (zonky), for machines without their own. */
	private static String startBundled(Path dir) {
		try {
			EmbeddedPostgres pg = EmbeddedPostgres.builder()
				.setDataDirectory(dir.toAbsolutePath())
				.setCleanDataDirectory(false)
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					pg.close();
				}
				catch (Exception ex) {
					// shutting down anyway
				}
			}, "bangfu-embedded-db-stop"));
			return "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres";
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
