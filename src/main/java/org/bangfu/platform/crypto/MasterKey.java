package org.bangfu.platform.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installation's master key, never stored in the database: {@code bangfu.crypto.key} (base64
 * of 32+ random bytes), or else a key generated once into {@code bangfu.crypto.key-file} (readable
 * by its owner only). Each use gets its own key derived from it (HMAC-SHA256 of a purpose label):
 * the encryption and lookup of personal numbers, the audit chain's MAC.
 */
public final class MasterKey {

	private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

	private MasterKey() {
	}

	/** The master key from the setting, else from the key file (generated there on first use). */
	public static byte[] load(String key, Path keyFile) {
		return key == null || key.isBlank() ? fromFile(keyFile) : decode(key);
	}

	/** A key for one purpose, derived from the master key. */
	public static byte[] derive(byte[] master, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(master, "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static byte[] decode(String key) {
		try {
			byte[] bytes = Base64.getDecoder().decode(key.trim());
			if (bytes.length >= 32) {
				return bytes;
			}
		}
		catch (IllegalArgumentException ex) {
			// not base64: fall through
		}
		throw new IllegalStateException("A key must be base64 of at least 32 random bytes");
	}

	private static synchronized byte[] fromFile(Path file) {
		try {
			if (Files.exists(file)) {
				return decode(Files.readString(file));
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, Base64.getEncoder().encodeToString(key));
			ownerOnly(file);
			log.warn("bangfu.crypto.key is not set: generated a key into {}. Set bangfu.crypto.key in production "
					+ "and keep it safe; without it ID numbers and bank accounts cannot be read.", file.toAbsolutePath());
			return key;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read or write the key file " + file, ex);
		}
	}

	/** Makes a file readable and writable by its owner only, where the file system knows owners. */
	public static void ownerOnly(Path file) throws IOException {
		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

}
