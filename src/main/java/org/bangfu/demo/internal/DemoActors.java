package org.bangfu.demo.internal;

import java.util.EnumSet;
import java.util.function.Supplier;

import org.bangfu.identity.UserView;
import org.bangfu.identity.Users;
import org.bangfu.identity.Users.UserSearch;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.platform.jobs.JobActorResolver;
import org.bangfu.shared.Actor;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The demo users as actors: each step of the demo register runs as the user of the right role
 * (signed in on the current thread, so it is scoped and audited to them, as their own clicks
 * would be).
 */
@Component
class DemoActors {

	/** The whole tree, for finding the demo organisations and users by code and login. */
	static final Scope ALL = new Scope(0, "/");

	/** A second county-level union reviewer: four eyes need two for the filing chain's first two steps. */
	static final String SECOND_REVIEWER = "demo.reviewer2";

	private final Users users;

	private final Organisations organisations;

	private final JobActorResolver resolver;

	private final String password;

	DemoActors(Users users, Organisations organisations, JobActorResolver resolver,
			@Value("${bangfu.demo-password:Bangfu-Demo-2026}") String password) {
		this.users = users;
		this.organisations = organisations;
		this.resolver = resolver;
		this.password = password;
	}

	/** A demo user signed in: the actor and the authentication that carries it. */
	record DemoUser(Actor actor, Authentication authentication) {

		long id() {
			return actor.userId();
		}

		Scope scope() {
			return actor.scope();
		}

	}

	DemoUser user(String login) {
		UserView user = users.search(ALL, new UserSearch(login, null, null, true), 10, 0)
			.stream()
			.filter(u -> u.login().equals(login))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Demo user " + login + " is missing"));
		Authentication auth = resolver.authenticationFor(user.id())
			.orElseThrow(() -> new IllegalStateException("Demo user " + login + " cannot sign in"));
		return new DemoUser((Actor) auth.getPrincipal(), auth);
	}

	/** Creates the second union reviewer (刘复核, 江岸区总工会) with the demo password. */
	void createSecondReviewer() {
		OrganisationView district = organisation("JA-UNION");
		users.createSystemUser(SECOND_REVIEWER, "刘复核", district.id(), EnumSet.of(Role.REVIEWER), password, false);
	}

	boolean loaded() {
		return users.loginTaken(SECOND_REVIEWER);
	}

	OrganisationView organisation(String code) {
		return organisations.findByCode(ALL, code)
			.orElseThrow(() -> new IllegalStateException("Demo organisation " + code + " is missing"));
	}

	static Scope scopeOf(OrganisationView org) {
		return new Scope(org.id(), org.path());
	}

	/** Runs the work signed in as the user, then restores whoever was signed in before. */
	static <T> T as(DemoUser user, Supplier<T> work) {
		SecurityContext before = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(user.authentication());
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(before);
		}
	}

	static void run(DemoUser user, Runnable work) {
		as(user, () -> {
			work.run();
			return null;
		});
	}

}
