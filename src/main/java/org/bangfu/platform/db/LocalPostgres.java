package org.bangfu.platform.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bangfu.platform.files.OwnerOnly;

/**
 * A PostgreSQL server started from local binaries in a data directory this process owns.
 * Used for the embedded default database and for tests. Binaries come from BANGFU_PG_BIN,
 * or the newest /usr/lib/postgresql/N/bin. PostgreSQL refuses to run as root, so when the
 * JVM runs as root the server runs as the 'postgres' system user through runuser, in a
 * directory that user can reach ({@link ClusterDirectory}). The database user {@link #USER}
 * logs in with a generated password (scram-sha-256), kept beside the cluster, readable only
 * by its owner; a cluster made by an older version with trust authentication is switched
 * over on its next start.
 */
public final class LocalPostgres implements AutoCloseable {

	public static final String USER = "bangfu";

	private final Path binDir;

	private final Path dataDir;

	private final int port;

	private final boolean asRoot;

	private final boolean owned;

	private final String password;

	private LocalPostgres(Path binDir, Path dataDir, int port, boolean asRoot, boolean owned, String password) {
		this.binDir = binDir;
		this.dataDir = dataDir;
		this.port = port;
		this.asRoot = asRoot;
		this.owned = owned;
		this.password = password;
	}

	/** The port of a server already running on this data directory, if one is. */
	private Optional<Integer> runningPort() {
		try {
			Process p = new ProcessBuilder(asServerUser(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "status")))
				.directory(Path.of("/").toFile())
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
	 * running on that directory (e.g. left by a killed process) is used as it is.
	 */
	public static LocalPostgres start(Path binDir, Path dataDir, int port) {
		boolean root = isRoot();
		if (root && !ClusterDirectory.serverUserExists()) {
			throw new EmbeddedDatabaseException("Bangfu runs as root and PostgreSQL does not run as root, but there is no '"
					+ ClusterDirectory.SERVER_USER + "' system user: install Debian's 'postgresql' package (it creates the "
					+ "user), run Bangfu as a plain user, or set spring.datasource.url to an existing PostgreSQL 15+ server.");
		}
		try {
			Path cluster = ClusterDirectory.resolve(dataDir, root);
			boolean fresh = !Files.exists(cluster.resolve("PG_VERSION"));
			String password = ClusterDirectory.password(cluster, true);
			LocalPostgres pg = new LocalPostgres(binDir, cluster, port, root, true, password);
			if (fresh) {
				pg.initdb();
			}
			else if (Files.exists(cluster.resolve("postmaster.pid"))) {
				Optional<Integer> running = pg.runningPort();
				if (running.isPresent()) {
					return new LocalPostgres(binDir, cluster, running.get(), root, false, password);
				}
			}
			pg.run(List.of(pg.bin("pg_ctl"), "-D", cluster.toString(), "-w", "-t", "60", "-l",
					cluster.resolve("server.log").toString(), "-o",
					"-p " + port + " -k " + cluster + " -c listen_addresses=127.0.0.1 -c fsync=on", "start"));
			pg.requirePassword();
			return pg;
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseException("Bangfu could not prepare its database directory " + dataDir.toAbsolutePath()
					+ " (" + ex.getMessage() + "): choose a directory you can write with --bangfu.embedded-db.dir=..., "
					+ "or set spring.datasource.url.", ex);
		}
	}

	private void initdb() throws IOException {
		Path pwfile = OwnerOnly.createTempFile(Path.of(System.getProperty("java.io.tmpdir")), "bangfu-pw", "");
		try {
			Files.writeString(pwfile, password);
			if (asRoot) {
				ClusterDirectory.chown(pwfile);
			}
			run(List.of(bin("initdb"), "-D", dataDir.toString(), "-U", USER, "--auth=scram-sha-256",
					"--pwfile=" + pwfile, "-E", "UTF8", "--locale=C.UTF-8"));
		}
		finally {
			Files.deleteIfExists(pwfile);
		}
	}

	/**
	 * A cluster made before passwords (trust authentication): give the user the password, then
	 * ask for it from now on. Nothing to do when pg_hba.conf already asks for passwords.
	 */
	private void requirePassword() throws IOException {
		Path hba = dataDir.resolve("pg_hba.conf");
		String rules = Files.readString(hba);
		if (rules.lines().noneMatch(LocalPostgres::trusts)) {
			return;
		}
		try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
			st.execute("ALTER ROLE " + USER + " PASSWORD '" + password.replace("'", "''") + "'");
			Files.writeString(hba, rules.lines()
				.map(line -> trusts(line) ? line.replaceAll("\\btrust\\s*$", "scram-sha-256") : line)
				.collect(Collectors.joining("\n", "", "\n")));
			st.execute("SELECT pg_reload_conf()");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set the embedded database's password", ex);
		}
	}

	private static boolean trusts(String line) {
		return !line.stripLeading().startsWith("#") && line.matches(".*\\btrust\\s*$");
	}

	/** The password of {@link #USER}. */
	public String password() {
		return password;
	}

	private Connection connect(String database) throws SQLException {
		Properties props = new Properties();
		props.setProperty("user", USER);
		props.setProperty("password", password);
		return DriverManager.getConnection(jdbcUrl(database), props);
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	public int port() {
		return port;
	}

	/** Creates a database if it does not exist yet. */
	public void createDatabase(String name) {
		try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
			try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'")) {
				if (rs.next()) {
					return;
				}
			}
			st.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
		}
		catch (SQLException ex) {
			if ("28P01".equals(ex.getSQLState())) {
				throw new EmbeddedDatabaseException("The embedded database in " + dataDir + " refused the password in "
						+ ClusterDirectory.passwordFile(dataDir) + ": restore that file from where it was copied or backed up, "
						+ "or start afresh with a new --bangfu.embedded-db.dir.", ex);
			}
			throw new IllegalStateException("Could not create the database " + name, ex);
		}
	}

	@Override
	public void close() {
		if (!owned) {
			return;
		}
		runQuietly(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "20", "stop"));
	}

	/** Stops the server and deletes its cluster, password and any link to it (for tests' throwaway clusters). */
	public void destroy(Path dataDir) {
		close();
		try {
			Path link = dataDir.toAbsolutePath().normalize();
			if (Files.isSymbolicLink(link)) {
				Files.delete(link);
			}
			Files.deleteIfExists(ClusterDirectory.passwordFile(this.dataDir));
			deleteTree(this.dataDir);
			if (!this.dataDir.equals(link)) {
				Files.deleteIfExists(this.dataDir.getParent());
			}
		}
		catch (IOException ex) {
			// throwaway: best effort
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> files = Files.walk(root)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
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
			Process p = new ProcessBuilder(asServerUser(cmd)).directory(Path.of("/").toFile())
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
			Process p = new ProcessBuilder(asServerUser(cmd)).directory(Path.of("/").toFile())
				.redirectErrorStream(true)
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
				throw new EmbeddedDatabaseException("PostgreSQL failed (exit " + p.exitValue() + "): " + what.strip()
						+ "\nFix the cause above, choose another directory with --bangfu.embedded-db.dir=..., "
						+ "or set spring.datasource.url.");
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
