package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.bangfu.identity.Users;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.pairing.PairingCommands.BulkPair;
import org.bangfu.pairing.PairingCommands.Pair;
import org.bangfu.registry.HouseholdCommands.CloseHousehold;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.CloseReason;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** "不断档": a deactivated cadre's households appear at once in the unpaired list; coverage by a hand count. */
@IntegrationTest
@Import(Fixtures.class)
class UnpairedAndCoverageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Pairings pairings;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Users users;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BusinessClock clock;

	OrganisationView org;

	Scope scope;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("不断档测试");
		scope = PairingData.scope(fixtures, org);
	}

	@AfterEach
	void resetClock() {
		clock.set(Clock.system(BusinessClock.zone()));
	}

	@Test
	void aDeactivatedCadresHouseholdsAppearAtOnceInTheUnpairedListAndOnTheHomePage() {
		String admin = fixtures.user(org.id(), Role.ADMIN);
		String cadreLogin = fixtures.user(org.id(), Role.PAIRING_CADRE);
		long cadreUser = fixtures.userId(cadreLogin);
		List<Long> households = List.of(household().id(), household().id(), household().id());
		pairings.bulkPair(scope, new BulkPair(null, cadreUser, households, null));
		assertThat(pairings.countUnpaired(scope)).isZero();
		Http page = Http.loggedIn(port, admin, Fixtures.PASSWORD);
		assertThat(page.get("/home/counts").body()).contains("id=\"count-unpaired\"").containsPattern("id=\"count-unpaired\"[^>]*>0<");

		// deactivated through the user pages, as an administrator would
		page.get("/users");
		HttpResponse<String> res = page.form("/users/" + cadreUser + "/deactivate", Map.of());
		assertThat(res.statusCode()).isEqualTo(302);

		List<UnpairedRow> unpaired = pairings.unpaired(scope, null, null, 1, 50);
		assertThat(unpaired).extracting(UnpairedRow::householdId).containsExactlyInAnyOrderElementsOf(households);
		assertThat(unpaired).allSatisfy(r -> {
			assertThat(r.days()).isZero();
			assertThat(r.since()).isEqualTo(clock.today());
			assertThat(r.lastCadreName()).isEqualTo("测试用户" + cadreLogin);
		});
		CadreView cadre = pairings.cadreOfUser(cadreUser).orElseThrow();
		assertThat(cadre.active()).isFalse();
		assertThat(cadre.activeHouseholds()).isZero();
		assertThat(pairings.history(scope, households.get(0))).first()
			.satisfies(p -> assertThat(p.endReason()).isEqualTo(PairingVocabulary.EndReason.CADRE_DEACTIVATED));
		assertThat(page.get("/home/counts").body()).containsPattern("id=\"count-unpaired\"[^>]*>3<");
		assertThat(page.get("/pairing/unpaired").body()).contains(households.stream().map(String::valueOf).map(id -> "value=\"" + id + "\"").toList());

		// bulk re-pairing from the list
		long next = fixtures.userId(fixtures.user(org.id(), Role.PAIRING_CADRE));
		CadreView successor = pairings.cadreForUser(scope, next);
		page.get("/pairing/unpaired");
		HttpResponse<String> repair = page.form("/pairing/unpaired/pair",
				Map.of("cadreId", String.valueOf(successor.id()), "householdIds", households.get(0) + "," + households.get(1)));
		assertThat(repair.statusCode()).isEqualTo(302);
		assertThat(pairings.countUnpaired(scope)).isEqualTo(1);
	}

	@Test
	void aNewUserWithTheCadreRoleIsOfferedForPairingAtOnceAndOneWhoLosesItIsNot() {
		String admin = fixtures.user(org.id(), Role.ADMIN);
		HouseholdView h = household();
		String cadreLogin = fixtures.user(org.id(), Role.PAIRING_CADRE);
		String caseworker = fixtures.user(org.id(), Role.CASEWORKER);
		Http page = Http.loggedIn(port, admin, Fixtures.PASSWORD);

		String unpaired = page.get("/pairing/unpaired").body();
		assertThat(unpaired).as("never paired by import, yet offered").contains("测试用户" + cadreLogin).doesNotContain("测试用户" + caseworker);
		assertThat(page.get("/pairing/households/" + h.id()).body()).contains("测试用户" + cadreLogin);

		long caseworkerId = fixtures.userId(caseworker);
		users.update(fixtures.everything(), caseworkerId, new org.bangfu.identity.UserCommands.UpdateUser(
				"测试用户" + caseworker, null, org.id(), java.util.Set.of(Role.CASEWORKER, Role.PAIRING_CADRE)));
		assertThat(page.get("/pairing/unpaired").body()).as("given the role later").contains("测试用户" + caseworker);
		assertThat(pairings.cadres(scope, true, null)).extracting(CadreView::userId).contains(caseworkerId, fixtures.userId(cadreLogin));
	}

	@Test
	void daysSinceUnpairedCountFromTheEndOfTheLastPairingOrFromFiling() {
		HouseholdView never = household();
		assertThat(pairings.unpaired(scope, null, null, 1, 50)).singleElement()
			.satisfies(r -> assertThat(r.days()).as("filed today, never paired").isZero());
		clock.set(Clock.fixed(LocalDate.of(2026, 2, 20).atStartOfDay(BusinessClock.zone()).toInstant(), ZoneOffset.UTC));
		HouseholdView h = household();
		CadreView cadre = pairings.registerCadre(scope, new PairingCommands.RegisterCadre(org.id(), "赵干部", null, null));
		pairings.pair(scope, new Pair(cadre.id(), null, never.id(), null, null, null));
		PairingView p = pairings.pair(scope, new Pair(cadre.id(), null, h.id(), null, null, null));
		clock.set(Clock.fixed(LocalDate.of(2026, 3, 1).atStartOfDay(BusinessClock.zone()).toInstant(), ZoneOffset.UTC));
		pairings.end(scope, p.id(), new PairingCommands.EndPairing(PairingVocabulary.EndReason.CADRE_TRANSFERRED, null, null, true));
		clock.set(Clock.fixed(LocalDate.of(2026, 3, 11).atStartOfDay(BusinessClock.zone()).toInstant(), ZoneOffset.UTC));
		UnpairedRow row = pairings.unpaired(scope, null, null, 1, 50).get(0);
		assertThat(row.householdId()).isEqualTo(h.id());
		assertThat(row.since()).isEqualTo(LocalDate.of(2026, 3, 1));
		assertThat(row.days()).as("unpaired on 1 March, today 11 March").isEqualTo(10);
		assertThat(row.lastCadreName()).isEqualTo("赵干部");
	}

	@Test
	void coverageMatchesAHandCountByOrganisationAndRegion() {
		OrganisationView branchA = fixtures.organisationUnder(org.id(), "甲分会");
		OrganisationView branchB = fixtures.organisationUnder(org.id(), "乙分会");
		CadreView cadre = pairings.registerCadre(scope, new PairingCommands.RegisterCadre(org.id(), "李干部", null, "科员"));
		// own: 2 filed in 大智, 1 paired
		pair(cadre, household(org.id(), PairingData.DAZHI));
		household(org.id(), PairingData.DAZHI);
		// branch A: 3 filed (2 in 一元, 1 in 大智), 2 paired; plus one closed (not counted) that was paired
		pair(cadre, household(branchA.id(), PairingData.YIYUAN));
		pair(cadre, household(branchA.id(), PairingData.YIYUAN));
		household(branchA.id(), PairingData.DAZHI);
		HouseholdView closed = household(branchA.id(), PairingData.YIYUAN);
		pair(cadre, closed);
		registry.close(scope, closed.id(), new CloseHousehold(CloseReason.DEATH, null));
		// branch B: 1 filed, unpaired
		household(branchB.id(), PairingData.DAZHI);

		List<CoverageRow> rows = pairings.coverageByOrganisation(scope, org.id());
		assertThat(rows).extracting(CoverageRow::name, CoverageRow::filed, CoverageRow::paired).containsExactly(
				tuple(org.name(), 6L, 3L), tuple(org.name(), 2L, 1L), tuple(branchA.name(), 3L, 2L),
				tuple(branchB.name(), 1L, 0L));
		assertThat(rows.get(0).percent()).isEqualTo("50.0");
		assertThat(pairings.cadre(scope, cadre.id()).activeHouseholds()).as("closing ended that pairing").isEqualTo(3);

		List<CoverageRow> byTownship = pairings.coverageByRegion(scope, "420102");
		assertThat(byTownship).extracting(CoverageRow::key, CoverageRow::name, CoverageRow::filed, CoverageRow::paired)
			.containsExactly(tuple("420102002", "大智街道", 4L, 1L), tuple("420102003", "一元街道", 2L, 2L));
		assertThat(pairings.unpaired(scope, branchA.id(), null, 1, 50)).hasSize(1);
		assertThat(pairings.unpaired(scope, null, "420102003", 1, 50)).isEmpty();
		assertThat(pairings.countUnpaired(scope, null, "420102002")).isEqualTo(3);
	}

	private void pair(CadreView cadre, HouseholdView h) {
		pairings.pair(scope, new Pair(cadre.id(), null, h.id(), null, null, null));
	}

	private HouseholdView household() {
		return PairingData.household(registry, scope, org.id());
	}

	private HouseholdView household(long orgId, String township) {
		return PairingData.household(registry, scope, orgId, township);
	}

}
