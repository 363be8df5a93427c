package org.bangfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.bangfu.platform.db.LocalPostgres;
import org.bangfu.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-command run: the application started as a user starts it, with no database
 * configured, from a new 0700 directory (as root, like a fresh machine's /root, which the
 * postgres user cannot enter), creates and migrates its embedded PostgreSQL for ./data/pg,
 * loads demo data, lets the administrator in, stops within 5 s, and keeps what was saved
 * across a restart. Its secrets are readable only by their owner.
 */
class EmbeddedDefaultIntegrationTests {

	static Path dataDir;

	@BeforeAll
	static void dataDirectory() throws IOException {
		dataDir = Files.createTempDirectory("bangfu-embedded",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
	}

	@AfterAll
	static void cleanUp() throws IOException {
		// keep the applications' logs for a look after the run
		Path logs = Files.createDirectories(Path.of("target", "embedded-default-logs"));
		try (var files = Files.list(dataDir)) {
			for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
				Files.copy(log, logs.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		Path link = dataDir.resolve("data/pg");
		if (Files.isSymbolicLink(link)) {
			Path cluster = link.getParent().resolve(Files.readSymbolicLink(link));
			deleteTree(cluster);
			Files.deleteIfExists(cluster.resolveSibling("pg.password"));
			Files.deleteIfExists(cluster.getParent());
		}
		deleteTree(dataDir);
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (var files = Files.walk(root)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	@Test
	void runsWithOneCommandAndKeepsDataAcrossARestart() throws Exception {
		int port = LocalPostgres.freePort();
		Process first = start(port);
		try {
			awaitUp(port, first);
			assertThat(Files.getPosixFilePermissions(dataDir.resolve("data/crypto.key")))
				.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
			Path cluster = dataDir.resolve("data/pg").toRealPath();
			assertThat(Files.getPosixFilePermissions(cluster.resolveSibling("pg.password")))
				.containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
			assertThat(Files.readAllLines(cluster.resolve("pg_hba.conf")))
				.filteredOn(l -> !l.isBlank() && !l.startsWith("#"))
				.allSatisfy(l -> assertThat(l).endsWith("scram-sha-256"));
			Http admin = Http.loggedIn(port, "admin", "Embedded-Root-2026");
			assertThat(admin.get("/").body()).contains("系统管理员");
			Http caseworker = Http.loggedIn(port, "demo.caseworker", "Bangfu-Demo-2026");
			assertThat(caseworker.get("/").body()).contains("大智街道工会");
			admin.get("/account/password");
			admin.form("/account/password", Map.of("currentPassword", "Embedded-Root-2026", "newPassword",
					"Changed-Secret-77"));
		}
		finally {
			long stopping = System.nanoTime();
			stop(first);
			assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(5));
		}
		Process second = start(port);
		try {
			awaitUp(port, second);
			HttpResponse<String> login = Http.browser(port).login("admin", "Changed-Secret-77");
			assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		}
		finally {
			stop(second);
		}
	}

	private static Process start(int port) throws IOException {
		List<String> cmd = new ArrayList<>();
		cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		cmd.add("-Xmx512m");
		cmd.add("-cp");
		cmd.add(System.getProperty("java.class.path"));
		cmd.add(BangfuApplication.class.getName());
		cmd.add("--server.port=" + port);
		ProcessBuilder pb = new ProcessBuilder(cmd).directory(dataDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dataDir.resolve("app-" + port + "-" + System.nanoTime() + ".log").toFile());
		pb.environment().put("BANGFU_ADMIN_PASSWORD", "Embedded-Root-2026");
		pb.environment().remove("SPRING_DATASOURCE_URL");
		return pb.start();
	}

	private static void awaitUp(int port, Process process) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new AssertionError("The application exited with " + process.exitValue() + "; see " + logs());
			}
			try {
				if (Http.browser(port).get("/actuator/health/readiness").body().contains("UP")) {
					return;
				}
			}
			catch (IllegalStateException notYet) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new AssertionError("The application did not start within 120 s; see " + logs());
	}

	private static String logs() {
		File[] files = dataDir.toFile().listFiles((d, n) -> n.endsWith(".log"));
		return files == null ? "" : List.of(files).toString();
	}

	private static void stop(Process process) throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

}
