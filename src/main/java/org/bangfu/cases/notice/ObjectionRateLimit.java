package org.bangfu.cases.notice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Public objections per client address and hour, counted in the database (one atomic upsert), so
 * the limit holds across instances. Addresses are kept only as SHA-256 hashes; old windows are
 * purged by the notice period task.
 */
@Component
public class ObjectionRateLimit {

	private final JdbcClient jdbc;

	private final int perHour;

	ObjectionRateLimit(JdbcClient jdbc, @Value("${bangfu.notices.objections-per-hour:5}") int perHour) {
		this.jdbc = jdbc;
		this.perHour = perHour;
	}

	/** Counts one attempt from the address; false when the address has used up this hour's allowance. */
	public boolean tryAcquire(String clientAddress) {
		int hits = jdbc.sql("""
				INSERT INTO cases_objection_rate (client_key, window_start, hits) VALUES (?, date_trunc('hour', now()), 1)
				ON CONFLICT (client_key, window_start) DO UPDATE SET hits = cases_objection_rate.hits + 1
				RETURNING hits""")
			.param(hash(clientAddress))
			.query(Integer.class)
			.single();
		return hits <= perHour;
	}

	public int purge() {
		return jdbc.sql("DELETE FROM cases_objection_rate WHERE window_start < now() - interval '2 hours'").update();
	}

	private static String hash(String address) {
		try {
			byte[] d = MessageDigest.getInstance("SHA-256")
				.digest(("bangfu-objection:" + (address == null ? "" : address)).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(d);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
