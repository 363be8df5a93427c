package org.bangfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.bangfu.BangfuApplication;
import org.bangfu.platform.db.DatabaseAvailability;
import org.bangfu.platform.db.LocalPostgres;
import org.bangfu.platform.jobs.JobContext;
import org.bangfu.platform.jobs.JobHandler;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.support.IntegrationTest;
import org.bangfu.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL restarts under a running instance (issue 16, high): while it is down readiness
 * says so and pages fail fast; once it is back, the job that was running when the connection
 * died is requeued and finishes, and a job queued afterwards runs (no slot was lost). The
 * database is a PostgreSQL server of this test class alone, so no other test sees the outage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageIntegrationTests {

	static final String HOLDING = "test.outage.holding";

	static final String QUICK = "test.outage.quick";

	/** The holding job's first run has its transaction open; the test then stops the database. */
	static final CountDownLatch HOLDING_STARTED = new CountDownLatch(1);

	static final CountDownLatch DATABASE_STOPPED = new CountDownLatch(1);

	static final HttpClient CLIENT = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	Path bin;

	Path dir;

	int pgPort;

	LocalPostgres server;

	ConfigurableApplicationContext app;

	@BeforeAll
	void start() throws IOException {
		bin = LocalPostgres.findBinaries().orElseThrow();
		dir = TestPostgres.throwawayDirectory("bangfu-outage-pg");
		pgPort = LocalPostgres.freePort();
		server = LocalPostgres.start(bin, dir.resolve("data"), pgPort);
		server.createDatabase("bangfu_outage");
		app = new SpringApplicationBuilder(BangfuApplication.class, OutageJobs.class)
			.initializers(ctx -> ctx.getBeanFactory()
				.registerSingleton("skipTestClasses", new MultiInstanceIntegrationTests.SkipTestClasses()))
			.run("--server.port=0", "--spring.datasource.url=" + server.jdbcUrl("bangfu_outage"),
					"--spring.datasource.username=" + LocalPostgres.USER, "--spring.datasource.password=" + server.password(),
					"--bangfu.admin-password=" + IntegrationTest.ADMIN_PASSWORD, "--bangfu.demo-data=false",
					"--bangfu.files.dir=" + dir.resolve("files"), "--bangfu.jobs.poll-interval=100ms",
					"--bangfu.jobs.initial-delay=100ms", "--bangfu.jobs.heartbeat-interval=300ms",
					"--bangfu.jobs.stale-after=5s", "--bangfu.security.bcrypt-strength=4");
	}

	@AfterAll
	void stop() {
		if (app != null) {
			app.close();
		}
		if (server != null) {
			server.destroy(dir.resolve("data"));
		}
		TestPostgres.deleteQuietly(dir);
	}

	@Test
	void afterARestartOfTheDatabaseTheRunningJobIsRetriedAndNewJobsRun() throws Exception {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		Jobs jobs = app.getBean(Jobs.class);
		long root = jdbc.sql("SELECT id FROM organisation WHERE parent_id IS NULL").query(Long.class).single();
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		long holding = jobs.submit(HOLDING, "{}", root, null);
		assertThat(HOLDING_STARTED.await(30, TimeUnit.SECONDS)).isTrue();

		server.close();
		DATABASE_STOPPED.countDown();
		// polls, heartbeats and the holding job's end all fail meanwhile; the probe sees the outage within seconds
		await(Duration.ofSeconds(15), () -> !app.getBean(DatabaseAvailability.class).up());

		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
		long before = System.nanoTime();
		HttpResponse<String> login = get("/login");
		assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
		assertThat(login.statusCode()).isEqualTo(503);
		assertThat(login.body()).contains("数据库暂时无法访问");

		server = LocalPostgres.start(bin, dir.resolve("data"), pgPort);
		await(Duration.ofSeconds(30), () -> get("/actuator/health/readiness").statusCode() == 200);

		long queued = jobs.submit(QUICK, "{}", root, null);
		await(Duration.ofSeconds(60), () -> "DONE".equals(status(jdbc, queued)) && "DONE".equals(status(jdbc, holding)));
		assertThat(jdbc.sql("SELECT attempts FROM platform_job WHERE id = ?").param(holding).query(Integer.class).single())
			.isEqualTo(2);
		assertThat(get("/login").statusCode()).isEqualTo(200);
	}

	private static String status(JdbcClient jdbc, long id) {
		return jdbc.sql("SELECT status FROM platform_job WHERE id = ?").param(id).query(String.class).single();
	}

	private HttpResponse<String> get(String path) {
		int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		try {
			return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.timeout(Duration.ofSeconds(30))
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void await(Duration timeout, BooleanSupplier done) throws InterruptedException {
		long until = System.nanoTime() + timeout.toNanos();
		while (!quietly(done)) {
			if (System.nanoTime() > until) {
				throw new AssertionError("not done within " + timeout);
			}
			Thread.sleep(200);
		}
	}

	private static boolean quietly(BooleanSupplier done) {
		try {
			return done.getAsBoolean();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** A job that, the first time, holds a transaction open across the outage; and a quick one. */
	@TestConfiguration(proxyBeanMethods = false)
	static class OutageJobs {

		@Bean
		JobHandler holdingJob(JdbcClient jdbc, TransactionTemplate tx) {
			AtomicBoolean first = new AtomicBoolean(true);
			return new JobHandler() {

				@Override
				public String kind() {
					return HOLDING;
				}

				@Override
				public String run(JobContext context) {
					if (!first.getAndSet(false)) {
						return "second run";
					}
					return tx.execute(status -> {
						jdbc.sql("SELECT txid_current()").query(Long.class).single();
						HOLDING_STARTED.countDown();
						try {
							DATABASE_STOPPED.await(60, TimeUnit.SECONDS);
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
						return jdbc.sql("SELECT 'first run'").query(String.class).single();
					});
				}

			};
		}

		@Bean
		JobHandler quickJob() {
			return new JobHandler() {

				@Override
				public String kind() {
					return QUICK;
				}

				@Override
				public String run(JobContext context) {
					return "quick";
				}

			};
		}

	}

}
