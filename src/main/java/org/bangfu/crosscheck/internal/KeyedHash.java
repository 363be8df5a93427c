package org.bangfu.crosscheck.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bangfu.platform.crypto.MasterKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The register's keyed hash of an ID number (HMAC-SHA256 with the lookup key derived from the
 * instance key, as the register and the bank files derive it): an extract's numbers are hashed
 * as they are read and the clear number is never stored.
 */
@Component
public class KeyedHash {

	private final ThreadLocal<Mac> macs;

	@org.springframework.beans.factory.annotation.Autowired
	KeyedHash(@Value("${bangfu.crypto.key:}") String key, @Value("${bangfu.crypto.key-file:data/crypto.key}") String keyFile) {
		this(MasterKey.derive(MasterKey.load(key, Path.of(keyFile)), "bangfu-lookup-v1"));
	}

	/** A hash with a given lookup key (the Spark path's fixture uses a fixed one). */
	public KeyedHash(byte[] lookupKey) {
		SecretKeySpec spec = new SecretKeySpec(lookupKey, "HmacSHA256");
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(spec);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	public String hash(String idNumber) {
		return HexFormat.of().formatHex(macs.get().doFinal(idNumber.getBytes(StandardCharsets.UTF_8)));
	}

}
