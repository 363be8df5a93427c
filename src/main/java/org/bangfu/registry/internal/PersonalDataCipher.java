package org.bangfu.registry.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bangfu.platform.files.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Personal numbers at rest: a keyed hash (HMAC-SHA256) for exact lookup and the value
 * encrypted with AES-GCM. The key comes from {@code bangfu.crypto.key} (base64 of 32 bytes);
 * without it a key is generated once into {@code bangfu.crypto.key-file} with a warning
 * (fine for a laptop, never for production: set the property and keep it safe).
 */
@Component
public class PersonalDataCipher {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataCipher.class);

	private static final String PREFIX = "v1:";

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec lookupKey;

	private final SecureRandom random = new SecureRandom();

	PersonalDataCipher(@Value("${bangfu.crypto.key:}") String key,
			@Value("${bangfu.crypto.key-file:data/crypto.key}") String keyFile) {
		byte[] master = key.isBlank() ? fromFile(Path.of(keyFile)) : decode(key);
		this.encryptionKey = new SecretKeySpec(derive(master, "bangfu-encrypt-v1"), "AES");
		this.lookupKey = new SecretKeySpec(derive(master, "bangfu-lookup-v1"), "HmacSHA256");
	}

	/** Hex HMAC-SHA256 of the value: equal values, equal hashes; unreadable without the key. */
	public String hash(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(lookupKey);
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String encrypt(String value) {
		try {
			byte[] iv = new byte[12];
			random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, out, 0, iv.length);
			System.arraycopy(sealed, 0, out, iv.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String decrypt(String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			throw new IllegalStateException("Not an encrypted value");
		}
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, in, 0, 12));
			return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt: wrong bangfu.crypto.key?", ex);
		}
	}

	private static byte[] decode(String key) {
		try {
			byte[] bytes = Base64.getDecoder().decode(key.trim());
			if (bytes.length >= 32) {
				return bytes;
			}
		}
		catch (IllegalArgumentException ex) {
			// not base64: fall through
		}
		throw new IllegalStateException("bangfu.crypto.key must be base64 of at least 32 random bytes");
	}

	private static synchronized byte[] fromFile(Path file) {
		try {
			if (Files.exists(file)) {
				return decode(Files.readString(file));
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			if (file.getParent() != null) {
				OwnerOnly.createDirectories(file.getParent());
			}
			OwnerOnly.writeString(file, Base64.getEncoder().encodeToString(key));
			log.warn("bangfu.crypto.key is not set: generated a key into {}. Set bangfu.crypto.key in production "
					+ "and keep it safe; without it ID numbers and bank accounts cannot be read.", file.toAbsolutePath());
			return key;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read or write the key file " + file, ex);
		}
	}

	private static byte[] derive(byte[] master, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(master, "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}


}
