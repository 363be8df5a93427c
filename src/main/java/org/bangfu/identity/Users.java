package org.bangfu.identity;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.bangfu.audit.AuditLog;
import org.bangfu.identity.UserCommands.CreateUser;
import org.bangfu.identity.UserCommands.UpdateUser;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts, limited to the caller's organisation subtree. */
@Service
public class Users {

	/**
	 * Request attribute set on page requests of a logged-in session: whether the user must change
	 * their password (read with the session's rights, so the check costs no query of its own).
	 */
	public static final String MUST_CHANGE_PASSWORD_ATTRIBUTE = "org.bangfu.identity.mustChangePassword";

	/** Moves a user's security stamp: every session of the user re-checks its rights at its next request. */
	private static final String BUMP = "security_stamp = security_stamp + 1";

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final CurrentSession session;

	Users(JdbcClient jdbc, Organisations organisations, PasswordEncoder encoder, AuditLog audit,
			ApplicationEventPublisher events, CurrentSession session) {
		this.session = session;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.encoder = encoder;
		this.audit = audit;
		this.events = events;
	}

	public record UserSearch(String text, Long organisationId, Role role, Boolean active) {
	}

	public List<UserView> search(Scope scope, UserSearch search, int limit, int offset) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(scope, search, params);
		params.put("limit", limit);
		params.put("offset", offset);
		return jdbc.sql(UserRows.SELECT + where + " ORDER BY o.path, u.login LIMIT :limit OFFSET :offset")
			.params(params)
			.query(UserRows::map)
			.list();
	}

	/** How many users {@link #search} would find without a limit (for paging). */
	public long count(Scope scope, UserSearch search) {
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(scope, search, params);
		return jdbc.sql("SELECT count(*) FROM identity_user u JOIN organisation o ON o.id = u.organisation_id" + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	private static String where(Scope scope, UserSearch search, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE " + Scope.sql("o.path"));
		params.put("scopePath", scope.likePattern());
		if (search.text() != null && !search.text().isBlank()) {
			where.append(" AND (lower(u.login) LIKE :text OR lower(u.name) LIKE :text)");
			params.put("text", "%" + search.text().trim().toLowerCase().replace("%", "").replace("_", "") + "%");
		}
		if (search.organisationId() != null) {
			where.append(" AND u.organisation_id = :org");
			params.put("org", search.organisationId());
		}
		if (search.role() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM identity_user_role r WHERE r.user_id = u.id AND r.role = :role)");
			params.put("role", search.role().name());
		}
		if (search.active() != null) {
			where.append(" AND u.active = :active");
			params.put("active", search.active());
		}
		return where.toString();
	}

	public long count(Scope scope) {
		return jdbc.sql("SELECT count(*) FROM identity_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.active AND "
				+ Scope.sql("o.path"))
			.param("scopePath", scope.likePattern())
			.query(Long.class)
			.single();
	}

	public Optional<UserView> find(Scope scope, long id) {
		return jdbc.sql(UserRows.SELECT + " WHERE u.id = :id AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(UserRows::map)
			.optional();
	}

	public UserView require(Scope scope, long id) {
		return find(scope, id).orElseThrow(() -> BangfuException.notFound("user.notFound", id));
	}

	@Transactional
	public UserView create(Scope scope, CreateUser cmd) {
		OrganisationView org = activeOrganisation(scope, cmd.organisationId());
		String login = cmd.login().trim();
		if (loginTaken(login)) {
			throw BangfuException.badField("login", "user.login.taken", login);
		}
		PasswordPolicy.check(login, cmd.password());
		long id;
		try {
			id = jdbc.sql("""
					INSERT INTO identity_user (login, name, phone, organisation_id, password_hash, must_change_password)
					VALUES (?, ?, ?, ?, ?, TRUE) RETURNING id""")
				.params(login, cmd.name().trim(), blankToNull(cmd.phone()), org.id(), encoder.encode(cmd.password()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			// another administrator took the login a moment ago
			throw BangfuException.badField("login", "user.login.taken", login);
		}
		writeRoles(id, cmd.roles());
		UserView created = require(scope, id);
		audit.record("user.create", "user", id, Map.of("after", snapshot(created)));
		rolesGiven(id, org.id(), cmd.roles());
		return created;
	}

	/** Creates a user without a scope check: first-start administrator and demo data only. */
	@Transactional
	public long createSystemUser(String login, String name, long organisationId, Set<Role> roles, String password,
			boolean mustChange) {
		long id = jdbc.sql("""
				INSERT INTO identity_user (login, name, organisation_id, password_hash, must_change_password)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(login, name, organisationId, encoder.encode(password), mustChange)
			.query(Long.class)
			.single();
		writeRoles(id, roles);
		audit.record("user.create", "user", id, Map.of("after", Map.of("login", login, "roles", roles.toString())));
		rolesGiven(id, organisationId, roles);
		return id;
	}

	/** A new user's roles count as added, so other modules react as to a role given later (a cadre is offered for pairing at once). */
	private void rolesGiven(long id, long organisationId, Set<Role> roles) {
		if (roles != null && !roles.isEmpty()) {
			events.publishEvent(new UserRolesChanged(id, organisationId, Set.of(), roles));
		}
	}

	public boolean loginTaken(String login) {
		return jdbc.sql("SELECT count(*) FROM identity_user WHERE lower(login) = lower(?)")
			.param(login.trim())
			.query(Long.class)
			.single() > 0;
	}

	public boolean anyUser() {
		return jdbc.sql("SELECT count(*) FROM identity_user").query(Long.class).single() > 0;
	}

	@Transactional
	public UserView update(Scope scope, long id, UpdateUser cmd) {
		UserView before = require(scope, id);
		OrganisationView org = activeOrganisation(scope, cmd.organisationId());
		guardSelfDemotion(id, cmd.roles());
		jdbc.sql("UPDATE identity_user SET name = ?, phone = ?, organisation_id = ?, " + BUMP + ", updated_at = now() WHERE id = ?")
			.params(cmd.name().trim(), blankToNull(cmd.phone()), org.id(), id)
			.update();
		writeRoles(id, cmd.roles());
		UserView after = require(scope, id);
		audit.record("user.update", "user", id, Map.of("before", snapshot(before), "after", snapshot(after)));
		if (before.organisationId() != after.organisationId()) {
			events.publishEvent(new UserMoved(id, before.organisationId(), after.organisationId()));
		}
		Set<Role> removed = EnumSet.noneOf(Role.class);
		removed.addAll(before.roles());
		removed.removeAll(after.roles());
		Set<Role> added = EnumSet.noneOf(Role.class);
		added.addAll(after.roles());
		added.removeAll(before.roles());
		if (!removed.isEmpty() || !added.isEmpty()) {
			events.publishEvent(new UserRolesChanged(id, after.organisationId(), removed, added));
		}
		return after;
	}

	@Transactional
	public UserView setActive(Scope scope, long id, boolean active) {
		UserView before = require(scope, id);
		if (!active && Actor.current().map(a -> a.userId() == id).orElse(false)) {
			throw new BangfuException(Problem.BAD_INPUT, "user.deactivate.self");
		}
		jdbc.sql("UPDATE identity_user SET active = ?, " + BUMP + ", updated_at = now() WHERE id = ?").params(active, id).update();
		if (!active) {
			jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?").param(before.login()).update();
		}
		UserView after = require(scope, id);
		audit.record(active ? "user.activate" : "user.deactivate", "user", id,
				Map.of("before", snapshot(before), "after", snapshot(after)));
		if (!active && before.active()) {
			events.publishEvent(new UserDeactivated(id, after.organisationId()));
		}
		if (active && !before.active()) {
			events.publishEvent(new UserActivated(id, after.organisationId()));
		}
		return after;
	}

	/**
	 * Whether the user exists and is active, holding the user's row (FOR SHARE) until the
	 * transaction ends: a deactivation or move of the user waits for that transaction, so the
	 * listeners of {@link UserDeactivated} and {@link UserMoved} see what it did.
	 */
	public boolean holdActive(long userId) {
		return jdbc.sql("SELECT active FROM identity_user WHERE id = ? FOR SHARE")
			.param(userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	@Transactional
	public void resetPassword(Scope scope, long id, String newPassword) {
		UserView user = require(scope, id);
		PasswordPolicy.check(user.login(), newPassword);
		jdbc.sql("""
				UPDATE identity_user SET password_hash = ?, password_changed_at = clock_timestamp(), must_change_password = TRUE,
				       failed_logins = 0, locked_until = NULL, security_stamp = security_stamp + 1, updated_at = now()
				WHERE id = ?""")
			.params(encoder.encode(newPassword), id)
			.update();
		audit.record("user.resetPassword", "user", id, Map.of());
	}

	@Transactional
	public void unlock(Scope scope, long id) {
		require(scope, id);
		jdbc.sql("UPDATE identity_user SET failed_logins = 0, locked_until = NULL WHERE id = ?").param(id).update();
		audit.record("user.unlock", "user", id, Map.of());
	}

	/** The logged-in user changes their own password. */
	@Transactional
	public void changeOwnPassword(long userId, String current, String next) {
		String hash = jdbc.sql("SELECT password_hash FROM identity_user WHERE id = ?").param(userId).query(String.class).single();
		if (!encoder.matches(current, hash)) {
			throw BangfuException.badField("currentPassword", "password.currentWrong");
		}
		String login = jdbc.sql("SELECT login FROM identity_user WHERE id = ?").param(userId).query(String.class).single();
		try {
			PasswordPolicy.check(login, next);
		}
		catch (BangfuException ex) {
			// the policy speaks of "password"; here it is the new one (next to its field, on the page and in the API)
			throw BangfuException.badField("newPassword", ex.messageKey(), ex.args());
		}
		if (encoder.matches(next, hash)) {
			throw BangfuException.badField("newPassword", "password.sameAsOld");
		}
		jdbc.sql("UPDATE identity_user SET password_hash = ?, password_changed_at = clock_timestamp(), "
				+ "must_change_password = FALSE, " + BUMP + " WHERE id = ?")
			.params(encoder.encode(next), userId)
			.update();
		audit.record("user.changePassword", "user", userId, Map.of());
		// the user's other sessions end at their next request; this one goes on with the new stamp
		session.refresh(userId);
	}

	public boolean mustChangePassword(long userId) {
		return jdbc.sql("SELECT must_change_password FROM identity_user WHERE id = ?")
			.param(userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	private OrganisationView activeOrganisation(Scope scope, long organisationId) {
		OrganisationView org = organisations.find(scope, organisationId)
			.orElseThrow(() -> BangfuException.badField("organisationId", "organisation.notFound", organisationId));
		if (!org.active()) {
			throw BangfuException.badField("organisationId", "organisation.inactive", org.name());
		}
		return org;
	}

	private void guardSelfDemotion(long id, Set<Role> roles) {
		boolean self = Actor.current().map(a -> a.userId() == id).orElse(false);
		if (self && !roles.contains(Role.ADMIN)) {
			throw BangfuException.badField("roles", "user.roles.selfDemotion");
		}
	}

	private void writeRoles(long userId, Set<Role> roles) {
		jdbc.sql("DELETE FROM identity_user_role WHERE user_id = ?").param(userId).update();
		for (Role role : roles) {
			jdbc.sql("INSERT INTO identity_user_role (user_id, role) VALUES (?, ?)").params(userId, role.name()).update();
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static Map<String, Object> snapshot(UserView u) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("login", u.login());
		m.put("name", u.name());
		m.put("organisationId", u.organisationId());
		m.put("roles", new TreeSet<>(u.roles().stream().map(Role::name).toList()));
		m.put("active", u.active());
		return m;
	}

}
