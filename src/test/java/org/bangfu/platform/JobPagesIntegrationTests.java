package org.bangfu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The jobs pages and API show a user the jobs of their organisation subtree with progress; the
 * detail page polls while a job runs and stops when it has finished. Jobs are written straight
 * into the table in given states (kinds without handlers are never claimed by a worker).
 */
@IntegrationTest
@Import(Fixtures.class)
class JobPagesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	String caseworker;

	long running;

	long done;

	long foreign;

	String foreignKind;

	@BeforeEach
	void jobs() {
		OrganisationView mine = fixtures.organisation("任务街道工会");
		OrganisationView theirs = fixtures.organisation("任务邻街工会");
		caseworker = fixtures.user(mine.id(), Role.CASEWORKER);
		running = insert("regions.import-villages", "RUNNING", mine.id(), 30, 120L, null, null);
		done = insert("test.unnamed-kind", "DONE", mine.id(), 5, 5L, "导入 5 条", null);
		foreignKind = "test.foreign-" + System.nanoTime();
		foreign = insert(foreignKind, "FAILED", theirs.id(), 0, null, null, "boom");
	}

	@Test
	void theListShowsKindStatusProgressRateAndResult() {
		HttpResponse<String> page = Http.loggedIn(port, caseworker, Fixtures.PASSWORD).get("/jobs");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("导入村级区划")
			.contains("test.unnamed-kind")
			.contains("运行中")
			.contains("已完成")
			.contains("<progress class=\"job-progress\" max=\"120\" value=\"30\">")
			.contains("30 / 120")
			.contains("条/秒")
			.contains("导入 5 条")
			.doesNotContain(foreignKind)
			.doesNotContain("style=\"");
	}

	@Test
	void theDetailPollsEveryTwoSecondsOnlyWhileTheJobRuns() {
		Http browser = Http.loggedIn(port, caseworker, Fixtures.PASSWORD);
		HttpResponse<String> runningPage = browser.get("/jobs/" + running);
		assertThat(runningPage.statusCode()).isEqualTo(200);
		assertThat(runningPage.body()).contains("hx-trigger=\"every 2s\"")
			.contains("hx-get=\"/jobs/" + running + "/progress\"")
			.contains("25%");
		assertThat(browser.get("/jobs/" + running + "/progress").body()).contains("hx-trigger=\"every 2s\"")
			.doesNotContain("<html");

		jdbc.sql("UPDATE platform_job SET status = 'DONE', progress_done = 120, finished_at = now(), result = '120 个村' "
				+ "WHERE id = ?").param(running).update();
		HttpResponse<String> finished = browser.get("/jobs/" + running + "/progress");
		assertThat(finished.body()).doesNotContain("hx-trigger").contains("120 个村").contains("已完成");
		assertThat(browser.get("/jobs/" + done).body()).doesNotContain("hx-trigger").contains("导入 5 条");
	}

	@Test
	void aJobOutsideTheScopeIsNotFound() {
		Http browser = Http.loggedIn(port, caseworker, Fixtures.PASSWORD);
		assertThat(browser.get("/jobs/" + foreign).statusCode()).isEqualTo(404);
		assertThat(browser.get("/jobs/" + foreign + "/progress").statusCode()).isEqualTo(404);
		HttpResponse<String> api = Http.basic(port, caseworker, Fixtures.PASSWORD).get("/api/v1/jobs/" + foreign);
		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
		assertThat(api.body()).contains("找不到任务 " + foreign);
	}

	@Test
	void theApiShowsJobsWithTheirProgress() {
		Http api = Http.basic(port, caseworker, Fixtures.PASSWORD);
		HttpResponse<String> one = api.get("/api/v1/jobs/" + running);
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(one.body()).contains("\"kind\":\"regions.import-villages\"")
			.contains("\"status\":\"RUNNING\"")
			.contains("\"progressTotal\":120")
			.contains("\"percent\":25")
			.contains("\"finished\":false");
		HttpResponse<String> list = api.get("/api/v1/jobs");
		assertThat(list.body()).contains("\"id\":" + running + ",").contains("\"id\":" + done + ",")
			.doesNotContain(foreignKind);
	}

	private long insert(String kind, String status, long organisationId, long progressDone, Long total,
			String result, String error) {
		return jdbc.sql("""
				INSERT INTO platform_job (kind, status, organisation_id, started_at, heartbeat_at, claimed_by,
				                          progress_done, progress_total, result, error, finished_at)
				VALUES (?, ?, ?, now() - interval '10 seconds', now(), 'elsewhere', ?, ?, ?, ?,
				        CASE WHEN ? IN ('DONE', 'FAILED') THEN now() END)
				RETURNING id""")
			.params(kind, status, organisationId, progressDone, total, result, error, status)
			.query(Long.class)
			.single();
	}

}
