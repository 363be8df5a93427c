package org.bangfu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bangfu.identification.Places;
import org.bangfu.monitoring.MonitoredHouseholds.ListKind;
import org.bangfu.programs.EventDeclaration;
import org.bangfu.programs.EventKind;
import org.bangfu.programs.EventView;
import org.bangfu.programs.Events;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leaving monitoring needs six consecutive months above the line now (a dip within them blocks,
 * one seven months back does not) and a measure carried out, and someone else's approval; a
 * disaster screening lists the filed, exited and monitored households of the event's regions only,
 * and relief granted first is reviewed by someone else.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, MonitoringWorld.class })
class MonitoringLeavingAndScreeningIntegrationTests {

	@Autowired
	MonitoringWorld world;

	@Autowired
	MonitoredHouseholds households;

	@Autowired
	MonitoringMeasures measures;

	@Autowired
	DisasterScreenings screenings;

	@Autowired
	Events events;

	@Autowired
	JdbcClient jdbc;

	@Test
	void leavingNeedsSixStableMonthsAMeasureCarriedOutAndFourEyes() {
		MonitoringWorld.World w = world.world("消除风险");
		String t = w.place().township();
		Actor cw = w.caseworker();
		// six months a fen above 462.50, nothing before
		long stable = world.household(w, t, "462.51", "462.51", "462.51", "462.51", "462.51", "462.51");
		// a dip to the line in the third month
		long dip = world.household(w, t, "1000", "1000", "462.50", "1000", "1000", "1000", "1000");
		// a dip seven months back: the last six are stable
		long oldDip = world.household(w, t, "1000", "1000", "1000", "1000", "1000", "1000", "0");
		Map<Long, Long> flags = Map.of(stable, lead(w, stable), dip, lead(w, dip), oldDip, lead(w, oldDip));

		assertRefused(() -> MonitoringWorld.as(cw, () -> measures.proposeLeave(w.scope(), flags.get(stable), null)),
				"monitoring.leave.noMeasure");
		measure(w, flags.get(stable), false);
		assertRefused(() -> MonitoringWorld.as(cw, () -> measures.proposeLeave(w.scope(), flags.get(stable), null)),
				"monitoring.leave.noMeasure");
		measure(w, flags.get(stable), true);
		measure(w, flags.get(dip), true);
		measure(w, flags.get(oldDip), true);
		assertRefused(() -> MonitoringWorld.as(cw, () -> measures.proposeLeave(w.scope(), flags.get(dip), null)),
				"monitoring.leave.notStable");

		world.run(w);
		assertThat(households.list(w.scope(), ListKind.READY, 1)).extracting(FlagView::householdId)
			.containsExactlyInAnyOrder(stable, oldDip);

		MonitoringWorld.as(cw, () -> measures.proposeLeave(w.scope(), flags.get(stable), "收入稳定"));
		assertRefused(() -> MonitoringWorld.as(cw, () -> measures.approveLeave(w.scope(), flags.get(stable))),
				"monitoring.leave.fourEyes");
		FlagView left = MonitoringWorld.as(w.reviewer(), () -> measures.approveLeave(w.scope(), flags.get(stable)));
		assertThat(left.status()).isEqualTo("LEFT");
		assertThat(left.leftBy()).isEqualTo(w.reviewer().login());
		assertThat(households.list(w.scope(), ListKind.LEFT, 1)).extracting(FlagView::householdId).containsExactly(stable);
		assertThat(households.list(w.scope(), ListKind.READY, 1)).extracting(FlagView::householdId).containsExactly(oldDip);
		assertThat(households.list(w.scope(), ListKind.FLAGGED, 1)).extracting(FlagView::householdId)
			.containsExactlyInAnyOrder(dip, oldDip);
	}

