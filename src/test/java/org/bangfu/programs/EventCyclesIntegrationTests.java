package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.bangfu.programs.internal.EventCycles;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BusinessClock;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An orange heat warning declared for a township proposes a cycle of the shipped event program
 * (plan 2, 200 per person) restricted to that township: its roster holds only households there;
 * the same event delivered again opens nothing more.
 */
@IntegrationTest
@Import({ Fixtures.class, RosterWorld.class })
class EventCyclesIntegrationTests {

	@Autowired
	RosterWorld world;

	@Autowired
	Rosters rosters;

	@Autowired
	Events events;

	@Autowired
	EventCycles eventCycles;

	@Autowired
	BusinessClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aHeatWarningProposesARegionRestrictedCycleOnce() throws Exception {
		RosterWorld.World w = world.world("高温预警发放");
		RosterWorld.World elsewhere = new RosterWorld.World(w.place(), w.scope(), w.place().otherTownship(), w.finance(),
				w.approver(), w.approver2());
		LocalDate today = clock.today();
		HouseholdView in = world.file(w, List.of(Category.DIBAO), true,
				RosterWorld.member("吴炎夏", today.minusYears(70), Relation.HEAD, Employment.UNABLE, "0", Health.CHRONIC, null),
				RosterWorld.member("郑秋凉", today.minusYears(68), Relation.SPOUSE, Employment.UNABLE, "0", Health.CHRONIC, null));
		HouseholdView out = world.file(elsewhere, List.of(Category.DIBAO), true,
				RosterWorld.member("冯远方", today.minusYears(66), Relation.HEAD, Employment.UNABLE, "0", Health.CHRONIC, null));

		EventView e = events.declare(w.finance(), new EventDeclaration(EventKind.HEAT_ORANGE, null, List.of(w.region()),
				today, today.plusDays(3), null, null));
		CycleView c = awaitCycle(w, e.id());
		assertThat(c.programCode()).isEqualTo("plan2-heat-warning");
		assertThat(c.label()).contains("高温橙色预警慰问金", "高温橙色预警");
		assertThat(c.from()).isEqualTo(today);
		assertThat(c.to()).isEqualTo(today.plusDays(3));
		assertThat(c.payDate()).isEqualTo(today);
		assertThat(c.organisationId()).isEqualTo(w.place().organisation().id());
		assertThat(rosters.regions(w.scope(), c.id())).containsExactly(w.region());
		assertThat(rosters.proposedBy(w.scope(), e.id())).extracting(CycleView::id).containsExactly(c.id());

		long job = RosterWorld.as(w.finance(), () -> rosters.generate(w.scope(), c.id()));
		world.waitFor(job);
		List<RosterLineView> lines = world.lines(w, c.id());
		assertThat(lines).extracting(RosterLineView::payeeName).containsExactlyInAnyOrder("吴炎夏", "郑秋凉");
		assertThat(lines).allMatch(l -> l.householdId() == in.id() && l.amountFen() == 200_00);
		assertThat(lines).noneMatch(l -> l.householdId() == out.id());

		// the same event delivered again opens nothing more
		assertThat(eventCycles.propose(new EventDeclared(e.id(), EventKind.HEAT_ORANGE, List.of(w.region()), today,
				today.plusDays(3), w.place().organisation().id()))).isEmpty();
		assertThat(jdbc.sql("SELECT count(*) FROM programs_cycle WHERE period_key = ?").param("event-" + e.id())
			.query(Long.class).single()).isEqualTo(1);
		// a cold wave is not a heat warning: the cold-wave program proposes, the heat program does not
		EventView cold = events.declare(w.finance(), new EventDeclaration(EventKind.COLD_WAVE_ORANGE, null,
				List.of(w.region()), today, today.plusDays(1), null, null));
		assertThat(awaitCycle(w, cold.id()).programCode()).isEqualTo("plan2-cold-wave-warning");
	}

	private CycleView awaitCycle(RosterWorld.World w, long eventId) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			Optional<CycleView> c = rosters.proposedBy(w.scope(), eventId).stream().findFirst();
			if (c.isPresent()) {
				return c.get();
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no cycle proposed for event " + eventId);
	}

}
