package org.bangfu.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.bangfu.shared.Actor;
import org.bangfu.shared.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only, hash-chained audit log. Every write and every view or export of
 * personal data calls {@link #record}; it joins the caller's transaction, so a write that
 * rolls back leaves no audit row, and an audit row never exists without its write.
 */
@Service
public class AuditLog {

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	private final BusinessClock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	AuditLog(JdbcClient jdbc, BusinessClock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records an action by the current user (or the system when nobody is logged in). */
	@Transactional
	public void record(String action, String objectType, Object objectId, Map<String, ?> detail) {
		var actor = Actor.current();
		record(new AuditEntry(action, objectType, objectId == null ? null : objectId.toString(),
				actor.map(Actor::userId).orElse(null), actor.map(Actor::login).orElse("system"),
				actor.map(Actor::organisationId).orElse(null), detail));
	}

	/** Records an action with an explicit actor (used by login events and jobs). */
	@Transactional
	public void record(AuditEntry entry) {
		var head = jdbc.sql("SELECT last_id, last_hash FROM audit_chain_head FOR UPDATE")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		long id = (long) head[0] + 1;
		String prev = (String) head[1];
		Instant at = clock.now().truncatedTo(ChronoUnit.MICROS);
		String detail = entry.detail() == null || entry.detail().isEmpty() ? null : toJson(entry.detail());
		String address = clientAddress();
		String hash = hash(prev, id, at, entry.actorId(), entry.actorLogin(), entry.organisationId(), entry.action(),
				entry.objectType(), entry.objectId(), detail, address);
		jdbc.sql("""
				INSERT INTO audit_event (id, occurred_at, actor_id, actor_login, organisation_id, action, object_type,
				                         object_id, detail, client_address, prev_hash, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, java.sql.Timestamp.from(at), entry.actorId(), entry.actorLogin(), entry.organisationId(),
					entry.action(), entry.objectType(), entry.objectId(), detail, address, prev, hash)
			.update();
		jdbc.sql("UPDATE audit_chain_head SET last_id = ?, last_hash = ?").params(id, hash).update();
	}

	private String toJson(Map<String, ?> detail) {
		return json.writeValueAsString(new LinkedHashMap<>(detail));
	}

	static String hash(String prev, long id, Instant at, Long actorId, String actorLogin, Long organisationId,
			String action, String objectType, String objectId, String detail, String address) {
		String canonical = String.join("\u001f", prev, Long.toString(id), at.truncatedTo(ChronoUnit.MICROS).toString(),
				String.valueOf(actorId), actorLogin, String.valueOf(organisationId), action, objectType,
				String.valueOf(objectId), String.valueOf(detail), String.valueOf(address));
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String clientAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
			HttpServletRequest request = attrs.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
