package org.bangfu.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.bangfu.organisation.internal.VillageImportCommand;
import org.bangfu.platform.jobs.JobView;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@Import(Fixtures.class)
class VillageImportIntegrationTests {

	static final String HEADER = "code,name,streetCode,provinceCode,cityCode,areaCode\n";

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	Jobs jobs;

	@Autowired
	Regions regions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	VillageImportCommand command;

	@TempDir
	Path temp;

	@Test
	void anUploadedFileIsImportedByAJobThatLoadsTheValidRowsAndReportsTheBadOne() throws Exception {
		byte[] file = gzip(HEADER + """
				420102002801,"测试一社区居委会",420102002,42,4201,420102
				420102002802,测试二社区居委会,420102002,42,4201,420102
				420102003801,测试三村委会,420102003,42,4201,420102
				420102999801,无主村委会,420102999,42,4201,420102
				""");
		Http admin = Http.loggedIn(port, fixtures.user(fixtures.everything().organisationId(), Role.ADMIN), Fixtures.PASSWORD);
		assertThat(admin.get("/regions/villages").body()).contains("enctype=\"multipart/form-data\"");
		HttpResponse<String> res = upload(admin, "villages.csv.gz", file);
		assertThat(res.statusCode()).isEqualTo(302);
		String location = res.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/regions/villages?job=");
		long jobId = Long.parseLong(location.substring(location.indexOf("job=") + 4));

		String page = admin.get("/regions/villages?job=" + jobId).body();
		assertThat(page).contains("导入任务已开始（任务 " + jobId + "）。").contains("<progress");
		JobView job = awaitFinished(jobId);
		assertThat(job.status()).as(job.error()).isEqualTo("DONE");

		assertThat(villages("420102002801", "420102002802", "420102003801", "420102999801"))
			.containsExactly("420102002801", "420102002802", "420102003801");
		assertThat(regions.require("420102002801").name()).isEqualTo("测试一社区居委会");
		assertThat(regions.require("420102002801").parentCode()).isEqualTo("420102002000");

		String status = admin.get("/regions/villages/jobs/" + jobId).body();
		assertThat(status).contains("已导入或更新村（社区）3 个。").contains("有 1 行未导入")
			.contains("第 5 行：代码 420102999801，街道代码 420102999 — 街道（乡镇）代码不存在")
			.contains("<progress").doesNotContain("every 2s");
	}

	@Test
	void aFileWithoutTheRequiredColumnsIsRefusedBeforeAnythingIsImported() throws Exception {
		Http admin = Http.loggedIn(port, fixtures.user(fixtures.everything().organisationId(), Role.ADMIN), Fixtures.PASSWORD);
		admin.get("/regions/villages");
		HttpResponse<String> res = upload(admin, "wrong.csv",
				"id,title,street\n420102002811,错表头,420102002\n".getBytes(StandardCharsets.UTF_8));
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(res.body()).contains("id=\"file-error\">文件第一行应包含 code、name 和 streetCode 列。</div>");
		assertThat(villages("420102002811")).isEmpty();
	}

	@Test
	void onlyAdministratorsMayImport() {
		Http caseworker = Http.loggedIn(port, fixtures.user(fixtures.organisation("街道").id(), Role.CASEWORKER), Fixtures.PASSWORD);
		assertThat(caseworker.get("/regions/villages").statusCode()).isEqualTo(403);
	}

	@Test
	void theCommandImportsAPlainCsvAndPrintsTheCounts() throws IOException {
		Path csv = temp.resolve("villages.csv");
		Files.writeString(csv, "\uFEFF" + HEADER + """
				420102004801,命令一村,420102004,42,4201,420102
				420102004802,命令二村,420102004,42,4201,420102
				4201020048,短代码村,420102004,42,4201,420102
				""");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = command.execute(List.of("regions", "import-villages", csv.toString()),
				List.of("regions", "import-villages", csv.toString()), new PrintStream(out, true, StandardCharsets.UTF_8));
		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(exit).as(printed).isZero();
		assertThat(printed).contains("导入完成：导入或更新 2 行，未导入 1 行。").contains("村级代码应为 12 位数字");
		assertThat(villages("420102004801", "420102004802")).hasSize(2);

		Files.writeString(csv, HEADER + "420102004801,改名村,420102004,42,4201,420102\n");
		out.reset();
		List<String> args = List.of("regions", "import-villages", csv.toString());
		assertThat(command.execute(args, List.of("regions", "import-villages", csv.toString(), "--lang=en"),
				new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Import finished: 1 rows imported or updated, 0 rows not imported.");
		assertThat(regions.require("420102004801").name()).isEqualTo("改名村");
	}

	@Test
	void theCommandRefusesAFileWithoutTheRequiredColumns() throws IOException {
		Path csv = temp.resolve("bad.csv");
		Files.writeString(csv, "code,title\n420102005801,x\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<String> args = List.of("regions", "import-villages", csv.toString());
		assertThat(command.execute(args, args, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("文件第一行应包含 code、name 和 streetCode 列。");
		assertThat(villages("420102005801")).isEmpty();
		assertThat(command.execute(List.of("regions", "import-villages"), List.of(), new PrintStream(out))).isEqualTo(2);
	}

	private List<String> villages(String... codes) {
		return jdbc.sql("SELECT code FROM organisation_region WHERE level = 5 AND code IN (:codes) ORDER BY code")
			.param("codes", List.of(codes))
			.query(String.class)
			.list();
	}

	private JobView awaitFinished(long id) throws InterruptedException {
		for (int i = 0; i < 150; i++) {
			JobView job = jobs.find(id).orElseThrow();
			if (job.finished()) {
				return job;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("job " + id + " did not finish");
	}

	@Test
	void theApiImportsAVillageFileForAdministratorsOfTheRootOnly() throws Exception {
		byte[] file = (HEADER + "420102002803,接口测试社区,420102002,42,4201,420102\n").getBytes(StandardCharsets.UTF_8);
		Http root = Http.basic(port, fixtures.user(fixtures.everything().organisationId(), Role.ADMIN), Fixtures.PASSWORD);
		HttpResponse<String> res = apiUpload(root, file);
		assertThat(res.statusCode()).as(res.body()).isEqualTo(202);
		java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"jobId\":(\\d+)").matcher(res.body());
		assertThat(id.find()).as(res.body()).isTrue();
		JobView job = awaitFinished(Long.parseLong(id.group(1)));
		assertThat(job.status()).as(job.error()).isEqualTo("DONE");
		assertThat(regions.require("420102002803").name()).isEqualTo("接口测试社区");
		assertThat(apiUpload(root, "code,name\n1,x\n".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);

		Http countyAdmin = Http.basic(port, fixtures.user(fixtures.organisation("村级接口").id(), Role.ADMIN),
				Fixtures.PASSWORD);
		assertThat(apiUpload(countyAdmin, file).statusCode()).isEqualTo(403);
	}

	static HttpResponse<String> apiUpload(Http http, byte[] content) throws IOException {
		String boundary = "----bangfu" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.csv\""
				+ "\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(http.request("/api/v1/regions/villages")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	static HttpResponse<String> upload(Http http, String filename, byte[] content) throws IOException {
		String boundary = "----bangfu" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + http.csrf() + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(http.request("/regions/villages")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
			gz.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
