package org.bangfu.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

import org.bangfu.shared.BangfuException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files kept outside the database under {@code bangfu.files.dir} (default ./data/files): uploads
 * waiting for the job that reads them, documents, photos, reports. With several instances the
 * directory must be shared storage (see docs/multi-instance.md). A file is named by a key
 * relative to the directory ({@code area/yyyy-MM/uuid}); keys from outside are checked so a
 * caller can never read beyond the directory.
 * <p>
 * With {@code bangfu.files.store=database} (small installations: one backup holds everything)
 * every stored file is also written to the table {@code platform_file} with its SHA-256, and the
 * database is what counts: the directory is only a cache that may be emptied at any time —
 * {@link #open}, {@link #exists} and {@link #path} fetch a file missing from it (checking its
 * checksum) — so callers that need a path keep working, on any instance. Files made with
 * {@link #create} (job output written through a path) stay in the directory. The database reads
 * a file whole into memory, so keep large uploads on the filesystem store.
 */
@Component
public class FileStore {

	/** A stored file: its key, size in bytes and SHA-256 (hex) of its content. */
	public record StoredFile(String key, long size, String sha256) {
	}

	private final Path dir;

	private final FileBlobs blobs;

	FileStore(@Value("${bangfu.files.dir:./data/files}") Path dir, @Value("${bangfu.files.store:filesystem}") String mode,
			ObjectProvider<JdbcTemplate> jdbc) {
		this.dir = dir.toAbsolutePath().normalize();
		this.blobs = switch (mode) {
			case "filesystem" -> null;
			case "database" -> new FileBlobs(jdbc.getObject());
			default -> throw new IllegalArgumentException("bangfu.files.store must be filesystem or database, not " + mode);
		};
	}

	/** Whether files are kept in the database (the directory then only caches them). */
	public boolean inDatabase() {
		return blobs != null;
	}

	/**
	 * Stores the stream under a new key in the area (a word such as "imports" or "documents").
	 * More than {@code maxBytes} is refused on the field {@code file} with {@code file.tooLarge}
	 * and nothing is kept, so an oversized upload never fills the disk. Stored inside a
	 * transaction, the file is deleted again when that transaction rolls back (a refused upload
	 * leaves nothing behind).
	 */
	public StoredFile store(String area, InputStream in, long maxBytes) throws IOException {
		String key = newKey(area, "");
		Path file = resolve(key);
		deleteOnRollback(file);
		OwnerOnly.createDirectories(file.getParent());
		MessageDigest sha = sha256();
		long size = 0;
		try (in; OutputStream out = new DigestOutputStream(OwnerOnly.newOutputStream(file), sha)) {
			byte[] buffer = new byte[64 * 1024];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				size += n;
				if (size > maxBytes) {
					break;
				}
				out.write(buffer, 0, n);
			}
		}
		if (size > maxBytes) {
			Files.deleteIfExists(file);
			throw BangfuException.badField("file", "file.tooLarge", maxBytes / (1024 * 1024));
		}
		StoredFile stored = new StoredFile(key, size, HexFormat.of().formatHex(sha.digest()));
		if (blobs != null) {
			try {
				blobs.insert(stored, file);
			}
			catch (RuntimeException ex) {
				Files.deleteIfExists(file);
				throw ex;
			}
		}
		return stored;
	}

	/** Deletes the file when the current transaction (if any) rolls back. */
	private static void deleteOnRollback(Path file) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					try {
						Files.deleteIfExists(file);
					}
					catch (IOException ex) {
						// a leftover is removed by the retention clean-up
					}
				}
			}
		});
	}

	/** A new empty file in the area for a job's output (e.g. a report); returns its key. */
	public String create(String area, String suffix) throws IOException {
		String key = newKey(area, suffix);
		Path file = resolve(key);
		OwnerOnly.createDirectories(file.getParent());
		OwnerOnly.createFile(file);
		return key;
	}

	private static String newKey(String area, String suffix) {
		if (!area.matches("[a-z][a-z0-9-]{0,30}") || !suffix.matches("(\\.[a-z0-9]{1,8})?")) {
			throw new IllegalArgumentException("area/suffix: " + area + suffix);
		}
		return area + "/" + LocalDate.now().toString().substring(0, 7) + "/" + UUID.randomUUID() + suffix;
	}

	/** Opens a stored file for reading. */
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(cached(key));
	}

	/** The file's path (for libraries that need one); the key must name a file in the store. */
	public Path path(String key) {
		try {
			return cached(key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public boolean exists(String key) {
		return Files.isRegularFile(resolve(key)) || (blobs != null && blobs.exists(key));
	}

	public void delete(String key) throws IOException {
		Path file = resolve(key);
		if (blobs != null) {
			blobs.delete(key);
		}
		Files.deleteIfExists(file);
	}

	/** The file in the directory; in database mode fetched (and checked) when the cache lacks it. */
	private Path cached(String key) throws IOException {
		Path file = resolve(key);
		if (blobs != null && !Files.isRegularFile(file)) {
			blobs.fetch(key, file);
		}
		return file;
	}

	/** The directory of an area (for the retention clean-up). */
	Path area(String area) {
		return resolve(newKey(area, "")).getParent().getParent();
	}

	/** In database mode, deletes the stored copies of the areas' files written before the instant. */
	int purgeStored(java.util.List<String> areas, java.time.Instant before) {
		return blobs == null ? 0 : blobs.purge(areas, before);
	}

	/** Whether the path lies inside the store (a job never reads anything else). */
	public boolean holds(Path file) {
		return file.toAbsolutePath().normalize().startsWith(dir);
	}

	private Path resolve(String key) {
		Path file = dir.resolve(key).normalize();
		if (key.isBlank() || !file.startsWith(dir) || file.equals(dir)) {
			throw new IllegalArgumentException("Not a key of the file store: " + key);
		}
		return file;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
