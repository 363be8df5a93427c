package org.bangfu.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import org.bangfu.identification.Places;
import org.bangfu.identity.BangfuUser;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.Actor;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Test data for reporting: places, organisations under them, actors, households with a chosen cause, categories and region. */
@Component
class ReportingWorld {

	private final Fixtures fixtures;

	private final Places places;

	private final HouseholdRegistry registry;

	ReportingWorld(Fixtures fixtures, Places places, HouseholdRegistry registry) {
		this.fixtures = fixtures;
		this.places = places;
		this.registry = registry;
	}

	Places.Place place(String name) {
		return places.county(name);
	}

	OrganisationView under(long parentId, String name) {
		return fixtures.organisationUnder(parentId, name);
	}

	Actor actor(OrganisationView org, Role... roles) {
		String login = fixtures.user(org.id(), roles);
		return new BangfuUser(fixtures.userId(login), login, "测试用户" + login, org.id(), org.path(), org.name(),
				EnumSet.of(roles[0], roles), "", true, null);
	}

	String login(Actor actor) {
		return actor.login();
	}

	HouseholdView household(Scope scope, long organisationId, String region, HardshipCause cause, List<Category> categories,
			boolean draft) {
		HouseholdData data = new HouseholdData(Households.fileNo(), region, "测试地址", null, cause, List.of(), categories,
				HousingType.OWN, new BigDecimal("40.00"), null, 0, null, null, null, null, null);
		String id = Households.idNumber(LocalDate.of(1970, 5, 5), true);
		return registry.file(scope, new FileHousehold(organisationId, data, Households.person("李大明", id, Relation.HEAD, "0"),
				draft));
	}

	static <T> T as(Actor actor, Supplier<T> work) {
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(actor, null, List.of()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}

}
