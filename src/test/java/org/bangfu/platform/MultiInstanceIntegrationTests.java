package org.bangfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.BangfuApplication;
import org.bangfu.identity.Users;
import org.bangfu.platform.db.LocalPostgres;
import org.bangfu.platform.jobs.JobHandler;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.platform.jobs.RecurringTask;
import org.bangfu.shared.Role;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.bangfu.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two full application instances in this JVM on one PostgreSQL, as behind a load balancer:
 * a session made on one is valid on the other (Spring Session JDBC), every job runs exactly
 * once (SKIP LOCKED), a recurring task fires once per interval across both, and the job of an
 * instance that died is taken over by a live one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiInstanceIntegrationTests {

	static final String TICK = "test.tick";

	static final String COUNT = "test.count";

	static final String RUNS = "multi_instance.test_job_run";

	/** A client without cookies: the session cookie is set by hand, to show it is the same one on both. */
	static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	ConfigurableApplicationContext a;

	ConfigurableApplicationContext b;

	JdbcClient jdbc;

	long root;

	@BeforeAll
	void startTwoInstances() throws SQLException {
		// its own schema: created before the instances start (their jobs write to it at once)
		// without making a fresh database look non-empty to Flyway
		try (Connection c = DriverManager.getConnection(TestPostgres.url(), LocalPostgres.USER, TestPostgres.server().password());
				Statement s = c.createStatement()) {
			s.execute("CREATE SCHEMA IF NOT EXISTS multi_instance");
			s.execute("CREATE TABLE IF NOT EXISTS " + RUNS + " (job_id bigint, instance text)");
		}
		a = start("A");
		b = start("B");
		jdbc = a.getBean(JdbcClient.class);
		root = jdbc.sql("SELECT id FROM organisation WHERE parent_id IS NULL ORDER BY id LIMIT 1").query(Long.class).single();
	}

	@AfterAll
	void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	@Test
	void aSessionFromOneInstanceWorksOnTheOtherAndLogoutEndsItEverywhere() throws Exception {
		String login = "multi" + System.nanoTime() % 1000000;
		a.getBean(Users.class)
			.createSystemUser(login, "多实例用户", root, EnumSet.of(Role.CASEWORKER), "Test-Pass-2026", false);
		Http onA = Http.loggedIn(port(a), login, "Test-Pass-2026");
		String session = sessionCookie(onA);

		HttpResponse<String> homeOnB = get(b, "/", session);
		assertThat(homeOnB.statusCode()).isEqualTo(200);
		assertThat(homeOnB.body()).contains("您好，多实例用户");

		Matcher csrf = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(homeOnB.body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> logout = send(HttpRequest.newBuilder(uri(b, "/logout"))
			.header("Cookie", "SESSION=" + session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf.group(1)))
			.build());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?logout"));

		HttpResponse<String> homeOnA = get(a, "/", session);
		assertThat(homeOnA.statusCode()).isEqualTo(302);
		assertThat(homeOnA.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void everyJobRunsExactlyOnceAndBothInstancesWork() {
		Jobs jobs = a.getBean(Jobs.class);
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ids.add(jobs.submit(COUNT, "{}", root, null));
		}
		await(Duration.ofSeconds(60), () -> jdbc
			.sql("SELECT count(*) FROM platform_job WHERE id IN (:ids) AND status = 'DONE'")
			.param("ids", ids)
			.query(Long.class)
			.single() == 40);

		List<Map<String, Object>> runs = jdbc.sql("SELECT job_id, count(*) AS n FROM " + RUNS + " WHERE job_id IN (:ids) "
				+ "GROUP BY job_id")
			.param("ids", ids)
			.query()
			.listOfRows();
		assertThat(runs).hasSize(40).allSatisfy(r -> assertThat(((Number) r.get("n")).longValue()).isEqualTo(1));
		List<String> instances = jdbc.sql("SELECT DISTINCT instance FROM " + RUNS + " WHERE job_id IN (:ids)")
			.param("ids", ids)
			.query(String.class)
			.list();
		assertThat(instances).containsExactlyInAnyOrder("A", "B");
	}

	@Test
	void aRecurringTaskFiresOncePerIntervalAcrossBothInstances() throws InterruptedException {
		Thread.sleep(1500); // both instances are polling the schedule by now
		long start = jdbc.sql("SELECT coalesce(max(id), 0) FROM platform_job").query(Long.class).single();
		Thread.sleep(3000);
		List<java.sql.Timestamp> fired = jdbc
			.sql("SELECT created_at FROM platform_job WHERE kind = ? AND id > ? AND created_at <= "
					+ "(SELECT min(created_at) FROM platform_job WHERE kind = ? AND id > ?) + interval '3 seconds' "
					+ "ORDER BY id")
			.params(TICK, start, TICK, start)
			.query(java.sql.Timestamp.class)
			.list();
		assertThat(fired).hasSizeBetween(2, 4);
		for (int i = 1; i < fired.size(); i++) {
			long gap = fired.get(i).getTime() - fired.get(i - 1).getTime();
			// a second fire in the same slot would come within a poll (100 ms); the margin absorbs a slow insert
			assertThat(gap).as("never twice in the same one-second slot").isGreaterThan(500);
		}
	}

	@Test
	void aJobOfAnInstanceThatDiedIsTakenOverByALiveOne() {
		long id = jdbc.sql("""
				INSERT INTO platform_job (kind, status, organisation_id, started_at, heartbeat_at, claimed_by, attempts)
				VALUES (?, 'RUNNING', ?, now() - interval '2 hours', now() - interval '1 hour', 'dead-host/0000', 1)
				RETURNING id""")
			.params(COUNT, root)
			.query(Long.class)
			.single();
		await(Duration.ofSeconds(30), () -> "DONE".equals(
				jdbc.sql("SELECT status FROM platform_job WHERE id = ?").param(id).query(String.class).single()));
		assertThat(jdbc.sql("SELECT count(*) FROM " + RUNS + " WHERE job_id = ?").param(id).query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("SELECT claimed_by FROM platform_job WHERE id = ?").param(id).query(String.class).single())
			.isNotEqualTo("dead-host/0000");
	}

	private static ConfigurableApplicationContext start(String name) {
		return new SpringApplicationBuilder(BangfuApplication.class, TestJobs.class)
			.initializers(ctx -> ctx.getBeanFactory().registerSingleton("skipTestClasses", new SkipTestClasses()))
			.run("--server.port=0", "--test.instance=" + name, "--spring.application.name=bangfu-" + name,
					"--bangfu.admin-password=" + IntegrationTest.ADMIN_PASSWORD, "--bangfu.demo-data=false",
					"--bangfu.jobs.poll-interval=100ms", "--bangfu.jobs.initial-delay=100ms",
					"--bangfu.jobs.schedule-interval=100ms", "--bangfu.jobs.heartbeat-interval=300ms");
	}

	private static int port(ConfigurableApplicationContext ctx) {
		return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
	}

	private static URI uri(ConfigurableApplicationContext ctx, String path) {
		return URI.create("http://localhost:" + port(ctx) + path);
	}

	private static String sessionCookie(Http http) {
		CookieManager cookies = (CookieManager) http.client().cookieHandler().orElseThrow();
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("SESSION"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no SESSION cookie: " + cookies.getCookieStore().getCookies()));
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext ctx, String path, String session) {
		return send(HttpRequest.newBuilder(uri(ctx, path)).header("Cookie", "SESSION=" + session).GET().build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void await(Duration timeout, BooleanSupplier done) {
		long until = System.nanoTime() + timeout.toNanos();
		while (!done.getAsBoolean()) {
			if (System.nanoTime() > until) {
				throw new AssertionError("not done within " + timeout);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/**
	 * The instances scan org.bangfu like production does; classes compiled from the test sources
	 * (other tests' configurations, fixtures) stay out. {@link TestJobs} is added as a source.
	 */
	static final class SkipTestClasses extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			try {
				return reader.getResource().getURL().toString().contains("/test-classes/");
			}
			catch (IOException ex) {
				return false;
			}
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof SkipTestClasses;
		}

		@Override
		public int hashCode() {
			return SkipTestClasses.class.hashCode();
		}

	}

	/** A job that records which instance ran it, and a task that ticks every second. */
	@TestConfiguration(proxyBeanMethods = false)
	static class TestJobs {

		@Bean
		JobHandler countingJob(JdbcClient jdbc, @Value("${test.instance}") String instance) {
			return new RecordingJob(COUNT, jdbc, instance, 30);
		}

		@Bean
		JobHandler tickJob(JdbcClient jdbc, @Value("${test.instance}") String instance) {
			return new RecordingJob(TICK, jdbc, instance, 0);
		}

		@Bean
		RecurringTask tick() {
			return new RecurringTask() {

				@Override
				public String name() {
					return "test.tick";
				}

				@Override
				public Duration interval() {
					return Duration.ofSeconds(1);
				}

				@Override
				public String jobKind() {
					return TICK;
				}

			};
		}

	}

	record RecordingJob(String kind, JdbcClient jdbc, String instance, long sleepMillis) implements JobHandler {

		@Override
		public String run(org.bangfu.platform.jobs.JobContext context) throws Exception {
			Thread.sleep(sleepMillis);
			jdbc.sql("INSERT INTO " + RUNS + " (job_id, instance) VALUES (?, ?)").params(context.jobId(), instance).update();
			context.progress(1, 1L, null);
			return instance;
		}

	}

}
