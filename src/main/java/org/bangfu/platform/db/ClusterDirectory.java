package org.bangfu.platform.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bangfu.platform.files.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a data directory's PostgreSQL cluster lives, and its password.
 * <p>
 * A plain user keeps the cluster in the data directory itself. PostgreSQL does not run as root,
 * so as root the server runs as the {@code postgres} system user, who must be able to reach the
 * cluster: when it cannot enter the data directory's parent (a home directory such as /root is
 * 0700), the cluster is kept in a directory of its own under {@code /var/lib/bangfu} (or
 * {@code BANGFU_PG_HOME}), named by a stable id of the data directory's path, and the data
 * directory becomes a symbolic link to it — so {@code ls -l data} shows where the database is,
 * and a link already there is followed. The user's directories are never chowned or chmodded.
 * <p>
 * The password of the database user is generated once into a file beside the cluster
 * ({@code pg.password}), readable only by the user Bangfu runs as.
 */
final class ClusterDirectory {

	private static final Logger log = LoggerFactory.getLogger(ClusterDirectory.class);

	static final String SERVER_USER = "postgres";

	private ClusterDirectory() {
	}

	/** The directory the cluster lives in for this data directory; creates links and directories as needed. */
	static Path resolve(Path dataDir, boolean root) throws IOException {
		Path link = dataDir.toAbsolutePath().normalize();
		OwnerOnly.createDirectories(link.getParent());
		if (Files.isSymbolicLink(link)) {
			return link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
		}
		if (!root || Files.exists(link.resolve("PG_VERSION")) || serverUserCanEnter(link.getParent())) {
			if (root) {
				Files.createDirectories(link);
				chown(link);
			}
			return link;
		}
		Path home = serverHome().resolve(stableId(link));
		Path cluster = home.resolve("pg");
		Files.createDirectories(serverHome());
		Files.setPosixFilePermissions(serverHome(), PosixFilePermissions.fromString("rwxr-xr-x"));
		if (Files.exists(cluster)) {
			// the data directory was deleted (a fresh start): keep the old cluster, but aside
			Path aside = home.resolve("pg.old-" + System.currentTimeMillis());
			Files.move(cluster, aside);
			Files.deleteIfExists(passwordFile(cluster));
			log.warn("{} no longer pointed to {}: that database was moved to {}", link, cluster, aside);
		}
		Files.createDirectories(cluster);
		chown(home);
		chown(cluster);
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
		Files.createSymbolicLink(link, cluster);
		log.info("Bangfu runs as root and the postgres user cannot enter {}: the database is kept in {} ({} links to it)",
				link.getParent(), cluster, link);
		return cluster;
	}

	/** The directory relocated clusters live under. */
	static Path serverHome() {
		String env = System.getenv("BANGFU_PG_HOME");
		return Path.of(env == null || env.isBlank() ? "/var/lib/bangfu" : env);
	}

	/** The cluster's password file (beside it, readable only by its owner). */
	static Path passwordFile(Path cluster) {
		return cluster.resolveSibling(cluster.getFileName() + ".password");
	}

	/** The stored password, or a new one written to the password file. */
	static String password(Path cluster, boolean create) throws IOException {
		Path file = passwordFile(cluster);
		if (Files.exists(file)) {
			return Files.readString(file, StandardCharsets.UTF_8).trim();
		}
		if (!create) {
			return null;
		}
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		OwnerOnly.writeString(file, secret);
		return secret;
	}

	/** A short id of a path that stays the same for the same path. */
	static String stableId(Path path) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(path.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static boolean serverUserExists() {
		return exec(List.of("id", "-u", SERVER_USER));
	}

	/** Whether the postgres user can reach (traverse into) the directory. */
	static boolean serverUserCanEnter(Path dir) {
		return exec(List.of("runuser", "-u", SERVER_USER, "--", "test", "-x", dir.toString()));
	}

	static void chown(Path path) throws IOException {
		if (!exec(List.of("chown", SERVER_USER + ":", path.toString()))) {
			throw new IOException("chown " + SERVER_USER + " " + path + " failed");
		}
	}

	private static boolean exec(List<String> cmd) {
		try {
			Process p = new ProcessBuilder(cmd).directory(Path.of("/").toFile())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!p.waitFor(30, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				return false;
			}
			return p.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
