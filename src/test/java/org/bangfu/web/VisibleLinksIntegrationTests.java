package org.bangfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.pairing.PairingCommands.BulkPair;
import org.bangfu.pairing.Pairings;
import org.bangfu.registry.HouseholdCommands.FileHousehold;
import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Households;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.bangfu.support.LinkCrawler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * No dead ends: for each role, every link a page shows (breadth-first from the home page, in the
 * role's own session) answers without 403 or a server error. A link to a page the role may not
 * open must not be shown.
 */
@IntegrationTest
@Import(Fixtures.class)
class VisibleLinksIntegrationTests {

	/** Enough pages to reach every menu entry and a detail page of each kind. */
	private static final int MAX_PAGES = 100;

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Pairings pairings;

	@Test
	void everyLinkEachRoleSeesOpens() {
		OrganisationView org = fixtures.organisation("链接巡检");
		Scope scope = new Scope(org.id(), org.path());
		HouseholdView paired = household(scope, org.id());
		household(scope, org.id());
		String cadre = fixtures.user(org.id(), Role.PAIRING_CADRE);
		pairings.bulkPair(scope, new BulkPair(null, fixtures.userId(cadre), List.of(paired.id()), null));

		Map<String, String> problems = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			String login = role == Role.PAIRING_CADRE ? cadre : fixtures.user(org.id(), role);
			problems.putAll(LinkCrawler.crawl(role.name(), Http.loggedIn(port, login, Fixtures.PASSWORD), MAX_PAGES).problems());
		}
		assertThat(problems).as("links shown to a role that answer 403 or 5xx (role link <- page)").isEmpty();
	}

	private HouseholdView household(Scope scope, long organisationId) {
		HouseholdData data = new HouseholdData(Households.fileNo(), "420102002", "江岸区某街道某小区", "13812345678",
				HardshipCause.ILLNESS, List.of(), List.of(), HousingType.OWN, new BigDecimal("50.00"), null, 0, null, null,
				null, null, null);
		String id = Households.idNumber(LocalDate.of(1970, 3, 3), true);
		return registry.file(scope, new FileHousehold(organisationId, data, Households.person("王德明", id, Relation.HEAD, "0")));
	}

}
