package org.bangfu.programs.internal.bank;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bangfu.platform.crypto.MasterKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Accounts and ID numbers on bank lines at rest, as the register keeps its personal numbers: a
 * keyed hash (HMAC-SHA256) for exact matching and the value encrypted with AES-GCM, both with keys
 * derived from the installation's master key under the same purposes as the register's, so a
 * hash here equals the register's hash of the same number.
 */
@Component
public class BankCipher {

	private static final String PREFIX = "v1:";

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec lookupKey;

	private final SecureRandom random = new SecureRandom();

	/** One MAC and one cipher per thread: looking them up per value is what costs on a million lines. */
	private final ThreadLocal<Mac> macs;

	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	});

	BankCipher(@Value("${bangfu.crypto.key:}") String key,
			@Value("${bangfu.crypto.key-file:data/crypto.key}") String keyFile) {
		byte[] master = MasterKey.load(key, Path.of(keyFile));
		this.encryptionKey = new SecretKeySpec(MasterKey.derive(master, "bangfu-encrypt-v1"), "AES");
		this.lookupKey = new SecretKeySpec(MasterKey.derive(master, "bangfu-lookup-v1"), "HmacSHA256");
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(lookupKey);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	public String hash(String value) {
		return HexFormat.of().formatHex(macs.get().doFinal(value.getBytes(StandardCharsets.UTF_8)));
	}

	public String encrypt(String value) {
		try {
			byte[] iv = new byte[12];
			random.nextBytes(iv);
			Cipher cipher = ciphers.get();
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
		if (stored == null) {
			return null;
		}
		if (!stored.startsWith(PREFIX)) {
			throw new IllegalStateException("Not an encrypted value");
		}
		try {
			byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, in, 0, 12));
			return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot decrypt: wrong bangfu.crypto.key?", ex);
		}
	}

}
