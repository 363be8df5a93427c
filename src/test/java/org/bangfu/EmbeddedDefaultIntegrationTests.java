package org.bangfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * configured, creates and migrates its embedded PostgreSQL under the data directory, loads
 * demo data, lets the administrator in, and keeps what was saved across a restart.
 */
class EmbeddedDefaultIntegrationTests {

	static Path dataDir;

	@BeforeAll
	static void dataDirectory() throws IOException {
		dataDir = Files.createTempDirectory("bangfu-embedded");
	}

	@AfterAll
	static void cleanUp() throws IOException {
		try (var files = Files.walk(dataDir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	@Test
	void runsWithOneCommandAndKeepsDataAcrossARestart() throws Exception {
		int port = LocalPostgres.freePort();
		Process first = start(port);
		try {
			awaitUp(port, first);
			Http admin = Http.loggedIn(port, "admin", "Embedded-Root-2026");
			assertThat(admin.get("/").body()).contains("系统管理员");
			Http caseworker = Http.loggedIn(port, "demo.caseworker", "Bangfu-Demo-2026");
			assertThat(caseworker.get("/").body()).contains("大智街道工会");
			admin.get("/account/password");
			admin.form("/account/password", Map.of("currentPassword", "Embedded-Root-2026", "newPassword",
					"Changed-Secret-77"));
		}
		finally {
			stop(first);
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
		cmd.add("--bangfu.embedded-db.dir=" + dataDir.resolve("pg"));
		ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
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
				if (Http.browser(port).get("/actuator/health").body().contains("UP")) {
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
