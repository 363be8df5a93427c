package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.platform.files.FileStore;
import org.bangfu.platform.jobs.JobView;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports of the register as background jobs (issue 19): asked for on the list page or the API,
 * written by a job, downloaded by the user who asked and nobody else, each download audited; a
 * direct download beyond its limit points to the job; an expired file says so.
 */
@IntegrationTest
class HouseholdExportJobIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	HouseholdExportJobs exportJobs;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Jobs jobs;

	@Autowired
	FileStore files;

	@Autowired
	JdbcClient jdbc;

	OrganisationView org;

	List<String> ids;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("后台导出工会");
		Scope scope = new Scope(org.id(), fixtures.everything().path() + org.id() + "/");
		java.time.LocalDate today = registry.today();
		ids = List.of(Households.idNumber(today.minusYears(41), true), Households.idNumber(today.minusYears(47), false),
				Households.idNumber(today.minusYears(58), true));
		ids.forEach(id -> registry.file(scope, Households.headOnly(id)));
	}

	@Test
	void theApiQueuesTheExportAndOnlyTheRequesterDownloadsItAudited() throws Exception {
		String login = fixtures.user(org.id(), Role.CASEWORKER);
		Http api = Http.basic(port, login, Fixtures.PASSWORD);
		long jobsBefore = exportJobsQueued();
		HttpResponse<String> noPurpose = api.json("POST", "/api/v1/households/exports?format=csv", "");
		assertThat(noPurpose.statusCode()).as(noPurpose.body()).isEqualTo(400);
		assertThat(noPurpose.body()).contains("purpose").contains("须填写用途");
		assertThat(exportJobsQueued()).isEqualTo(jobsBefore);

		HttpResponse<String> queued = api.json("POST", "/api/v1/households/exports?format=csv&status=FILED&purpose="
				+ URLEncoder.encode("报县总工会复核", StandardCharsets.UTF_8), "");
		assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
		JsonNode body = JSON.readTree(queued.body());
		long job = body.path("jobId").asLong();
		assertThat(body.path("status").asString()).isEqualTo("/api/v1/jobs/" + job);
		// the filters are not readable in the job table (they may hold an ID number or a phone)
		assertThat(jdbc.sql("SELECT payload FROM platform_job WHERE id = ?").param(job).query(String.class).single())
			.doesNotContain("FILED");
		assertThat(await(job).status()).isEqualTo("DONE");
		JsonNode result = JSON.readTree(JSON.readTree(api.get("/api/v1/jobs/" + job).body()).path("result").asString());
		assertThat(result.path("households").asLong()).isEqualTo(3);
		assertThat(result.path("download").asString()).isEqualTo("/households/exports/" + job + "/file");

		HttpResponse<byte[]> file = api.getBytes(body.path("file").asString());
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("households-").contains(".csv");
		List<CSVRecord> rows = HouseholdExportIntegrationTests.csv(file.body());
		assertThat(rows).hasSize(4);
		assertThat(rows.stream().skip(1).map(r -> r.get(TemplateColumn.ID_NUMBER.ordinal())).toList())
			.containsExactlyInAnyOrderElementsOf(ids);
		assertThat(audits("household.export.download", login)).isEqualTo(1);
		assertThat(audits("household.export", login)).isEqualTo(1);

		Http colleague = Http.basic(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		HttpResponse<byte[]> theirs = colleague.getBytes("/api/v1/households/exports/" + job + "/file");
		assertThat(theirs.statusCode()).isEqualTo(404);
		assertThat(new String(theirs.body(), StandardCharsets.UTF_8)).contains("不是您发起的");

		String key = jdbc.sql("SELECT file_key FROM registry_export WHERE job_id = ?").param(job).query(String.class).single();
		files.delete(key);
		HttpResponse<byte[]> expired = api.getBytes("/api/v1/households/exports/" + job + "/file");
		assertThat(expired.statusCode()).isEqualTo(404);
		assertThat(new String(expired.body(), StandardCharsets.UTF_8)).contains("已过保留期");
		assertThat(audits("household.export.download", login)).isEqualTo(1);
	}

	@Test
	void aMaskedReaderGetsAMaskedFileAndADirectDownloadBeyondItsLimitPointsToTheJob() throws Exception {
		String login = fixtures.user(org.id(), Role.AUDITOR);
		Http api = Http.basic(port, login, Fixtures.PASSWORD);
		HttpResponse<String> queued = api.json("POST", "/api/v1/households/exports?format=csv", "");
		assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
		long job = JSON.readTree(queued.body()).path("jobId").asLong();
		assertThat(await(job).status()).isEqualTo("DONE");
		String text = new String(api.getBytes("/api/v1/households/exports/" + job + "/file").body(), StandardCharsets.UTF_8);
		assertThat(ids).allSatisfy(id -> assertThat(text).doesNotContain(id).contains(id.substring(0, 6) + "********"));

		exportJobs.setDirectMaxHouseholds(2);
		try {
			HttpResponse<byte[]> direct = api.getBytes("/api/v1/households/export?format=csv");
			assertThat(direct.statusCode()).isEqualTo(409);
			assertThat(new String(direct.body(), StandardCharsets.UTF_8)).contains("直接下载最多 2 户");
			assertThat(api.getBytes("/api/v1/households/export?format=csv&idNumber=" + ids.get(0)).statusCode())
				.isEqualTo(200);
		}
		finally {
			exportJobs.setDirectMaxHouseholds(10_000);
		}
	}

	@Test
	void theListPageRunsTheExportAsAJobWhosePageOffersTheDownload() throws Exception {
		Http page = Http.loggedIn(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		assertThat(page.get("/households?status=FILED").body()).contains("action=\"/households/exports\"")
			.contains("method=\"post\"");
		HttpResponse<String> refused = page.form("/households/exports", Map.of("format", "xlsx", "status", "FILED"));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/households?status=FILED");

		HttpResponse<String> queued = page.form("/households/exports",
				Map.of("format", "xlsx", "status", "FILED", "purpose", "年终核对"));
		assertThat(queued.statusCode()).isEqualTo(302);
		String jobPage = queued.headers().firstValue("Location").orElseThrow();
		long job = Long.parseLong(jobPage.replaceAll(".*/jobs/", ""));
		assertThat(await(job).status()).isEqualTo("DONE");
		String shown = page.get("/jobs/" + job).body();
		assertThat(shown).contains("id=\"job-download\"").contains("href=\"/households/exports/" + job + "/file\"")
			.contains("下载文件");
		HttpResponse<byte[]> file = page.getBytes("/households/exports/" + job + "/file");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(HouseholdExportIntegrationTests.xlsx(file.body())).hasSize(4);
	}

	private long exportJobsQueued() {
		return jdbc.sql("SELECT count(*) FROM platform_job WHERE kind = ?").param(HouseholdExportJobs.JOB_KIND)
			.query(Long.class).single();
	}

	private long audits(String action, String login) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND actor_login = ?")
			.params(action, login)
			.query(Long.class)
			.single();
	}

	private JobView await(long job) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			JobView v = jobs.find(job).orElseThrow();
			if (v.status().equals("DONE") || v.status().equals("FAILED")) {
				return v;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job " + job + " did not finish");
	}

}
