package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.bangfu.identity.UserCommands.UpdateUser;
import org.bangfu.identity.Users;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.pairing.PairingCommands.BulkPair;
import org.bangfu.pairing.PairingCommands.Pair;
import org.bangfu.pairing.PairingVocabulary.EndReason;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "不断档" on a transfer: when an administrator moves a cadre's user to another organisation,
 * the cadre's pairings end with the reason "干部调动" and their households are at once in the
 * old organisation's unpaired list (page, home count); the cadre goes with the user and can be
 * paired in the new organisation.
 */
@IntegrationTest
@Import(Fixtures.class)
class CadreTransferIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Pairings pairings;

	@Autowired
	Users users;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	OrganisationView county;

	OrganisationView oldOrg;

	OrganisationView newOrg;

	Scope countyScope;

	Scope oldScope;

	Scope newScope;

	@BeforeEach
	void setUp() {
		county = fixtures.organisation("调动测试县");
		oldOrg = fixtures.organisationUnder(county.id(), "原单位");
		newOrg = fixtures.organisationUnder(county.id(), "新单位");
		countyScope = PairingData.scope(fixtures, county);
		oldScope = PairingData.scope(fixtures, oldOrg);
		newScope = PairingData.scope(fixtures, newOrg);
	}

	@Test
	void aTransferredCadresHouseholdsAreAtOnceInTheOldOrganisationsUnpairedList() {
		String cadreLogin = fixtures.user(oldOrg.id(), Role.PAIRING_CADRE);
		long cadreUser = fixtures.userId(cadreLogin);
		long h1 = PairingData.household(registry, oldScope, oldOrg.id()).id();
		long h2 = PairingData.household(registry, oldScope, oldOrg.id()).id();
		pairings.bulkPair(oldScope, new BulkPair(null, cadreUser, List.of(h1, h2), null));
		String oldAdmin = fixtures.user(oldOrg.id(), Role.ADMIN);
		Http oldPage = Http.loggedIn(port, oldAdmin, Fixtures.PASSWORD);
		assertThat(oldPage.get("/home/counts").body()).containsPattern("id=\"count-unpaired\"[^>]*>0<");

		// the county's administrator moves the user on the user form, as in real life
		Http countyAdmin = Http.loggedIn(port, fixtures.user(county.id(), Role.ADMIN), Fixtures.PASSWORD);
		countyAdmin.get("/users/" + cadreUser + "/edit");
		HttpResponse<String> moved = countyAdmin.form("/users/" + cadreUser,
				Map.of("name", "测试用户" + cadreLogin, "phone", "", "organisationId", "" + newOrg.id(), "roles",
						"PAIRING_CADRE"));
		assertThat(moved.statusCode()).isEqualTo(302);
		assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith("/users/" + cadreUser + "/edit");

		List<UnpairedRow> unpaired = pairings.unpaired(oldScope, null, null, 1, 50);
		assertThat(unpaired).extracting(UnpairedRow::householdId).containsExactlyInAnyOrder(h1, h2);
		assertThat(unpaired).allSatisfy(r -> {
			assertThat(r.days()).isZero();
			assertThat(r.lastCadreName()).isEqualTo("测试用户" + cadreLogin);
		});
		assertThat(pairings.history(oldScope, h1)).first().satisfies(p -> {
			assertThat(p.endReason()).isEqualTo(EndReason.CADRE_TRANSFERRED);
			assertThat(p.endedOn()).isEqualTo(pairings.today());
		});
		assertThat(oldPage.get("/home/counts").body()).containsPattern("id=\"count-unpaired\"[^>]*>2<");
		String list = oldPage.get("/pairing/unpaired").body();
		assertThat(list).contains("value=\"" + h1 + "\"", "value=\"" + h2 + "\"");
		assertThat(oldPage.get("/pairing/households/" + h1).body()).contains("干部调动");

		CadreView cadre = pairings.cadreOfUser(cadreUser).orElseThrow();
		assertThat(cadre.organisationId()).as("the cadre goes with the user").isEqualTo(newOrg.id());
		assertThat(cadre.active()).isTrue();
		assertThat(cadre.activeHouseholds()).isZero();
		assertThat(pairings.cadres(oldScope, false, null)).extracting(CadreView::id).doesNotContain(cadre.id());
		assertThat(pairings.cadres(newScope, false, null)).extracting(CadreView::id).contains(cadre.id());
		long there = PairingData.household(registry, newScope, newOrg.id()).id();
		assertThat(pairings.pair(newScope, new Pair(cadre.id(), null, there, null, null, null)).active()).isTrue();

		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit_event WHERE action = 'pairing.endAll' AND object_id = ?
				  AND detail LIKE '%CADRE_TRANSFERRED%'""").param(String.valueOf(cadre.id())).query(Long.class).single())
			.as("audited").isEqualTo(1);
	}

	@Test
	void editingAUserWithoutChangingTheOrganisationKeepsTheirPairings() {
		long cadreUser = fixtures.userId(fixtures.user(oldOrg.id(), Role.PAIRING_CADRE));
		long h = PairingData.household(registry, oldScope, oldOrg.id()).id();
		pairings.pair(oldScope, new Pair(null, cadreUser, h, null, null, null));

		users.update(countyScope, cadreUser, new UpdateUser("改了名字", "13800001111", oldOrg.id(),
				java.util.EnumSet.of(Role.PAIRING_CADRE)));

		assertThat(pairings.activePairing(oldScope, h)).isPresent();
		assertThat(pairings.countUnpaired(oldScope)).isZero();
	}

}
