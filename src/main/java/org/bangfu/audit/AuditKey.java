package org.bangfu.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bangfu.platform.crypto.MasterKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key of the audit chain's MACs (HMAC-SHA256). It never enters the database: it is
 * {@code bangfu.audit.key} (base64 of 32+ bytes) when set, else derived from the installation's
 * master key ({@code bangfu.crypto.key} or its key file). Every instance needs the same key.
 */
@Component
class AuditKey {

	private final SecretKeySpec key;

	@Autowired
	AuditKey(@Value("${bangfu.audit.key:}") String auditKey, @Value("${bangfu.crypto.key:}") String cryptoKey,
			@Value("${bangfu.crypto.key-file:data/crypto.key}") String keyFile) {
		byte[] bytes = auditKey.isBlank() ? MasterKey.derive(MasterKey.load(cryptoKey, Path.of(keyFile)), "bangfu-audit-v1")
				: MasterKey.decode(auditKey);
		this.key = new SecretKeySpec(bytes, "HmacSHA256");
	}

	/** A key given directly (tests). */
	AuditKey(byte[] bytes) {
		this.key = new SecretKeySpec(bytes, "HmacSHA256");
	}

	/** Hex HMAC-SHA256 of the parts (joined with the unit separator, as the chain's hashes are). */
	String mac(String... parts) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether two hex MACs are equal, in constant time. */
	static boolean same(String a, String b) {
		return a != null && b != null
				&& MessageDigest.isEqual(a.trim().getBytes(StandardCharsets.US_ASCII), b.trim().getBytes(StandardCharsets.US_ASCII));
	}

}
