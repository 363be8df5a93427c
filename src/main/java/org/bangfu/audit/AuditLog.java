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
 * The append-only, hash-chained audit log (keyed: see {@link AuditKey}). Every write and every view or export of
 * personal data calls {@link #record}; it joins the caller's transaction, so a write that
 * rolls back leaves no audit row, and an audit row never exists without its write. Committed
 * rows are linked into the hash chain by {@link AuditChainer} within about a second.
 */
@Service
public class AuditLog {

	static final String GENESIS = "0".repeat(64);

	private final JdbcClient jdbc;

	private final BusinessClock clock;

	private final AuditKey key;

	private final JsonMapper json = JsonMapper.builder().build();

	AuditLog(JdbcClient jdbc, BusinessClock clock, AuditKey key) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.key = key;
	}

	/** Records an action by the current user (or the system when nobody is logged in). */
	@Transactional
	public void record(String action, String objectType, Object objectId, Map<String, ?> detail) {
		var actor = Actor.current();
		record(new AuditEntry(action, objectType, objectId == null ? null : objectId.toString(),
				actor.map(Actor::userId).orElse(null), actor.map(Actor::login).orElse("system"),
				actor.map(Actor::organisationId).orElse(null), detail));
	}

	/**
	 * Records an action with an explicit actor (used by login events and jobs). Only inserts:
	 * the event and a pending marker; {@link AuditChainer} links it into the hash chain after
	 * commit, so audited actions never wait for each other.
	 */
	@Transactional
	public void record(AuditEntry entry) {
		Instant at = clock.now().truncatedTo(ChronoUnit.MICROS);
		String detail = entry.detail() == null || entry.detail().isEmpty() ? null : toJson(entry.detail());
		String address = clientAddress();
		long id = jdbc.sql("""
				INSERT INTO audit_event (occurred_at, actor_id, actor_login, organisation_id, action, object_type,
				                         object_id, detail, client_address)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(java.sql.Timestamp.from(at), entry.actorId(), entry.actorLogin(), entry.organisationId(),
					entry.action(), entry.objectType(), entry.objectId(), detail, address)
			.query(Long.class)
			.single();
		// the writer's seal: the chainer links an event as authentic only with it, and no one without the key can make one
		String seal = key.mac("event", Long.toString(id), content(at, entry.actorId(), entry.actorLogin(),
				entry.organisationId(), entry.action(), entry.objectType(), entry.objectId(), detail, address));
		jdbc.sql("INSERT INTO audit_pending (event_id, mac) VALUES (?, ?)").params(id, seal).update();
	}

	private String toJson(Map<String, ?> detail) {
		return json.writeValueAsString(new LinkedHashMap<>(detail));
	}

	/** An event's content as the chain's MACs see it (the same fields and separators as the legacy hash). */
	static String content(Instant at, Long actorId, String actorLogin, Long organisationId, String action,
			String objectType, String objectId, String detail, String address) {
		return String.join("\u001f", at.truncatedTo(ChronoUnit.MICROS).toString(), String.valueOf(actorId), actorLogin,
				String.valueOf(organisationId), action, objectType, String.valueOf(objectId), String.valueOf(detail),
				String.valueOf(address));
	}

	/**
	 * The unkeyed SHA-256 of an event at chain position {@code seq} following {@code prev}: how links
	 * were made before the keyed chain (positions up to the anchor, see {@link AuditChainer}).
	 */
	static String hash(String prev, long seq, Instant at, Long actorId, String actorLogin, Long organisationId,
			String action, String objectType, String objectId, String detail, String address) {
		String canonical = String.join("\u001f", prev, Long.toString(seq), at.truncatedTo(ChronoUnit.MICROS).toString(),
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
