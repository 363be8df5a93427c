package org.bangfu.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.shared.Role;
import org.junit.jupiter.api.Test;

class UserListFilterTests {

	@Test
	void pageSizeIsOneOfTheOfferedSizesAndNeverMoreThanAHundred() {
		assertThat(UserListFilter.of(null, null, null, null, null, "50").size()).isEqualTo(50);
		assertThat(UserListFilter.of(null, null, null, null, null, "100000").size()).isEqualTo(100);
		assertThat(UserListFilter.of(null, null, null, null, null, "7").size()).isEqualTo(20);
		assertThat(UserListFilter.of(null, null, null, null, null, "-5").size()).isEqualTo(20);
		assertThat(UserListFilter.of(null, null, null, null, null, null).size()).isEqualTo(20);
	}

	@Test
	void badValuesAreIgnoredRatherThanFailingThePage() {
		UserListFilter f = UserListFilter.of("  ", "abc", "KING", "maybe", "0", "x");
		assertThat(f.q()).isNull();
		assertThat(f.org()).isNull();
		assertThat(f.role()).isNull();
		assertThat(f.active()).isNull();
		assertThat(f.page()).isEqualTo(1);
		assertThat(f.filtered()).isFalse();
	}

	@Test
	void linksKeepEveryFilterAndEncodeText() {
		UserListFilter f = UserListFilter.of("张 三", "12", "AUDITOR", "false", "3", "50");
		assertThat(f.role()).isEqualTo(Role.AUDITOR);
		assertThat(f.offset()).isEqualTo(100);
		assertThat(f.url(4)).isEqualTo("/users?q=%E5%BC%A0+%E4%B8%89&org=12&role=AUDITOR&active=false&size=50&page=4");
		assertThat(UserListFilter.of(null, null, null, null, null, null).url(1)).isEqualTo("/users");
	}

	@Test
	void pagesAreCountedFromTheTotal() {
		UserListFilter f = UserListFilter.of(null, null, null, null, null, "10");
		assertThat(f.pages(0)).isEqualTo(1);
		assertThat(f.pages(10)).isEqualTo(1);
		assertThat(f.pages(11)).isEqualTo(2);
	}

}
