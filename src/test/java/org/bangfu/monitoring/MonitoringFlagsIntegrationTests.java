package org.bangfu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bangfu.cases.WorkingCalendar;
import org.bangfu.identification.Places;
import org.bangfu.identification.RuleSetView;
import org.bangfu.identification.RuleSets;
import org.bangfu.identification.TestResult;
import org.bangfu.monitoring.MonitoredHouseholds.ListKind;
import org.bangfu.monitoring.internal.MonitoringRuleSet;
import org.bangfu.shared.BangfuException;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monitoring rule set flags each kind at its boundary (a fen below the line flagged, on the
 * line not), a sibling organisation's households are neither flagged by the run nor listed; leads,
 * measures within the organisation's deadline and the overdue list; viewing a household's
 * monitoring is audited.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, MonitoringWorld.class })
class MonitoringFlagsIntegrationTests {

	@Autowired
	MonitoringWorld world;

	@Autowired
	MonitoredHouseholds households;

	@Autowired
	MonitoringMeasures measures;

	@Autowired
	MonitoringSettings settings;

	@Autowired
	RuleSets ruleSets;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theShippedMonitoringRuleSetPassesItsCasesAndFlagsEachKindAtItsBoundaryInScopeOnly() {
		RuleSetView rs = ruleSets.list(fixtures.everything()).stream()
			.filter(r -> r.code().equals(MonitoringRuleSet.CODE) && r.active())
			.findFirst()
			.orElseThrow();
		List<TestResult> results = ruleSets.runTests(fixtures.everything(), rs.id(), Locale.SIMPLIFIED_CHINESE);
		assertThat(results).hasSizeGreaterThanOrEqualTo(9).allMatch(TestResult::passed);

		MonitoringWorld.World w = world.world("监测规则");
		String t = w.place().township();
		long belowLine = world.household(w, t, "462.49"); // 5,549.88 a year: a fen a month below the line
		long onLine = world.household(w, t, "462.50"); // 5,550.00: on the line, not at risk
		long exitedBelow = world.household(w, t, "400");
		world.exited(exitedBelow);
		long sudden = world.household(w, t, "1000"); // 12,000 a year, sudden costs 12,000.01
		world.suddenCost(w, sudden, "12000.01");
		long suddenEqual = world.household(w, t, "1000"); // costs equal to the income: stable, not sudden
		world.suddenCost(w, suddenEqual, "12000.00");
		MonitoringWorld.World sibling = world.world("监测规则-兄弟机构");
		long siblingBelow = world.household(sibling, sibling.place().township(), "100");

		var result = world.run(w);
		assertThat(result.newFlags()).isEqualTo(3);
		Map<Long, FlagView> flagged = byHousehold(households.list(w.scope(), ListKind.FLAGGED, 1));
		assertThat(flagged).containsOnlyKeys(belowLine, exitedBelow, sudden);
		assertThat(flagged.get(belowLine).kind()).isEqualTo(MonitoredKind.MARGINAL);
		assertThat(flagged.get(exitedBelow).kind()).isEqualTo(MonitoredKind.UNSTABLE);
		assertThat(flagged.get(sudden).kind()).isEqualTo(MonitoredKind.SUDDEN);
		assertThat(flagged.values()).allMatch(f -> f.source() == LeadSource.RULES);
		assertThat(households.list(sibling.scope(), ListKind.FLAGGED, 1)).isEmpty();

		// a second run flags nobody twice; the sibling's own run sees only its household
		assertThat(world.run(w).newFlags()).isZero();
		world.run(sibling);
		assertThat(byHousehold(households.list(sibling.scope(), ListKind.FLAGGED, 1))).containsOnlyKeys(siblingBelow);
		assertThat(byHousehold(households.list(w.scope(), ListKind.FLAGGED, 1))).doesNotContainKey(siblingBelow);
		assertThatThrownBy(() -> households.household(sibling.scope(), belowLine)).isInstanceOf(BangfuException.class);
	}

	@Test
	void aLeadGetsTheOrganisationsDeadlineAndIsOverdueUntilAMeasureIsRecorded() {
		MonitoringWorld.World w = world.world("监测措施");
		String t = w.place().township();
		org.bangfu.shared.Actor admin = world.actor(w.place(), org.bangfu.shared.Role.ADMIN);
		MonitoringWorld.as(admin, () -> settings.save(admin, 3, false, 5));
		long family = world.household(w, t, "2000");
		long flagId = MonitoringWorld.as(w.caseworker(),
				() -> households.addLead(w.scope(), new NewLead(family, MonitoredKind.SUDDEN, LeadSource.FAMILY, "家中失火")));
		FlagView flag = households.flag(w.scope(), flagId);
		assertThat(flag.measureDue()).isEqualTo(world.today().plusDays(3));
		assertThat(flag.note()).isEqualTo("家中失火");
		assertThatThrownBy(() -> households.addLead(w.scope(), new NewLead(family, MonitoredKind.MARGINAL, LeadSource.VISIT, null)))
			.isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.messageKey()).isEqualTo("monitoring.lead.alreadyMonitored"));

		// in working days: five of them from today
		MonitoringWorld.as(admin, () -> settings.save(admin, 5, true, 5));
		long visit = world.household(w, t, "2000");
		long visitFlag = MonitoringWorld.as(w.caseworker(),
				() -> households.addLead(w.scope(), new NewLead(visit, MonitoredKind.MARGINAL, LeadSource.VISIT, null)));
		assertThat(households.flag(w.scope(), visitFlag).measureDue()).isEqualTo(calendar.addWorkingDays(world.today(), 5))
			.isAfterOrEqualTo(world.today().plusDays(5));

		// the lead of the family was raised ten days ago: its deadline passed without a measure
		jdbc.sql("UPDATE monitoring_flag SET flagged_on = ?, measure_due = ? WHERE id = ?")
			.params(world.today().minusDays(10), world.today().minusDays(7), flagId).update();
		assertThat(byHousehold(households.list(w.scope(), ListKind.OVERDUE, 1))).containsOnlyKeys(family);
		assertThatThrownBy(() -> MonitoringWorld.as(w.caseworker(), () -> measures.record(w.scope(), flagId,
				new NewMeasure(MeasureKind.RELIEF, " ", world.today(), null, true))))
			.isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.field()).isEqualTo("responsible"));
		MonitoringWorld.as(w.caseworker(), () -> measures.record(w.scope(), flagId,
				new NewMeasure(MeasureKind.RELIEF, "王社工", world.today(), "临时救助 2,000 元", true)));
		assertThat(households.list(w.scope(), ListKind.OVERDUE, 1)).isEmpty();
		assertThat(byHousehold(households.list(w.scope(), ListKind.FLAGGED, 1)).get(family).carriedOut()).isEqualTo(1);

		long audits = auditRows(w.caseworker().login(), family);
		HouseholdMonitoring seen = MonitoringWorld.as(w.caseworker(), () -> households.household(w.scope(), family));
		assertThat(seen.measures()).extracting(MeasureView::responsible).containsExactly("王社工");
		assertThat(auditRows(w.caseworker().login(), family)).isEqualTo(audits + 1);
	}

	private long auditRows(String login, long household) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE actor_login = ? AND action = 'monitoring.household.view' AND object_id = ?")
			.params(login, Long.toString(household))
			.query(Long.class)
			.single();
	}

	static Map<Long, FlagView> byHousehold(List<FlagView> flags) {
		return flags.stream().collect(Collectors.toMap(FlagView::householdId, Function.identity()));
	}

}
