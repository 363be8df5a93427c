package org.bangfu.identity;

import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts as the login sees them: loading a user by login (no scope: the login itself decides
 * who they are) and counting failed logins toward the lockout
 * (bangfu.security.lockout-threshold in a row lock for bangfu.security.lockout-duration).
 */
@Component
class LoginAccounts {

	private final JdbcClient jdbc;

	private final int lockoutThreshold;

	private final Duration lockoutDuration;

	LoginAccounts(JdbcClient jdbc, @Value("${bangfu.security.lockout-threshold:5}") int lockoutThreshold,
			@Value("${bangfu.security.lockout-duration:15m}") Duration lockoutDuration) {
		this.jdbc = jdbc;
		this.lockoutThreshold = lockoutThreshold;
		this.lockoutDuration = lockoutDuration;
	}

	private static final String SELECT = """
			SELECT u.id, u.login, u.name, u.organisation_id, o.path, o.name AS org_name, u.password_hash,
			       u.active AND o.active AS active, u.locked_until, u.security_stamp, u.password_changed_at,
			       array(SELECT role FROM identity_user_role r WHERE r.user_id = u.id) AS roles
			FROM identity_user u JOIN organisation o ON o.id = u.organisation_id
			""";

	/** Loads a user for authentication (no scope: the login itself decides who they are). */
	Optional<BangfuUser> loadForLogin(String login) {
		return jdbc.sql(SELECT + " WHERE lower(u.login) = lower(?)")
			.param(login == null ? "" : login.trim())
			.query(LoginAccounts::user)
			.optional();
	}

	/** Loads a user as they are now, by id (a session taking new rights, a job's submitter). */
	Optional<BangfuUser> loadById(long userId) {
		return jdbc.sql(SELECT + " WHERE u.id = ?").param(userId).query(LoginAccounts::user).optional();
	}

	/**
	 * What a page request checks against its session, in one primary-key lookup: the security
	 * stamp, whether user and organisation are active, the organisation's path (it changes when
	 * the organisation moves in the tree) and the forced password change.
	 */
	Optional<Standing> standing(long userId) {
		return jdbc.sql("""
				SELECT u.security_stamp, u.active AND o.active AS active, o.path, u.must_change_password
				FROM identity_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = ?""")
			.param(userId)
			.query((rs, n) -> new Standing(rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getBoolean(4)))
			.optional();
	}

	/** An account's state as a session request sees it. */
	record Standing(long securityStamp, boolean active, String organisationPath, boolean mustChangePassword) {

		/** Whether a principal loaded earlier still holds exactly these rights. */
		boolean matches(BangfuUser user) {
			return active && securityStamp == user.securityStamp() && organisationPath.equals(user.organisationPath());
		}

	}

	private static BangfuUser user(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new BangfuUser(rs.getLong("id"), rs.getString("login"), rs.getString("name"), rs.getLong("organisation_id"),
				rs.getString("path"), rs.getString("org_name"), UserRows.roles(rs.getArray("roles")),
				rs.getString("password_hash"), rs.getBoolean("active"), UserRows.instant(rs.getTimestamp("locked_until")),
				rs.getLong("security_stamp"), UserRows.instant(rs.getTimestamp("password_changed_at")));
	}

	/**
	 * Counts a failed login; the fifth in a row locks the account for the configured time. After a
	 * lock has run out, counting starts again from one.
	 */
	@Transactional
	void loginFailed(String login) {
		jdbc.sql("""
				UPDATE identity_user
				SET failed_logins = CASE WHEN locked_until < now() THEN 1 ELSE failed_logins + 1 END,
				    locked_until = CASE WHEN locked_until < now() THEN NULL
				                        WHEN failed_logins + 1 >= :threshold THEN now() + make_interval(secs => :secs)
				                        ELSE locked_until END
				WHERE lower(login) = lower(:login)""")
			.param("threshold", lockoutThreshold)
			.param("secs", (double) lockoutDuration.toSeconds())
			.param("login", login.trim())
			.update();
	}

	@Transactional
	void loginSucceeded(long userId) {
		jdbc.sql("UPDATE identity_user SET failed_logins = 0, locked_until = NULL WHERE id = ?").param(userId).update();
	}

}