	@Test
	void aScreeningListsTheFiledExitedAndMonitoredHouseholdsOfTheEventsRegionsOnly() {
		MonitoringWorld.World w = world.world("灾后排查");
		String hit = w.place().township();
		String spared = w.place().otherTownship();
		long filed = world.household(w, hit, "3000");
		long exited = world.household(w, hit, "3000");
		world.exited(exited);
		long monitored = world.household(w, hit, "3000");
		lead(w, monitored);
		long closed = world.household(w, hit, "3000");
		jdbc.sql("UPDATE registry_household SET status = 'CLOSED', close_reason = 'TRANSFER' WHERE id = ?").param(closed).update();
		long elsewhere = world.household(w, spared, "3000");
		MonitoringWorld.World sibling = world.world("灾后排查-兄弟机构");
		world.household(sibling, sibling.place().township(), "3000");

		Actor admin = world.actor(w.place(), Role.ADMIN);
		EventView flood = MonitoringWorld.as(admin, () -> events.declare(admin, new EventDeclaration(EventKind.FLOOD, null,
				List.of(hit), world.today(), world.today().plusDays(2), "洪涝", null)));
		ScreeningView s = MonitoringWorld.as(w.caseworker(), () -> screenings.start(w.caseworker(), flood.id()));
		Map<Long, String> listed = screenings.households(w.scope(), s.id(), null).stream()
			.collect(Collectors.toMap(ScreeningRow::householdId, ScreeningRow::reason));
		assertThat(listed).containsExactlyInAnyOrderEntriesOf(Map.of(filed, "FILED", exited, "EXITED", monitored, "MONITORED"));
		assertThat(listed).doesNotContainKeys(closed, elsewhere);
		assertThat(s.visitDue()).isEqualTo(world.today().plusDays(7));
		assertThat(s.eventName()).contains("洪");

		MonitoringWorld.asDo(w.caseworker(), () -> screenings.recordVisit(w.scope(), s.id(), exited, "房屋受损"));
		assertThat(screenings.households(w.scope(), s.id(), false)).extracting(ScreeningRow::householdId)
			.containsExactlyInAnyOrder(filed, monitored);
		assertThat(screenings.get(w.scope(), s.id()).visited()).isEqualTo(1);
		assertThatThrownBy(() -> screenings.get(sibling.scope(), s.id())).isInstanceOf(BangfuException.class);

		// relief first: a bad amount writes nothing; the one who granted cannot review it
		assertRefusedField(() -> MonitoringWorld.as(w.caseworker(),
				() -> screenings.grantRelief(w.scope(), exited, s.id(), new BigDecimal("1.234"), null)), "amount");
		assertThat(screenings.reliefs(w.scope(), false)).isEmpty();
		long relief = MonitoringWorld.as(w.caseworker(),
				() -> screenings.grantRelief(w.scope(), exited, s.id(), new BigDecimal("800"), "先行发放"));
		assertThat(screenings.reliefs(w.scope(), true)).extracting(ReliefView::amount).containsExactly(new BigDecimal("800.00"));
		assertRefused(() -> MonitoringWorld.as(w.caseworker(), () -> screenings.reviewRelief(w.scope(), relief, true, null)),
				"monitoring.relief.fourEyes");
		ReliefView reviewed = MonitoringWorld.as(w.reviewer(), () -> screenings.reviewRelief(w.scope(), relief, true, "情况属实"));
		assertThat(reviewed.reviewOutcome()).isEqualTo("CONFIRMED");
		assertThat(reviewed.grantedBy()).isEqualTo(w.caseworker().login());
		assertThat(reviewed.reviewedBy()).isEqualTo(w.reviewer().login());
		assertThat(screenings.reliefs(w.scope(), true)).isEmpty();
		assertThat(screenings.reliefs(sibling.scope(), false)).isEmpty();
	}

	private long lead(MonitoringWorld.World w, long household) {
		return MonitoringWorld.as(w.caseworker(),
				() -> households.addLead(w.scope(), new NewLead(household, MonitoredKind.MARGINAL, LeadSource.VISIT, null)));
	}

	private void measure(MonitoringWorld.World w, long flag, boolean carriedOut) {
		MonitoringWorld.as(w.caseworker(), () -> measures.record(w.scope(), flag,
				new NewMeasure(MeasureKind.EMPLOYMENT, "李干部", world.today(), null, carriedOut)));
	}

	private static void assertRefused(Runnable work, String key) {
		assertThatThrownBy(work::run).isInstanceOfSatisfying(BangfuException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo(key));
	}

	private static void assertRefusedField(Runnable work, String field) {
		assertThatThrownBy(work::run).isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.field()).isEqualTo(field));
	}

}
