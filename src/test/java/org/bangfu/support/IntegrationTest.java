package org.bangfu.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test of the whole application on a real PostgreSQL (started by {@link TestPostgres}),
 * served on a random port. The administrator's password is {@link #ADMIN_PASSWORD}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestPostgres.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bangfu.admin-password=" + IntegrationTest.ADMIN_PASSWORD, "bangfu.demo-data=false",
				"bangfu.jobs.poll-interval=200ms", "bangfu.jobs.initial-delay=200ms",
				"bangfu.security.bcrypt-strength=4" })
public @interface IntegrationTest {

	String ADMIN_PASSWORD = "Bangfu-Root-2026";

}
