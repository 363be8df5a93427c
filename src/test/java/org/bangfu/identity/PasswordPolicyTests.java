package org.bangfu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Locale;

import org.bangfu.shared.BangfuException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

	static final String LOGIN = "zhangsan";

	@Test
	void anyPasswordShorterThanTenCharactersIsRefused() {
		qt().forAll(strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(0, 9))
			.checkAssert(p -> assertRefused(p, "password.tooShort"));
	}

	@Test
	void anyPasswordOfTenOrMoreWithThreeClassesNotContainingTheLoginIsAccepted() {
		qt().forAll(strings().betweenCodePoints(0x21, 0x7E).ofLengthBetween(10, 128))
			.assuming(p -> classes(p) >= 3 && !p.toLowerCase(Locale.ROOT).contains(LOGIN))
			.checkAssert(p -> assertThatCode(() -> PasswordPolicy.check(LOGIN, p)).doesNotThrowAnyException());
	}

	@Test
	void twoClassesAreNotEnough() {
		assertRefused("abcdefghij12", "password.tooSimple");
		assertRefused("ABCDEFGH!!", "password.tooSimple");
		assertRefused("中文密码中文密码中文", "password.tooSimple");
	}

	@Test
	void tenCharactersWithThreeClassesAreEnough() {
		assertThatCode(() -> PasswordPolicy.check(LOGIN, "Abcdefgh12")).doesNotThrowAnyException();
		assertThatCode(() -> PasswordPolicy.check(LOGIN, "abcdefg-12")).doesNotThrowAnyException();
	}

	@Test
	void thePasswordMustNotContainTheLoginInAnyCase() {
		assertRefused("X1-ZhangSan-9", "password.containsLogin");
	}

	@Test
	void overlongPasswordsAreRefused() {
		assertRefused("Aa1-".repeat(33), "password.tooLong");
	}

	@Test
	void theErrorConcernsThePasswordField() {
		assertThatThrownBy(() -> PasswordPolicy.check(LOGIN, "short"))
			.isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.field()).isEqualTo("password"));
	}

	private static void assertRefused(String password, String key) {
		assertThatThrownBy(() -> PasswordPolicy.check(LOGIN, password))
			.isInstanceOfSatisfying(BangfuException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo(key));
	}

	private static int classes(String p) {
		int n = 0;
		n += p.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		n += p.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		n += p.chars().anyMatch(Character::isDigit) ? 1 : 0;
		n += p.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		return n;
	}

}
