package org.bangfu.platform.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories Bangfu creates (keys, secrets, stored uploads and reports) readable only
 * by the user it runs as: files 0600, directories 0700, set when they are created (never a window
 * in which they are readable by others). Existing directories are left as they are. On a
 * file system without POSIX permissions the defaults apply.
 */
public final class OwnerOnly {

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private OwnerOnly() {
	}

	/** Creates the directory and any missing parents, each new one 0700. */
	public static Path createDirectories(Path dir) throws IOException {
		Path absolute = dir.toAbsolutePath().normalize();
		if (Files.isDirectory(absolute)) {
			return absolute;
		}
		if (absolute.getParent() != null) {
			createDirectories(absolute.getParent());
		}
		try {
			Files.createDirectory(absolute, attributes(DIRECTORY));
		}
		catch (java.nio.file.FileAlreadyExistsException ex) {
			// created at the same moment by another thread
		}
		return absolute;
	}

	/** Creates a new empty file, 0600 (fails if it exists). */
	public static Path createFile(Path file) throws IOException {
		return Files.createFile(file, attributes(FILE));
	}

	/** Writes a new file, 0600, replacing nothing: the file must not exist. */
	public static void writeString(Path file, String content) throws IOException {
		createFile(file);
		Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
	}

	/** Opens a new file (created 0600) for writing; an existing file keeps its permissions. */
	public static OutputStream newOutputStream(Path file) throws IOException {
		if (!Files.exists(file)) {
			try {
				createFile(file);
			}
			catch (java.nio.file.FileAlreadyExistsException ex) {
				// someone else created it: write it as it is
			}
		}
		return Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
	}

	/** A new temporary file in the directory, 0600. */
	public static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
		return Files.createTempFile(dir, prefix, suffix, attributes(FILE));
	}

	private static FileAttribute<?>[] attributes(Set<PosixFilePermission> permissions) {
		return POSIX ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(permissions) }
				: new FileAttribute<?>[0];
	}

}
