package org.bangfu.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.audit.AuditLog;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for machine access to /api/v1 (Authorization: Bearer bf_...). Only a SHA-256
 * of the token is stored; the token itself is shown once, when issued.
 */
@Service
public class ApiTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Users users;

	private final LoginAccounts accounts;

	private final AuditLog audit;

	ApiTokens(JdbcClient jdbc, Users users, LoginAccounts accounts, AuditLog audit) {
		this.jdbc = jdbc;
		this.users = users;
		this.accounts = accounts;
		this.audit = audit;
	}

	public record TokenView(long id, long userId, String userLogin, String name, String tokenPrefix, Instant createdAt,
			Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

		public boolean usable() {
			return revokedAt == null && (expiresAt == null || expiresAt.isAfter(Instant.now()));
		}

	}

	/** A freshly issued token: the secret is in {@code token} and is never shown again. */
	public record IssuedToken(TokenView view, String token) {
	}

	@Transactional
	public IssuedToken issue(Scope scope, long userId, String name, Instant expiresAt) {
		UserView user = users.require(scope, userId);
		if (name == null || name.isBlank() || name.length() > 100) {
			throw BangfuException.badField("name", "token.name.required");
		}
		if (expiresAt != null && expiresAt.isBefore(Instant.now())) {
			throw BangfuException.badField("expiresAt", "token.expires.past");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = "bf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		long creator = org.bangfu.shared.Actor.current().map(org.bangfu.shared.Actor::userId).orElse(user.id());
		long id = jdbc.sql("""
				INSERT INTO identity_api_token (user_id, name, token_hash, token_prefix, created_by, expires_at)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(user.id(), name.trim(), sha256(token), token.substring(0, 8), creator,
					expiresAt == null ? null : Timestamp.from(expiresAt))
			.query(Long.class)
			.single();
		audit.record("token.issue", "apiToken", id, Map.of("user", user.login(), "name", name.trim()));
		return new IssuedToken(find(scope, id).orElseThrow(), token);
	}

	@Transactional
	public void revoke(Scope scope, long id) {
		TokenView token = find(scope, id).orElseThrow(() -> BangfuException.notFound("token.notFound", id));
		jdbc.sql("UPDATE identity_api_token SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL").param(id).update();
		audit.record("token.revoke", "apiToken", id, Map.of("user", token.userLogin(), "name", token.name()));
	}

	public List<TokenView> list(Scope scope) {
		return jdbc.sql(SELECT + " WHERE " + Scope.sql("o.path") + " ORDER BY t.created_at DESC")
			.param("scopePath", scope.likePattern())
			.query(TokenView.class)
			.list();
	}

	public Optional<TokenView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE t.id = :id AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(TokenView.class)
			.optional();
	}

	/** The active user a presented token belongs to, if the token is valid. */
	Optional<BangfuUser> authenticate(String token) {
		if (token == null || !token.startsWith("bf_")) {
			return Optional.empty();
		}
		// A read per request; the last-used time is written at most once a minute, so concurrent
		// requests with one token do not queue on its row (and on a commit each).
		Optional<Map<String, Object>> found = jdbc.sql("""
				SELECT u.login, t.id, (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale
				FROM identity_api_token t JOIN identity_user u ON u.id = t.user_id
				WHERE t.token_hash = ? AND t.revoked_at IS NULL
				  AND (t.expires_at IS NULL OR t.expires_at > now())""")
			.param(sha256(token))
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		found.filter(row -> Boolean.TRUE.equals(row.get("stale")))
			.ifPresent(row -> jdbc.sql("""
					UPDATE identity_api_token SET last_used_at = now()
					WHERE id = ? AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
				.param(((Number) row.get("id")).longValue())
				.update());
		Optional<String> login = found.map(row -> (String) row.get("login"));
		return login.flatMap(accounts::loadForLogin).filter(u -> u.isEnabled() && u.isAccountNonLocked());
	}

	private static final String SELECT = """
			SELECT t.id, t.user_id, u.login AS user_login, t.name, t.token_prefix, t.created_at, t.expires_at,
			       t.revoked_at, t.last_used_at
			FROM identity_api_token t JOIN identity_user u ON u.id = t.user_id JOIN organisation o ON o.id = u.organisation_id
			""";

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
