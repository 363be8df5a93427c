package org.bangfu.cases.internal;

import java.util.List;

import org.bangfu.cases.ChainStepView;
import org.bangfu.cases.Outcome;
import org.bangfu.cases.StepForm;
import org.bangfu.shared.BangfuException;

/**
 * What makes a chain's steps valid: at least one step and at most {@value #MAX_STEPS}, each
 * allowing "pass", at most one public-notice step, which allows only "pass" (an upheld objection
 * returns the case instead).
 */
public final class ChainStepsPolicy {

	public static final int MAX_STEPS = 20;

	private ChainStepsPolicy() {
	}

	public static void check(List<ChainStepView> steps) {
		if (steps.isEmpty()) {
			throw BangfuException.badField("steps", "cases.chain.steps.empty");
		}
		if (steps.size() > MAX_STEPS) {
			throw BangfuException.badField("steps", "cases.chain.steps.tooMany", MAX_STEPS);
		}
		if (steps.stream().filter(s -> s.form() == StepForm.NOTICE).count() > 1) {
			throw BangfuException.badField("form", "cases.chain.steps.oneNotice");
		}
		for (ChainStepView s : steps) {
			if (s.name() == null || s.name().isBlank() || s.nameEn() == null || s.nameEn().isBlank()) {
				throw BangfuException.badField("name", "cases.step.name.required");
			}
			if (s.outcomes().isEmpty()) {
				throw BangfuException.badField("outcomes", "cases.step.outcomes.required");
			}
			if (s.form() == StepForm.NOTICE && !s.outcomes().equals(List.of(Outcome.PASS))) {
				throw BangfuException.badField("outcomes", "cases.step.noticeOutcomes");
			}
			if (!s.outcomes().contains(Outcome.PASS)) {
				throw BangfuException.badField("outcomes", "cases.step.outcomes.pass");
			}
		}
	}

}
