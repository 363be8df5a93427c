package org.bangfu.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server started from local binaries in a data directory this process owns.
 * Used for the embedded default database and for tests. Binaries come from BANGFU_PG_BIN,
 * or the newest /usr/lib/postgresql/N/bin. PostgreSQL refuses to run as root, so when the
 * JVM runs as root the server runs as the 'postgres' system user through runuser.
 */
public final class LocalPostgres implements AutoCloseable {

	public static final String USER = "bangfu";

	private final Path binDir;

	private final Path dataDir;

	private final int port;

	private final boolean asRoot;

	private final boolean owned;

	private LocalPostgres(Path binDir, Path dataDir, int port, boolean asRoot, boolean owned) {
		this.binDir = binDir;
		this.dataDir = dataDir;
		this.port = port;
		this.asRoot = asRoot;
		this.owned = owned;
	}

	/** The port of a server already running on this data directory, if one is. */
	private Optional<Integer> runningPort() {
		try {
			Process p = new ProcessBuilder(asServerUser(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "status")))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
			return lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/** Finds PostgreSQL server binaries on this machine, if any. */
	public static Optional<Path> findBinaries() {
		String env = System.getenv("BANGFU_PG_BIN");
		if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env, "initdb"))) {
			return Optional.of(Path.of(env));
		}
		Path debian = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(debian)) {
			try (Stream<Path> versions = Files.list(debian)) {
				return versions.map(v -> v.resolve("bin"))
					.filter(bin -> Files.isExecutable(bin.resolve("initdb")))
					.max(Comparator.comparingInt(LocalPostgres::majorVersion));
			}
			catch (IOException ex) {
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	private static int majorVersion(Path bin) {
		try {
			return Integer.parseInt(bin.getParent().getFileName().toString());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * Starts a server on the data directory, creating it on first use. A server already
	 * running on that directory (e.g. left by a killed process) is stopped first.
	 */
	public static LocalPostgres start(Path binDir, Path dataDir, int port) {
		boolean root = isRoot();
		try {
			Path parent = dataDir.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			LocalPostgres pg = new LocalPostgres(binDir, dataDir.toAbsolutePath(), port, root, true);
			if (!Files.exists(pg.dataDir.resolve("PG_VERSION"))) {
				pg.initdb();
			}
			else if (Files.exists(pg.dataDir.resolve("postmaster.pid"))) {
				Optional<Integer> running = pg.runningPort();
				if (running.isPresent()) {
					return new LocalPostgres(binDir, pg.dataDir, running.get(), root, false);
				}
			}
			pg.run(List.of(pg.bin("pg_ctl"), "-D", pg.dataDir.toString(), "-w", "-t", "60", "-l",
					pg.dataDir.resolve("server.log").toString(), "-o",
					"-p " + port + " -k " + pg.dataDir + " -c listen_addresses=127.0.0.1 -c fsync=on", "start"));
			return pg;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void initdb() throws IOException {
		Files.createDirectories(dataDir);
		if (asRoot) {
			chownToPostgres(dataDir.getParent());
		}
		run(List.of(bin("initdb"), "-D", dataDir.toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
				"--locale=C.UTF-8"));
	}

	private static void chownToPostgres(Path dir) throws IOException {
		ProcessBuilder chown = new ProcessBuilder("chown", "-R", "postgres:", dir.toString()).inheritIO();
		waitFor(chown.start(), "chown");
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	public int port() {
		return port;
	}

	/** Creates a database if it does not exist yet. */
	public void createDatabase(String name) {
		List<String> cmd = List.of(bin("psql"), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, "-d",
				"postgres", "-tAc", "SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
		String out = runForOutput(cmd);
		if (!out.trim().equals("1")) {
			run(List.of(bin("psql"), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", USER, "-d", "postgres",
					"-c", "CREATE DATABASE \"" + name + "\""));
		}
	}

	@Override
	public void close() {
		if (!owned) {
			return;
		}
		runQuietly(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
	}

	private String bin(String name) {
		return binDir.resolve(name).toString();
	}

	private List<String> asServerUser(List<String> cmd) {
		if (!asRoot) {
			return cmd;
		}
		List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
		wrapped.addAll(cmd);
		return wrapped;
	}

	private void run(List<String> cmd) {
		runForOutput(cmd);
	}

	private String runForOutput(List<String> cmd) {
		try {
			Process p = new ProcessBuilder(asServerUser(cmd)).directory(Path.of("/tmp").toFile())
				.redirectErrorStream(true)
				.start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			waitFor(p, String.join(" ", cmd) + "\n" + out);
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void runQuietly(List<String> cmd) {
		try {
			Process p = new ProcessBuilder(asServerUser(cmd)).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			p.waitFor(60, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			// best effort
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void waitFor(Process p, String what) {
		try {
			if (!p.waitFor(120, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new IllegalStateException("Timed out: " + what);
			}
			if (p.exitValue() != 0) {
				throw new IllegalStateException("Failed (" + p.exitValue() + "): " + what);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
