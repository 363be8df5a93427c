package org.bangfu.platform.files;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.bangfu.platform.files.FileStore.StoredFile;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** The file store's table (database mode): each file's bytes with its size and SHA-256. */
final class FileBlobs {

	private final JdbcTemplate jdbc;

	FileBlobs(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Streams the file into the table (in the caller's transaction, if any). */
	void insert(StoredFile stored, Path file) {
		jdbc.execute((ConnectionCallback<Integer>) connection -> {
			try (PreparedStatement ps = connection
				.prepareStatement("INSERT INTO platform_file (key, size_bytes, sha256, content) VALUES (?, ?, ?, ?)");
					InputStream in = Files.newInputStream(file)) {
				ps.setString(1, stored.key());
				ps.setLong(2, stored.size());
				ps.setString(3, stored.sha256());
				ps.setBinaryStream(4, in, stored.size());
				return ps.executeUpdate();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	boolean exists(String key) {
		return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM platform_file WHERE key = ?)",
				Boolean.class, key));
	}

	/** Writes the file's bytes to the path (atomically), after checking them against the stored SHA-256. */
	void fetch(String key, Path target) throws IOException {
		List<Object[]> rows = jdbc.query("SELECT sha256, content FROM platform_file WHERE key = ?",
				(rs, n) -> new Object[] { rs.getString(1), rs.getBytes(2) }, key);
		if (rows.isEmpty()) {
			throw new FileNotFoundException("No stored file " + key);
		}
		byte[] content = (byte[]) rows.get(0)[1];
		if (!sha256(content).equals(rows.get(0)[0])) {
			throw new IOException("Stored file " + key + " does not match its SHA-256");
		}
		OwnerOnly.createDirectories(target.getParent());
		Path temp = OwnerOnly.createTempFile(target.getParent(), ".fetch-", ".tmp");
		try {
			Files.write(temp, content);
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/** Deletes the stored files of the areas written before the instant; returns how many. */
	int purge(java.util.List<String> areas, java.time.Instant before) {
		int n = 0;
		for (String area : areas) {
			n += jdbc.update("DELETE FROM platform_file WHERE key LIKE ? AND created_at < ?", area + "/%",
					java.sql.Timestamp.from(before));
		}
		return n;
	}

	void delete(String key) {
		jdbc.update("DELETE FROM platform_file WHERE key = ?", key);
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
