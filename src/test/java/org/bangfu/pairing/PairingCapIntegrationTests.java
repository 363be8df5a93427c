package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.pairing.PairingCommands.BulkPair;
import org.bangfu.pairing.PairingCommands.EndPairing;
import org.bangfu.pairing.PairingCommands.Pair;
import org.bangfu.pairing.PairingCommands.PairOrganisations;
import org.bangfu.pairing.PairingCommands.UpdateSettings;
import org.bangfu.pairing.PairingVocabulary.EndReason;
import org.bangfu.pairing.PairingVocabulary.PairingType;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
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

/** The hard cap per cadre (database-enforced, also under concurrency), the minimum term, one pairing per household. */
@IntegrationTest
@Import(Fixtures.class)
class PairingCapIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	org.springframework.context.MessageSource messages;

	@Autowired
	Pairings pairings;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BusinessClock clock;

	OrganisationView org;

	Scope scope;

	String admin;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("结对测试工会");
		scope = PairingData.scope(fixtures, org);
		admin = fixtures.user(org.id(), Role.ADMIN);
	}

	@AfterEach
	void resetClock() {
		clock.set(Clock.system(BusinessClock.zone()));
	}

	@Test
	void twoConcurrentRequestsForTheLastPlaceExactlyOneWins() throws Exception {
		long cadreUser = fixtures.userId(fixtures.user(org.id(), Role.PAIRING_CADRE));
		for (int i = 0; i < 4; i++) {
			pairings.pair(scope, new Pair(null, cadreUser, household().id(), null, null, null));
		}
		CadreView cadre = pairings.cadreOfUser(cadreUser).orElseThrow();
		assertThat(cadre.activeHouseholds()).isEqualTo(4);
		assertThat(cadre.room()).isEqualTo(1);
		long fifth = household().id();
		long sixth = household().id();

		List<Integer> statuses = concurrently(
				"{\"cadreId\":" + cadre.id() + ",\"householdId\":" + fifth + "}",
				"{\"cadreId\":" + cadre.id() + ",\"householdId\":" + sixth + "}");

		assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		CadreView after = pairings.cadre(scope, cadre.id());
		assertThat(after.activeHouseholds()).isEqualTo(5);
		assertThat(after.room()).isZero();
		assertThat(pairings.search(scope, cadre.id(), null, true, 100, 0)).hasSize(5);
		assertThatThrownBy(() -> pairings.pair(scope, new Pair(cadre.id(), null, household().id(), null, null, null)))
			.isInstanceOf(BangfuException.class)
			.extracting(e -> ((BangfuException) e).messageKey())
			.isEqualTo("pairing.cap.reached");
	}

	@Test
	void twoConcurrentRequestsForTheSameHouseholdExactlyOneWins() throws Exception {
		CadreView a = pairings.cadreForUser(scope, fixtures.userId(fixtures.user(org.id(), Role.PAIRING_CADRE)));
		CadreView b = pairings.cadreForUser(scope, fixtures.userId(fixtures.user(org.id(), Role.PAIRING_CADRE)));
		long h = household().id();

		List<Integer> statuses = concurrently("{\"cadreId\":" + a.id() + ",\"householdId\":" + h + "}",
				"{\"cadreId\":" + b.id() + ",\"householdId\":" + h + "}");

		assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		assertThat(pairings.cadre(scope, a.id()).activeHouseholds() + pairings.cadre(scope, b.id()).activeHouseholds())
			.as("the loser's place is given back").isEqualTo(1);
	}

	@Test
	void theCapIsConfigurablePerOrganisationAndInheritedBySubOrganisations() {
		pairings.updateSettings(scope, org.id(), new UpdateSettings(2, 12, null));
		OrganisationView branch = fixtures.organisationUnder(org.id(), "基层工会");
		CadreView cadre = pairings.cadreForUser(scope, fixtures.userId(fixtures.user(branch.id(), Role.PAIRING_CADRE)));
		assertThat(cadre.cap()).isEqualTo(2);
		pairings.bulkPair(scope, new BulkPair(cadre.id(), null, List.of(household().id(), household().id()), null));
		BangfuException refused = catchBangfu(() -> pairings.pair(scope, new Pair(cadre.id(), null, household().id(), null, null, null)));
		assertThat(refused.problem()).isEqualTo(Problem.CONFLICT);
		assertThat(refused.messageKey()).isEqualTo("pairing.cap.reached");

		CadreView other = pairings.cadreForUser(scope, fixtures.userId(fixtures.user(branch.id(), Role.PAIRING_CADRE)));
		BangfuException bulk = catchBangfu(() -> pairings.bulkPair(scope,
				new BulkPair(other.id(), null, List.of(household().id(), household().id(), household().id()), null)));
		assertThat(bulk.messageKey()).isEqualTo("pairing.cap.reached");
		assertThat(pairings.cadre(scope, other.id()).activeHouseholds()).as("all or none").isZero();
	}

	@Test
	void aOneToOneCadreTakesNoSecondHousehold() {
		CadreView cadre = pairings.cadreForUser(scope, fixtures.userId(fixtures.user(org.id(), Role.PAIRING_CADRE)));
		pairings.pair(scope, new Pair(cadre.id(), null, household().id(), PairingType.ONE_TO_ONE, null, null));
		BangfuException refused = catchBangfu(() -> pairings.pair(scope, new Pair(cadre.id(), null, household().id(), null, null, null)));
		assertThat(refused.problem()).isEqualTo(Problem.CONFLICT);
		// not "paired with 5 households, the limit": the cadre has one, one-to-one
		assertThat(refused.messageKey()).isEqualTo("pairing.cap.holdsOneToOne");
		assertThat(messages.getMessage(refused.messageKey(), refused.args(), java.util.Locale.SIMPLIFIED_CHINESE))
			.contains("一对一").doesNotContain("达到上限").doesNotContain("5 户");

		CadreView busy = pairings.cadreForUser(scope, fixtures.userId(fixtures.user(org.id(), Role.PAIRING_CADRE)));
		pairings.pair(scope, new Pair(busy.id(), null, household().id(), null, null, null));
		assertThat(catchBangfu(() -> pairings.pair(scope, new Pair(busy.id(), null, household().id(), PairingType.ONE_TO_ONE,
				null, null))).messageKey()).isEqualTo("pairing.cap.oneToOne");
	}

	@Test
	void endingBeforeTheMinimumTermWarnsAndNeedsConfirmation() {
		clock.set(Clock.fixed(LocalDate.of(2026, 1, 31).atStartOfDay(BusinessClock.zone()).toInstant(), ZoneOffset.UTC));
		CadreView cadre = pairings.cadreForUser(scope, fixtures.userId(fixtures.user(org.id(), Role.PAIRING_CADRE)));
		PairingView p = pairings.pair(scope, new Pair(cadre.id(), null, household().id(), null, null, null));
		assertThat(p.plannedEndOn()).isEqualTo(LocalDate.of(2027, 1, 31));

		clock.set(Clock.fixed(LocalDate.of(2026, 6, 1).atStartOfDay(BusinessClock.zone()).toInstant(), ZoneOffset.UTC));
		BangfuException warning = catchBangfu(() -> pairings.end(scope, p.id(), new EndPairing(EndReason.REASSIGNED, null, null, false)));
		assertThat(warning.messageKey()).isEqualTo("pairing.end.early");
		assertThat(pairings.pairing(scope, p.id()).active()).as("nothing changed").isTrue();

		PairingView ended = pairings.end(scope, p.id(), new EndPairing(EndReason.REASSIGNED, "调岗", null, true));
		assertThat(ended.endedOn()).isEqualTo(LocalDate.of(2026, 6, 1));
		assertThat(ended.endedEarly()).isTrue();
		assertThat(pairings.cadre(scope, cadre.id()).activeHouseholds()).isZero();

		// after the term no confirmation is needed
		PairingView later = pairings.pair(scope, new Pair(cadre.id(), null, household().id(), null, LocalDate.of(2025, 1, 1), null));
		assertThat(pairings.end(scope, later.id(), new EndPairing(EndReason.TERM_COMPLETED, null, null, false)).endedEarly()).isFalse();
	}

	@Test
	void organisationsHelpAsManyAsTheirLevelAllowsPerYear() {
		// the fixtures' organisations are county level (420102): one a year
		OrganisationView helped1 = fixtures.organisationUnder(org.id(), "受助单位一");
		OrganisationView helped2 = fixtures.organisationUnder(org.id(), "受助单位二");
		assertThat(pairings.orgCapacity(scope, org.id())).isEqualTo(1);
		pairings.pairOrganisations(scope, new PairOrganisations(org.id(), helped1.id(), 2026, null));
		BangfuException full = catchBangfu(() -> pairings.pairOrganisations(scope, new PairOrganisations(org.id(), helped2.id(), 2026, null)));
		assertThat(full.messageKey()).isEqualTo("pairing.org.capacity");
		pairings.pairOrganisations(scope, new PairOrganisations(org.id(), helped2.id(), 2027, null));
		pairings.updateSettings(scope, org.id(), new UpdateSettings(5, 12, 3));
		pairings.pairOrganisations(scope, new PairOrganisations(org.id(), helped2.id(), 2026, null));
		assertThat(pairings.orgPairings(scope, 2026)).hasSize(2);
	}

	@Test
	void onlyAdministratorsPairThroughTheApi() {
		String caseworker = fixtures.user(org.id(), Role.CASEWORKER);
		CadreView cadre = pairings.cadreForUser(scope, fixtures.userId(fixtures.user(org.id(), Role.PAIRING_CADRE)));
		HttpResponse<String> res = Http.basic(port, caseworker, Fixtures.PASSWORD)
			.json("POST", "/api/v1/pairings", "{\"cadreId\":" + cadre.id() + ",\"householdId\":" + household().id() + "}");
		assertThat(res.statusCode()).isEqualTo(403);
		OrganisationView other = fixtures.organisation("别的工会");
		HttpResponse<String> outside = Http.basic(port, fixtures.user(other.id(), Role.ADMIN), Fixtures.PASSWORD)
			.json("GET", "/api/v1/cadres/" + cadre.id(), null);
		assertThat(outside.statusCode()).isEqualTo(404);
	}

	private List<Integer> concurrently(String... bodies) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(bodies.length);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (String body : bodies) {
				Http http = Http.basic(port, admin, Fixtures.PASSWORD);
				http.json("GET", "/api/v1/cadres", null); // warm up the connection and the password check
				results.add(pool.submit(() -> {
					start.await();
					return http.json("POST", "/api/v1/pairings", body).statusCode();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : results) {
				statuses.add(f.get());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private HouseholdView household() {
		return PairingData.household(registry, scope, org.id());
	}

	private static BangfuException catchBangfu(Runnable r) {
		try {
			r.run();
		}
		catch (BangfuException ex) {
			return ex;
		}
		throw new AssertionError("expected a BangfuException");
	}

}
