package org.bangfu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bangfu.platform.StartupProblem;
import org.bangfu.platform.StartupProblemFailureAnalyzer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * A first start with a BANGFU_ADMIN_PASSWORD that breaks the password rules stops with a sentence
 * in both languages saying why and what to do, not with a message key and a stack trace.
 */
class FirstStartPasswordTests {

	static FirstStart withPassword(String password) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/identity");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new FirstStart(null, null, null, messages, password);
	}

	@Test
	void aChosenPasswordContainingTheLoginStopsTheStartWithBothReasonsAndWhatToDo() {
		assertThatThrownBy(() -> withPassword("Admin-Pass-2026!").checkChosen("Admin-Pass-2026!"))
			.isInstanceOfSatisfying(StartupProblem.class, ex -> {
				assertThat(ex.getMessage()).contains("BANGFU_ADMIN_PASSWORD")
					.contains("密码不能包含用户名")
					.contains("must not contain the login")
					.doesNotContain("password.containsLogin");
				assertThat(ex.action()).contains("至少 10 个字符").contains("at least 10 characters");
				// as Spring Boot reports a failed start: the problem found under the exception that ended it
				FailureAnalysis analysis = new StartupProblemFailureAnalyzer()
					.analyze(new IllegalStateException("start failed", ex));
				assertThat(analysis.getDescription()).isEqualTo(ex.getMessage());
				assertThat(analysis.getAction()).isEqualTo(ex.action());
			});
	}

	@Test
	void aShortPasswordIsRefusedAndAGoodOneAccepted() {
		assertThatThrownBy(() -> withPassword("Ab1!").checkChosen("Ab1!")).isInstanceOf(StartupProblem.class);
		assertThatCode(() -> withPassword("Bangfu-Root-2026").checkChosen("Bangfu-Root-2026")).doesNotThrowAnyException();
	}

}
