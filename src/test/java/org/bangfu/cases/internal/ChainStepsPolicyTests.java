package org.bangfu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.cases.CaseType;
import org.bangfu.cases.ChainStepView;
import org.bangfu.cases.ChecklistItem;
import org.bangfu.cases.DocumentKind;
import org.bangfu.cases.DocumentRule;
import org.bangfu.cases.Outcome;
import org.bangfu.cases.StepForm;
import org.bangfu.cases.StepLevel;
import org.bangfu.shared.Role;
import org.junit.jupiter.api.Test;

class ChainStepsPolicyTests {

	static ChainStepView step(StepForm form, Outcome... outcomes) {
		return new ChainStepView(0, 1, "s", "审核", "Review", Role.REVIEWER, StepLevel.ANY, null, 5, true, form, List.of(),
				List.of(outcomes));
	}

	@Test
	void aChainHasOneToTwentyStepsEachAllowingPass() {
		assertThatNoException().isThrownBy(() -> ChainStepsPolicy.check(List.of(step(StepForm.COMMENT, Outcome.PASS, Outcome.REJECT))));
		assertThatThrownBy(() -> ChainStepsPolicy.check(List.of())).hasMessageContaining("cases.chain.steps.empty");
		List<ChainStepView> many = new ArrayList<>();
		for (int i = 0; i <= ChainStepsPolicy.MAX_STEPS; i++) {
			many.add(step(StepForm.COMMENT, Outcome.PASS));
		}
		assertThatThrownBy(() -> ChainStepsPolicy.check(many)).hasMessageContaining("cases.chain.steps.tooMany");
		assertThatThrownBy(() -> ChainStepsPolicy.check(List.of(step(StepForm.COMMENT, Outcome.RETURN))))
			.hasMessageContaining("cases.step.outcomes.pass");
	}

	@Test
	void atMostOneNoticeStepAndItOnlyPasses() {
		assertThatThrownBy(() -> ChainStepsPolicy.check(List.of(step(StepForm.NOTICE, Outcome.PASS), step(StepForm.NOTICE, Outcome.PASS))))
			.hasMessageContaining("cases.chain.steps.oneNotice");
		assertThatThrownBy(() -> ChainStepsPolicy.check(List.of(step(StepForm.NOTICE, Outcome.PASS, Outcome.RETURN))))
			.hasMessageContaining("cases.step.noticeOutcomes");
	}

	@Test
	void aChecklistItemBindsCasesOpenedFromItsDateOnAndOnlyWhenRequired() {
		Instant added = Instant.parse("2026-11-01T00:00:00Z");
		ChecklistItem item = new ChecklistItem(CaseType.ASSISTANCE, DocumentKind.OTHER, DocumentRule.AT_LEAST_ONE, true, added);
		assertThat(item.appliesTo(added.minusSeconds(1))).isFalse();
		assertThat(item.appliesTo(added)).isTrue();
		assertThat(item.appliesTo(added.plusSeconds(1))).isTrue();
		assertThat(new ChecklistItem(CaseType.ASSISTANCE, DocumentKind.OTHER, DocumentRule.AT_LEAST_ONE, false, null)
			.appliesTo(added)).isFalse();
	}

}
