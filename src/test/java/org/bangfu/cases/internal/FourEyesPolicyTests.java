package org.bangfu.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bangfu.shared.BangfuException;
import org.junit.jupiter.api.Test;

class FourEyesPolicyTests {

	@Test
	void thePreparerAndTheSubmitterReviewNothing() {
		assertThatThrownBy(() -> FourEyesPolicy.check(7, 7L, 3L, null)).isInstanceOf(BangfuException.class)
			.hasMessageContaining("cases.fourEyes.submitter");
		assertThatThrownBy(() -> FourEyesPolicy.check(3, 7L, 3L, null)).hasMessageContaining("cases.fourEyes.submitter");
	}

	@Test
	void whoeverDecidedTheStepBeforeDoesNotDecideThisOne() {
		assertThatThrownBy(() -> FourEyesPolicy.check(9, 7L, 7L, 9L)).hasMessageContaining("cases.fourEyes.previous");
		assertThat(FourEyesPolicy.allows(10, 7L, 7L, 9L)).isTrue();
		assertThat(FourEyesPolicy.allows(9, 7L, 7L, 9L)).isFalse();
	}

}
