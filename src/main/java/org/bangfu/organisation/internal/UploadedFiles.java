package org.bangfu.organisation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where uploads wait for the job that reads them: {@code bangfu.files.dir} (default ./data/files). */
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

	/** Whether the file lies in the upload directory (a job never reads anything else). */
	public boolean holds(Path file) {
		return file.toAbsolutePath().normalize().startsWith(dir);
	}

}
