package org.bangfu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTests {

	@Test
	void mobileNumbersShowFirstThreeAndLastFour() {
		assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
	}

	@Test
	void landlinesKeepTheAreaCode() {
		assertThat(Masking.phone("010-12345678")).isEqualTo("010-****5678");
	}

	@Test
	void bankAccountsShowOnlyTheLastFour() {
		assertThat(Masking.account("6222021234567890123")).isEqualTo("***************0123");
	}

	@Test
	void emptyStaysEmpty() {
		assertThat(Masking.phone(null)).isNull();
		assertThat(Masking.phone("")).isEmpty();
	}

}
