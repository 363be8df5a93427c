package org.bangfu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/** The lock lasts bangfu.security.lockout-duration and then lifts by itself. */
@IntegrationTest
@Import(Fixtures.class)
@TestPropertySource(properties = "bangfu.security.lockout-duration=2s")
class LockoutExpiryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Test
	void aLockedAccountUnlocksItselfWhenTheLockoutDurationHasPassed() throws InterruptedException {
		String login = fixtures.user(fixtures.organisation("短锁工会").id(), Role.CASEWORKER);
		LockoutIntegrationTests.failFiveTimes(port, login);
		assertThat(LockoutIntegrationTests.location(Http.browser(port).login(login, Fixtures.PASSWORD)))
			.endsWith("/login?error=locked");

		Thread.sleep(2500);

		Http.loggedIn(port, login, Fixtures.PASSWORD);
		assertThat(Http.basic(port, login, Fixtures.PASSWORD).get("/api/v1/me").statusCode()).isEqualTo(200);
	}

}
