package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import over the API: upload (202 with the import and job ids), status with counts and the
 * first problems in the caller's language, the error report; refusals as problem details; roles
 * and organisation scope.
 */
@ImportIntegrationTest
class HouseholdImportApiIntegrationTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdImports imports;

	@Autowired
	JdbcClient jdbc;

	OrganisationView org;

	Http caseworker;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("接口导入");
		caseworker = Http.basic(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
	}

	@Test
	void anUploadIsAcceptedImportedByAJobAndReportsCountsProblemsAndTheErrorReport() throws Exception {
		TemplateFile file = new TemplateFile();
		file.household("API-1", 2);
		file.household("API-2", 1).get(0).put(TemplateColumn.PHONE, "12345");
		HttpResponse<String> res = new Multipart().field("existing", "skip").file("api.csv", file.csv())
			.post(caseworker.language("en"), "/api/v1/households/import");
		assertThat(res.statusCode()).as(res.body()).isEqualTo(202);
		JsonNode accepted = JSON.readTree(res.body());
		long id = accepted.path("id").asLong();
		assertThat(accepted.path("jobId").asLong()).isPositive();
		assertThat(res.headers().firstValue("Location")).hasValue("/api/v1/households/imports/" + id);

		JsonNode done = awaitFinished(caseworker, id);
		assertThat(done.path("status").asString()).isEqualTo("DONE");
		assertThat(done.path("householdsFiled").asLong()).isEqualTo(1);
		assertThat(done.path("householdsRejected").asLong()).isEqualTo(1);
		assertThat(done.path("rowsRead").asLong()).isEqualTo(3);
		assertThat(done.path("rowsAccepted").asLong()).isEqualTo(2);
		assertThat(done.path("rowsRejected").asLong()).isEqualTo(1);
		assertThat(done.path("percent").asInt()).isEqualTo(100);
		JsonNode issue = done.path("issues").get(0);
		assertThat(issue.path("row").asLong()).isEqualTo(4);
		assertThat(issue.path("column").asString()).isEqualTo("联系电话");
		assertThat(issue.path("message").asString()).startsWith("Phone \"12345\" is not valid");
		String report = done.path("errorReport").asString();
		assertThat(report).isEqualTo("/api/v1/households/imports/" + id + "/report");

		HttpResponse<byte[]> xlsx = caseworker.getBytes(report);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("import-" + id + "-errors.xlsx");
		List<List<String>> lines = ImportResults.report(new ByteArrayInputStream(xlsx.body()));
		assertThat(ImportResults.rejectedRows(lines)).containsExactly(4L);
		assertThat(lines.get(1).get(lines.get(0).size() - 1)).startsWith("Row 4: 联系电话: Phone \"12345\"");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'household.import.report' AND object_id = ?")
			.param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);

		JsonNode job = JSON.readTree(caseworker.get("/api/v1/jobs/" + accepted.path("jobId").asLong()).body());
		assertThat(job.path("status").asString()).isEqualTo("DONE");
		assertThat(job.path("progressDone").asLong()).isEqualTo(3);
		assertThat(job.path("progressTotal").asLong()).isEqualTo(3);
	}

	@Test
	void theUpdateChoiceAndTheTargetOrganisationAreTakenFromTheRequest() throws Exception {
		OrganisationView child = fixtures.organisationUnder(org.id(), "下级工会");
		TemplateFile file = new TemplateFile();
		file.household("UP-1", 1);
		JsonNode first = JSON.readTree(new Multipart().field("organisationId", Long.toString(child.id()))
			.file("a.csv", file.csv()).post(caseworker, "/api/v1/households/import").body());
		assertThat(awaitFinished(caseworker, first.path("id").asLong()).path("householdsFiled").asLong()).isEqualTo(1);
		file.rows().get(0).put(TemplateColumn.MONTHLY_INCOME, "999");
		JsonNode second = JSON.readTree(new Multipart().field("organisationId", Long.toString(child.id()))
			.field("existing", "update").file("a.csv", file.csv()).post(caseworker, "/api/v1/households/import").body());
		JsonNode done = awaitFinished(caseworker, second.path("id").asLong());
		assertThat(done.path("existing").asString()).isEqualTo("UPDATE");
		assertThat(done.path("householdsUpdated").asLong()).isEqualTo(1);
		assertThat(done.path("organisationName").asString()).isEqualTo(child.name());
	}

	@Test
	void badFilesAreRefusedAtOnceAsProblemDetails() {
		HttpResponse<String> fake = new Multipart().file("fake.xlsx", "not a workbook".getBytes())
			.post(caseworker.language("zh-CN"), "/api/v1/households/import");
		assertThat(fake.statusCode()).isEqualTo(400);
		assertThat(fake.body()).contains("这不是有效的 Excel 工作簿");
		byte[] big = new byte[(int) ImportIntegrationTest.MAX_FILE_SIZE + 10];
		java.util.Arrays.fill(big, (byte) 'a');
		HttpResponse<String> oversize = new Multipart().file("big.csv", big).post(caseworker, "/api/v1/households/import");
		assertThat(oversize.statusCode()).isEqualTo(413);
		assertThat(oversize.body()).contains("最大允许 8 MB");
		HttpResponse<String> headerOnly = new Multipart()
			.file("h.csv", (String.join(",", TemplateColumn.headers()) + "\r\n").getBytes())
			.post(caseworker, "/api/v1/households/import");
		assertThat(headerOnly.statusCode()).isEqualTo(400);
		assertThat(headerOnly.body()).contains("文件只有表头");
		HttpResponse<String> mode = new Multipart().field("existing", "merge").file("a.csv", new TemplateFile().csv())
			.post(caseworker, "/api/v1/households/import");
		assertThat(mode.statusCode()).isEqualTo(400);
		assertThat(imports.recent(new Scope(org.id(), org.path()), 10)).isEmpty();
	}

	@Test
	void onlyRolesThatMayFileHouseholdsImportAndOnlyIntoTheirOwnSubtree() throws Exception {
		TemplateFile file = new TemplateFile();
		file.household("R-1", 1);
		Http auditor = Http.basic(port, fixtures.user(org.id(), Role.AUDITOR), Fixtures.PASSWORD);
		assertThat(new Multipart().file("a.csv", file.csv()).post(auditor, "/api/v1/households/import").statusCode())
			.isEqualTo(403);
		Http cadre = Http.basic(port, fixtures.user(org.id(), Role.PAIRING_CADRE), Fixtures.PASSWORD);
		assertThat(new Multipart().file("a.csv", file.csv()).post(cadre, "/api/v1/households/import").statusCode())
			.isEqualTo(403);
		OrganisationView sibling = fixtures.organisation("兄弟工会");
		assertThat(new Multipart().field("organisationId", Long.toString(sibling.id())).file("a.csv", file.csv())
			.post(caseworker, "/api/v1/households/import").statusCode()).isEqualTo(404);
		long id = JSON.readTree(new Multipart().file("a.csv", file.csv()).post(caseworker, "/api/v1/households/import")
			.body()).path("id").asLong();
		awaitFinished(caseworker, id);
		Http stranger = Http.basic(port, fixtures.user(sibling.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		assertThat(stranger.get("/api/v1/households/imports/" + id).statusCode()).isEqualTo(404);
		assertThat(auditor.get("/api/v1/households/imports/" + id).statusCode()).isEqualTo(200);
		assertThat(auditor.getBytes("/api/v1/households/imports/" + id + "/report").statusCode()).isEqualTo(403);
		assertThat(caseworker.getBytes("/api/v1/households/imports/" + id + "/report").statusCode()).isEqualTo(404);
	}

	@Test
	void theImportIsDocumentedInOpenApi() {
		String docs = Http.browser(port).get("/v3/api-docs").body();
		assertThat(docs).contains("/api/v1/households/import").contains("/api/v1/households/imports/{id}")
			.contains("/api/v1/households/imports/{id}/report");
	}

	static JsonNode awaitFinished(Http http, long id) throws InterruptedException {
		for (int i = 0; i < 300; i++) {
			HttpResponse<String> res = http.get("/api/v1/households/imports/" + id);
			JsonNode node = JSON.readTree(res.body());
			if (node.path("finished").asBoolean()) {
				return node;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("import " + id + " did not finish");
	}

}
