package org.bangfu.cases.notice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The web address printed on a notice: the configured public base URL, else the address the PDF was asked at. */
class NoticeAddressTests {

	@Test
	void theConfiguredBaseUrlWinsOverTheRequestsAndATrailingSlashIsDropped() {
		assertThat(NoticePdf.address("https://bangfu.example.cn/", "http://10.0.0.5:8080", 42))
			.isEqualTo("https://bangfu.example.cn/public/notices/42");
		assertThat(NoticePdf.address(" https://gh.example.cn/bangfu ", "http://10.0.0.5:8080", 7))
			.isEqualTo("https://gh.example.cn/bangfu/public/notices/7");
	}

	@Test
	void withoutAConfiguredBaseUrlTheRequestsAddressIsUsed() {
		assertThat(NoticePdf.address("", "http://localhost:8080/", 3)).isEqualTo("http://localhost:8080/public/notices/3");
		assertThat(NoticePdf.address(null, "http://localhost:8080", 3)).isEqualTo("http://localhost:8080/public/notices/3");
	}

}
