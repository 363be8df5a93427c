package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bangfu.identity.Users;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.pairing.PairingCommands.BulkPair;
import org.bangfu.pairing.PairingCommands.EndPairing;
import org.bangfu.pairing.PairingCommands.Pair;
import org.bangfu.pairing.PairingVocabulary.EndReason;
import org.bangfu.registry.HouseholdCommands.CloseHousehold;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.Vocabulary.CloseReason;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Deactivating a cadre while the same cadre is being paired, or one of their pairings is being
 * ended or their household closed, at the same moment: every path locks the cadre's row before
 * any of the cadre's pairings, so PostgreSQL never has to cancel one of them as a deadlock, and
 * afterwards the cadre holds no household (all of them are in the unpaired list).
 */
@IntegrationTest
@Import(Fixtures.class)
class CadreLockOrderIntegrationTests {

	static final int ROUNDS = 12;

	static final ExecutorService POOL = Executors.newFixedThreadPool(4);

	@Autowired
	Pairings pairings;

	@Autowired
	Users users;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Fixtures fixtures;

	OrganisationView org;

	Scope scope;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("锁顺序测试");
		scope = PairingData.scope(fixtures, org);
	}

	@AfterAll
	static void stopPool() {
		POOL.shutdownNow();
	}

	@Test
	void deactivatingACadreWhileTheCadreIsPairedAndAPairingEndsAndAHouseholdClosesFailsNone() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			long userId = fixtures.userId(fixtures.user(org.id(), Role.PAIRING_CADRE));
			long h1 = household();
			long h2 = household();
			long h3 = household();
			long newHousehold = household();
			List<PairingView> held = pairings.bulkPair(scope, new BulkPair(null, userId, List.of(h1, h2, h3), null));
			CadreView cadre = pairings.cadreOfUser(userId).orElseThrow();

			List<Outcome> outcomes = together(
					() -> users.setActive(scope, userId, false),
					() -> pairings.pair(scope, new Pair(cadre.id(), null, newHousehold, null, null, null)),
					() -> pairings.end(scope, held.get(0).id(), new EndPairing(EndReason.REASSIGNED, null, null, true)),
					() -> registry.close(scope, h2, new CloseHousehold(CloseReason.DEATH, null)));

			assertThat(outcomes.get(0).failure()).as("round %d: the deactivation", round).isNull();
			assertThat(outcomes.get(1).failure()).as("round %d: the pairing (done or refused as inactive)", round)
				.satisfiesAnyOf(f -> assertThat(f).isNull(), f -> assertThat(f).startsWith("CONFLICT pairing.cap")
					.as("a refusal, no deadlock"), f -> assertThat(f).isEqualTo("BAD_INPUT pairing.cadre.inactive"));
			assertThat(outcomes.get(2).failure()).as("round %d: the end (done, or ended by the deactivation first)", round)
				.satisfiesAnyOf(f -> assertThat(f).isNull(), f -> assertThat(f).isEqualTo("CONFLICT pairing.end.already"));
			assertThat(outcomes.get(3).failure()).as("round %d: the closing", round).isNull();

			CadreView after = pairings.cadre(scope, cadre.id());
			assertThat(after.active()).isFalse();
			assertThat(after.activeHouseholds()).as("round %d: places held", round).isZero();
			assertThat(pairings.search(scope, cadre.id(), null, true, 50, 0)).as("round %d: active pairings", round).isEmpty();
			List<Long> unpaired = pairings.unpaired(scope, null, null, 1, 100).stream().map(UnpairedRow::householdId).toList();
			assertThat(unpaired).as("round %d: unpaired list", round).contains(h1, h3, newHousehold).doesNotContain(h2);
		}
	}

	@Test
	void deactivatingAUserWhileTheyArePairedForTheFirstTimeLeavesNoHouseholdWithAnInactiveCadre() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			long userId = fixtures.userId(fixtures.user(org.id(), Role.PAIRING_CADRE));
			long h = household();

			List<Outcome> outcomes = together(() -> users.setActive(scope, userId, false),
					() -> pairings.pair(scope, new Pair(null, userId, h, null, null, null)));

			assertThat(outcomes.get(0).failure()).as("round %d: the deactivation", round).isNull();
			assertThat(outcomes.get(1).failure()).as("round %d: the pairing (done or refused)", round)
				.satisfiesAnyOf(f -> assertThat(f).isNull(), f -> assertThat(f).isEqualTo("BAD_INPUT pairing.cadre.inactive"));
			assertThat(pairings.activePairing(scope, h)).as("round %d: the household is unpaired", round).isEmpty();
			pairings.cadreOfUser(userId).ifPresent(c -> {
				assertThat(c.active()).isFalse();
				assertThat(c.activeHouseholds()).isZero();
			});
		}
	}

	/** What one call ended with: null when it returned, else the problem and message key (or the exception). */
	record Outcome(String failure) {
	}

	@SafeVarargs
	private List<Outcome> together(Callable<?>... calls) throws Exception {
		CyclicBarrier start = new CyclicBarrier(calls.length);
		List<Future<Outcome>> futures = new ArrayList<>();
		for (Callable<?> call : calls) {
			futures.add(POOL.submit(() -> {
				start.await(10, TimeUnit.SECONDS);
				try {
					call.call();
					return new Outcome(null);
				}
				catch (BangfuException ex) {
					return new Outcome(ex.problem() + " " + ex.messageKey());
				}
				catch (RuntimeException ex) {
					return new Outcome(ex.toString());
				}
			}));
		}
		List<Outcome> outcomes = new ArrayList<>();
		for (Future<Outcome> f : futures) {
			outcomes.add(f.get(60, TimeUnit.SECONDS));
		}
		return outcomes;
	}

	private long household() {
		return PairingData.household(registry, scope, org.id()).id();
	}

}
