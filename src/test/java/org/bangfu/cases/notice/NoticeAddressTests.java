package org.bangfu.cases.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The web address printed on a notice: the configured public base URL, or none at all (never the
 * address a request was made at, whose Host header the client chooses).
 */
class NoticeAddressTests {

	@Test
	void theConfiguredBaseUrlIsPrintedWithoutATrailingSlash() {
		assertThat(NoticePdf.address("https://bangfu.example.cn/", 42)).hasValue("https://bangfu.example.cn/public/notices/42");
		assertThat(NoticePdf.address(" https://gh.example.cn/bangfu ", 7)).hasValue("https://gh.example.cn/bangfu/public/notices/7");
	}

	@Test
	void withoutAConfiguredBaseUrlNoAddressIsPrinted() {
		assertThat(NoticePdf.address("", 3)).isEmpty();
		assertThat(NoticePdf.address(null, 3)).isEmpty();
	}

}
