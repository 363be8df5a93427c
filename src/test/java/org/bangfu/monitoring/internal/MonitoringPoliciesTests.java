package org.bangfu.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.bangfu.monitoring.FlagView;
import org.bangfu.monitoring.LeadSource;
import org.bangfu.monitoring.MonitoredKind;
import org.junit.jupiter.api.Test;

/** The monitored kind from the rules' outcome and the file's status; who may leave monitoring and when. */
class MonitoringPoliciesTests {

	static final LocalDate DAY = LocalDate.of(2026, 6, 1);

	@Test
	void theKindDependsOnTheOutcomeAndWhetherTheHouseholdHasExited() {
		assertThat(MonitoredKindPolicy.kind("AT_RISK", "EXITED")).contains(MonitoredKind.UNSTABLE);
		assertThat(MonitoredKindPolicy.kind("AT_RISK", "FILED")).contains(MonitoredKind.MARGINAL);
		assertThat(MonitoredKindPolicy.kind("SUDDEN", "EXITED")).contains(MonitoredKind.SUDDEN);
		assertThat(MonitoredKindPolicy.kind("SUDDEN", "FILED")).contains(MonitoredKind.SUDDEN);
		assertThat(MonitoredKindPolicy.kind("STABLE", "FILED")).isEmpty();
		assertThat(MonitoredKindPolicy.kind("NONE", "EXITED")).isEmpty();
		assertThat(MonitoredKindPolicy.kind("UNDECIDED", "FILED")).isEmpty();
		assertThat(MonitoredKindPolicy.kind("AT_RISK", "DRAFT")).isEmpty();
		assertThat(MonitoredKindPolicy.kind("SUDDEN", "CLOSED")).isEmpty();
	}

	@Test
	void leavingNeedsAMeasureCarriedOutStabilityAndAnotherApprover() {
		FlagView none = flag("OPEN", 1, 0, null);
		FlagView done = flag("OPEN", 2, 1, null);
		assertThat(LeavingPolicy.canPropose(none, true)).isEqualTo("monitoring.leave.noMeasure");
		assertThat(LeavingPolicy.canPropose(done, false)).isEqualTo("monitoring.leave.notStable");
		assertThat(LeavingPolicy.canPropose(done, true)).isNull();
		assertThat(LeavingPolicy.canPropose(flag("LEFT", 2, 1, "a"), true)).isEqualTo("monitoring.leave.notOpen");
		assertThat(LeavingPolicy.canApprove(done, true, "b")).isEqualTo("monitoring.leave.notProposed");
		FlagView proposed = flag("OPEN", 2, 1, "a");
		assertThat(LeavingPolicy.canApprove(proposed, true, "a")).isEqualTo("monitoring.leave.fourEyes");
		assertThat(LeavingPolicy.canApprove(proposed, true, "b")).isNull();
		assertThat(LeavingPolicy.canApprove(proposed, false, "b")).as("a dip since the proposal")
			.isEqualTo("monitoring.leave.notStable");
	}

	@Test
	void aFlagIsOverdueOnlyAfterItsDeadlineWithoutAnyMeasure() {
		FlagView f = flag("OPEN", 0, 0, null);
		assertThat(f.overdue(DAY.plusDays(10))).isFalse();
		assertThat(f.overdue(DAY.plusDays(11))).isTrue();
		assertThat(flag("OPEN", 1, 0, null).overdue(DAY.plusDays(30))).as("a measure recorded, not yet carried out").isFalse();
	}

	private static FlagView flag(String status, int measures, int carriedOut, String proposedBy) {
		return new FlagView(1, 2, "F-1", "户主", "420102001000", "机构", MonitoredKind.MARGINAL, LeadSource.VISIT, null, DAY,
				DAY.plusDays(10), status, true, DAY, measures, carriedOut, proposedBy, null, null, null,
				"LEFT".equals(status) ? DAY : null);
	}

}
