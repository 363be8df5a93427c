package org.bangfu.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.bangfu.crosscheck.CrossCheckWorld;
import org.bangfu.identification.Batches;
import org.bangfu.identification.Places;
import org.bangfu.identification.Population;
import org.bangfu.monitoring.MonitoringWorld;
import org.bangfu.programs.RosterWorld;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test of the whole application on a real PostgreSQL (started by {@link TestPostgres}),
 * served on a random port. The administrator's password is {@link #ADMIN_PASSWORD}.
 * <p>
 * Every test class with this annotation shares one application context: the test-data builders are
 * imported here, and a class that imports some of them again keeps the same set (Spring keys the
 * context on the union of the imports). A class that needs other beans or properties starts a
 * context of its own, so do that only when a test cannot do without it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestPostgres.class)
@Import({ Fixtures.class, Places.class, Population.class, Batches.class, RosterWorld.class, MonitoringWorld.class,
		CrossCheckWorld.class })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "bangfu.admin-password=" + IntegrationTest.ADMIN_PASSWORD, "bangfu.demo-data=false",
				"bangfu.jobs.poll-interval=200ms", "bangfu.jobs.initial-delay=200ms",
				"bangfu.security.bcrypt-strength=4" })
public @interface IntegrationTest {

	String ADMIN_PASSWORD = "Bangfu-Root-2026";

}
