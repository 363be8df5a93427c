package org.bangfu.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

import org.bangfu.platform.db.LocalPostgres;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real PostgreSQL server per test JVM, started from the machine's PostgreSQL binaries in a
 * temporary directory on a free port, and stopped when the JVM exits. Its URL is published as
 * system properties so every Spring context of the run uses it.
 */
public final class TestPostgres implements BeforeAllCallback {

	private static LocalPostgres server;

	private static Path dir;

	@Override
	public void beforeAll(ExtensionContext context) {
		ensureStarted();
	}

	public static synchronized String url() {
		ensureStarted();
		return server.jdbcUrl("bangfu_test");
	}

	public static synchronized LocalPostgres server() {
		ensureStarted();
		return server;
	}

	private static synchronized void ensureStarted() {
		if (server != null) {
			return;
		}
		Path bin = LocalPostgres.findBinaries()
			.orElseThrow(() -> new IllegalStateException(
					"Tests need PostgreSQL server binaries: apt-get install postgresql (or set BANGFU_PG_BIN)"));
		dir = throwawayDirectory("bangfu-test-pg");
		server = LocalPostgres.start(bin, dir.resolve("data"), LocalPostgres.freePort());
		server.createDatabase("bangfu_test");
		System.setProperty("spring.datasource.url", server.jdbcUrl("bangfu_test"));
		System.setProperty("spring.datasource.username", LocalPostgres.USER);
		System.setProperty("spring.datasource.password", server.password());
		// Test JVMs run side by side (surefire forks): each keeps its files, key and audit checkpoints
		// beside its own database instead of in the shared ./data of the working directory.
		Path state = dir.resolve("state");
		System.setProperty("bangfu.files.dir", state.resolve("files").toString());
		System.setProperty("bangfu.crypto.key-file", state.resolve("crypto.key").toString());
		System.setProperty("bangfu.audit.checkpoint-file", state.resolve("audit-checkpoints.log").toString());
		// Spring contexts close in their own shutdown hooks and may still touch the database:
		// fail fast instead of waiting 30 s for a connection, and give them a moment first.
		System.setProperty("spring.datasource.hikari.connection-timeout", "3000");
		// Spring keeps up to 32 test contexts alive, each with its pool: idle pools shrink to one
		// connection so together they stay far below the server's 100 connections.
		System.setProperty("spring.datasource.hikari.minimum-idle", "1");
		System.setProperty("spring.datasource.hikari.idle-timeout", "10000");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				Thread.sleep(1500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			server.destroy(dir.resolve("data"));
			deleteQuietly(dir);
		}, "test-postgres-stop"));
	}

	/**
	 * A temporary directory the server's user can pass through (0711), so a test run as root keeps
	 * its cluster inside it instead of in /var/lib/bangfu, and deleting the directory deletes the
	 * cluster even when the JVM ends before its shutdown hook has run.
	 */
	public static Path throwawayDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx--x--x")));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static void deleteQuietly(Path root) {
		try (Stream<Path> files = Files.walk(root)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// temp dir: best effort
		}
	}

}
