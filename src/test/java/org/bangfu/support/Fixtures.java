package org.bangfu.support;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.bangfu.identity.Users;
import org.bangfu.organisation.OrganisationCommands.CreateOrganisation;
import org.bangfu.organisation.OrganisationType;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test data built through the modules' own façades: organisations under the platform root
 * and users with given roles. Names and codes are unique per call, so tests sharing one
 * database never collide.
 */
@Component
public class Fixtures {

	public static final String PASSWORD = "Test-Pass-2026";

	private static final AtomicInteger SEQ = new AtomicInteger();

	private final Organisations organisations;

	private final Users users;

	private final JdbcClient jdbc;

	Fixtures(Organisations organisations, Users users, JdbcClient jdbc) {
		this.organisations = organisations;
		this.users = users;
		this.jdbc = jdbc;
	}

	/** The scope of the platform root: everything. */
	public Scope everything() {
		long root = jdbc.sql("SELECT id FROM organisation WHERE parent_id IS NULL ORDER BY id LIMIT 1")
			.query(Long.class)
			.single();
		return new Scope(root, "/" + root + "/");
	}

	/** A new organisation directly under the root (a county union in Jiang'an district). */
	public OrganisationView organisation(String name) {
		return organisationUnder(everything().organisationId(), name);
	}

	public OrganisationView organisationUnder(long parentId, String name) {
		int n = SEQ.incrementAndGet();
		String unique = name + "-" + System.nanoTime() % 100000 + "-" + n;
		return organisations.create(everything(), new CreateOrganisation("T" + n + "-" + System.nanoTime() % 1000000,
				unique, OrganisationType.UNION, "420102", parentId));
	}

	/** A new active user in the organisation with the roles; the password is {@link #PASSWORD}. */
	public String user(long organisationId, Role... roles) {
		String login = "u" + SEQ.incrementAndGet() + "x" + System.nanoTime() % 1000000;
		Set<Role> set = roles.length == 0 ? EnumSet.of(Role.CASEWORKER) : EnumSet.of(roles[0], roles);
		users.createSystemUser(login, "测试用户" + login, organisationId, set, PASSWORD, false);
		return login;
	}

	public long userId(String login) {
		return jdbc.sql("SELECT id FROM identity_user WHERE login = ?").param(login).query(Long.class).single();
	}

}
