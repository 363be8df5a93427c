package org.bangfu.cases.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameMaskingPolicyTests {

	@Test
	void keepsTheFirstAndLastCharacter() {
		assertThat(NameMaskingPolicy.mask("张三丰")).isEqualTo("张*丰");
		assertThat(NameMaskingPolicy.mask("张三")).isEqualTo("张*");
		assertThat(NameMaskingPolicy.mask("欧阳小明")).isEqualTo("欧**明");
		assertThat(NameMaskingPolicy.mask("李")).isEqualTo("*");
		assertThat(NameMaskingPolicy.mask(" 王五 ")).isEqualTo("王*");
		assertThat(NameMaskingPolicy.mask(null)).isEmpty();
	}

}
