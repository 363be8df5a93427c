package org.bangfu.demo;

import org.bangfu.support.TestPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A database of its own with the demo data forced on, as a first start on the embedded default
 * would have it. Test classes extending this share one application context.
 */
abstract class DemoDatabaseTest {

	static final String PASSWORD = "Bangfu-Demo-2026";

	/** The demo users, one per role (demo.reviewer2 is a second reviewer like demo.reviewer). */
	static final java.util.List<String> DEMO_USERS = java.util.List.of("demo.caseworker", "demo.reviewer",
			"demo.approver", "demo.cadre", "demo.civil", "demo.admin", "demo.auditor", "demo.finance");

	private static final java.util.Map<String, org.bangfu.support.LinkCrawler.Result> CRAWLS = new java.util.concurrent.ConcurrentHashMap<>();

	/** What a demo user's links lead to (60 pages at most), crawled once per test run for every class of this context. */
	static org.bangfu.support.LinkCrawler.Result crawl(int port, String login) {
		return CRAWLS.computeIfAbsent(port + " " + login,
				k -> org.bangfu.support.LinkCrawler.crawl(login, org.bangfu.support.Http.loggedIn(port, login, PASSWORD), 60));
	}

	@DynamicPropertySource
	static void demoDatabase(DynamicPropertyRegistry registry) {
		TestPostgres.server().createDatabase("bangfu_demo");
		registry.add("spring.datasource.url", () -> TestPostgres.server().jdbcUrl("bangfu_demo"));
		registry.add("bangfu.demo-data", () -> "true");
	}

}
