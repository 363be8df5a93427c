package org.bangfu.platform.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where uploads wait for the job that reads them, and where jobs leave files for download:
 * {@code bangfu.files.dir} (default ./data/files). Every instance must see the same directory,
 * so a job on another instance can read an upload and any instance can serve a result.
 */
@Component
public class UploadedFiles {

	private final Path dir;

	UploadedFiles(@Value("${bangfu.files.dir:./data/files}") Path dir) {
		this.dir = dir.toAbsolutePath().normalize();
	}

	/** Stores the stream in a new file with the prefix; returns its absolute path. */
	public Path store(String prefix, InputStream in) throws IOException {
		Files.createDirectories(dir);
		Path file = Files.createTempFile(dir, prefix, ".upload");
		try (in) {
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
		}
		return file;
	}

	/**
	 * Stores at most {@code limit} bytes of the stream; returns null (and keeps nothing) when the
	 * stream is longer, so an oversized upload never fills the disk.
	 */
	public Path store(String prefix, InputStream in, long limit) throws IOException {
		Files.createDirectories(dir);
		Path file = Files.createTempFile(dir, prefix, ".upload");
		boolean ok = false;
		try (in; OutputStream out = Files.newOutputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			long total = 0;
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				total += n;
				if (total > limit) {
					return null;
				}
				out.write(buffer, 0, n);
			}
			ok = true;
			return file;
		}
		finally {
			if (!ok) {
				Files.deleteIfExists(file);
			}
		}
	}

	/** A new empty file with the prefix and suffix for a job's output; returns its absolute path. */
	public Path create(String prefix, String suffix) throws IOException {
		Files.createDirectories(dir);
		return Files.createTempFile(dir, prefix, suffix);
	}

	/** Whether the file lies in the upload directory (a job never reads anything else). */
	public boolean holds(Path file) {
		return file.toAbsolutePath().normalize().startsWith(dir);
	}

}
