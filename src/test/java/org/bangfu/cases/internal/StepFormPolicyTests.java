package org.bangfu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.bangfu.cases.Outcome;
import org.bangfu.cases.StepForm;
import org.bangfu.shared.BangfuException;
import org.junit.jupiter.api.Test;

class StepFormPolicyTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

	@Test
	void aHomeVisitPassesOnlyWithItsDateVisitorsAndFindings() {
		assertThatThrownBy(() -> StepFormPolicy.check(StepForm.INVESTIGATION, Outcome.PASS, null,
				Map.of("visitDate", "2026-11-27", "visitors", "王"), TODAY)).isInstanceOf(BangfuException.class)
			.hasMessageContaining("cases.form.text.required");
		assertThatThrownBy(() -> StepFormPolicy.check(StepForm.INVESTIGATION, Outcome.PASS, null,
				Map.of("visitDate", "2026-11-29", "visitors", "王", "findings", "x"), TODAY))
			.hasMessageContaining("cases.form.date.future");
		Map<String, Object> kept = StepFormPolicy.check(StepForm.INVESTIGATION, Outcome.PASS, null,
				Map.of("visitDate", "2026-11-27", "visitors", " 王主任 ", "findings", "属实", "other", "dropped"), TODAY);
		assertThat(kept).containsOnlyKeys("visitDate", "visitors", "findings").containsEntry("visitors", "王主任");
	}

	@Test
	void aCollectiveDecisionNeedsAttendeesAndAMajorityAndNoMoreVotesThanPeople() {
		Map<String, String> tie = Map.of("meetingDate", "2026-11-27", "attendees", "甲、乙、丙、丁", "votesFor", "2",
				"votesAgainst", "2");
		assertThatThrownBy(() -> StepFormPolicy.check(StepForm.COLLECTIVE_DECISION, Outcome.PASS, null, tie, TODAY))
			.hasMessageContaining("cases.form.votes.noMajority");
		assertThat(StepFormPolicy.check(StepForm.COLLECTIVE_DECISION, Outcome.REJECT, "否决", tie, TODAY))
			.containsEntry("votesAgainst", 2);
		Map<String, String> tooMany = Map.of("meetingDate", "2026-11-27", "attendees", "甲\n乙", "votesFor", "3");
		assertThatThrownBy(() -> StepFormPolicy.check(StepForm.COLLECTIVE_DECISION, Outcome.PASS, null, tooMany, TODAY))
			.hasMessageContaining("cases.form.votes.tooMany");
		Map<String, Object> ok = StepFormPolicy.check(StepForm.COLLECTIVE_DECISION, Outcome.PASS, null,
				Map.of("meetingDate", "2026-11-27", "attendees", "甲\n乙，丙", "votesFor", "2", "votesAbstain", "1"), TODAY);
		assertThat(ok.get("attendees")).asList().containsExactly("甲", "乙", "丙");
	}

	@Test
	void aReturnOrRejectionNeedsItsReasonAndACrossCheckDiscrepancyItsDetails() {
		assertThatThrownBy(() -> StepFormPolicy.check(StepForm.COMMENT, Outcome.RETURN, " ", Map.of(), TODAY))
			.hasMessageContaining("cases.comment.required");
		assertThat(StepFormPolicy.check(StepForm.COMMENT, Outcome.PASS, null, Map.of(), TODAY)).isEmpty();
		assertThatThrownBy(() -> StepFormPolicy.check(StepForm.CROSS_CHECK, Outcome.PASS, null,
				Map.of("result", "DISCREPANCY"), TODAY)).hasMessageContaining("cases.form.text.required");
		assertThatThrownBy(() -> StepFormPolicy.check(StepForm.CROSS_CHECK, Outcome.PASS, null, Map.of("result", "MAYBE"),
				TODAY)).hasMessageContaining("cases.form.result.invalid");
	}

}
