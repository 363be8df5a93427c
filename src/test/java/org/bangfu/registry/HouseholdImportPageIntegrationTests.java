package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.platform.CommandLine;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import page (upload form, progress part polled by htmx, counts, problems, report) and the
 * command line ({@code import households FILE --org CODE}), both over the same import code.
 */
@ImportIntegrationTest
class HouseholdImportPageIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdImports imports;

	@Autowired
	List<CommandLine.Command> commands;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	OrganisationView org;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("页面导入");
	}

	@Test
	void aCaseworkerUploadsThroughThePageAndSeesProgressCountsProblemsAndTheReport() throws Exception {
		Http page = Http.loggedIn(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		assertThat(page.get("/households").body()).contains("href=\"/households/import\"");
		String form = page.get("/households/import").body();
		assertThat(form).contains("enctype=\"multipart/form-data\"").contains("name=\"existing\"")
			.contains("value=\"" + org.id() + "\"");
		TemplateFile file = new TemplateFile();
		file.household("PAGE-1", 2);
		file.household("PAGE-2", 1).get(0).put(TemplateColumn.SEX, "女");
		HttpResponse<String> res = new Multipart().field("_csrf", page.csrf())
			.field("organisationId", Long.toString(org.id()))
			.field("existing", "SKIP")
			.file("页面.csv", file.csv())
			.post(page, "/households/import");
		assertThat(res.statusCode()).as(res.body()).isEqualTo(302);
		String location = res.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		String detail = page.get("/households/import/" + id).body();
		assertThat(detail).contains("已开始导入“页面.csv”").contains("id=\"import-status\"");
		ImportView done = awaitFinished(id);
		assertThat(done.householdsFiled()).isEqualTo(1);

		String status = page.get("/households/import/" + id + "/status").body();
		assertThat(status).doesNotContain("hx-trigger")
			.contains("新建档 1 户，更新 0 户，无变化 0 户，已建档跳过 0 户，拒绝 1 户。")
			.contains("id=\"rows-accepted\">2<")
			.contains("id=\"rows-rejected\">1<")
			.contains("性别“女”与身份证号不符")
			.contains("href=\"/households/import/" + id + "/report\"");
		HttpResponse<byte[]> report = page.getBytes("/households/import/" + id + "/report");
		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(ImportResults.rejectedRows(ImportResults.report(new java.io.ByteArrayInputStream(report.body()))))
			.containsExactly(4L);
		assertThat(page.get("/households/import").body()).contains("页面.csv");
	}

	@Test
	void theFormSaysWhatIsWrongWithAFileItCannotTakeAndWhoMayNotUseIt() {
		Http page = Http.loggedIn(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		page.get("/households/import");
		HttpResponse<String> res = new Multipart().field("_csrf", page.csrf())
			.file("坏.xlsx", "just text".getBytes(StandardCharsets.UTF_8))
			.post(page, "/households/import");
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(res.body()).contains("id=\"file-error\"").contains("这不是有效的 Excel 工作簿");
		page.get("/households/import");
		HttpResponse<String> none = new Multipart().field("_csrf", page.csrf()).post(page, "/households/import");
		assertThat(none.body()).contains("文件是空的");
		Http auditor = Http.loggedIn(port, fixtures.user(org.id(), Role.AUDITOR), Fixtures.PASSWORD);
		assertThat(auditor.get("/households/import").statusCode()).isEqualTo(403);
		assertThat(auditor.get("/households").body()).doesNotContain("href=\"/households/import\"");
	}

	@Test
	void theCommandLineImportsAFilePrintingProgressAndTheSummary() throws Exception {
		TemplateFile file = new TemplateFile();
		file.household("CLI-1", 3);
		file.household("CLI-2", 1).get(0).put(TemplateColumn.MONTHLY_INCOME, "-1");
		Path csv = file.write(dir, "cli.csv", file.gbk());
		CommandLine.Command command = command();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int code = command.execute(List.of("import", "households", csv.toString(), org.code()),
				List.of("import", "households", csv.toString(), "--org", org.code()), new PrintStream(out, true, "UTF-8"));
		String printed = out.toString(StandardCharsets.UTF_8);
		assertThat(code).as(printed).isEqualTo(3);
		assertThat(printed).contains("已读 0/4 行").contains("已读 4/4 行：接受 3，拒绝 1，跳过 0")
			.contains("导入完成：新建档 1 户，更新 0 户，无变化 0 户，跳过 0 户，拒绝 1 户（1 行）。")
			.contains("第 5 行 月收入: 金额不能为负数：“-1”")
			.contains("错误报告：");
		assertThat(new ImportResults(jdbc).fileNos(org.id())).containsExactly("CLI-1");

		file.rows().get(3).put(TemplateColumn.MONTHLY_INCOME, "0");
		Path fixed = file.write(dir, "fixed.csv", file.csv());
		ByteArrayOutputStream again = new ByteArrayOutputStream();
		int second = command.execute(List.of("import", "households", fixed.toString(), org.code(), "update"),
				List.of("import", "households", fixed.toString(), "--org=" + org.code(), "--existing", "update",
						"--lang=en"), new PrintStream(again, true, "UTF-8"));
		assertThat(second).as(again.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(again.toString(StandardCharsets.UTF_8))
			.contains("Import finished: filed 1, updated 0, unchanged 1, skipped 0, rejected 0 households (0 rows).");

		ByteArrayOutputStream bad = new ByteArrayOutputStream();
		assertThat(command.execute(List.of("import", "households", csv.toString()),
				List.of("import", "households", csv.toString(), "--org", "NO-SUCH-ORG"), new PrintStream(bad, true, "UTF-8")))
			.isEqualTo(1);
		assertThat(bad.toString(StandardCharsets.UTF_8)).contains("找不到代码为 NO-SUCH-ORG 的机构");
		ByteArrayOutputStream usage = new ByteArrayOutputStream();
		assertThat(command.execute(List.of("import", "households"), List.of("import", "households"),
				new PrintStream(usage, true, "UTF-8"))).isEqualTo(2);
		ByteArrayOutputStream empty = new ByteArrayOutputStream();
		Path nothing = java.nio.file.Files.createFile(dir.resolve("nothing.csv"));
		assertThat(command.execute(List.of("import", "households", nothing.toString()),
				List.of("import", "households", nothing.toString(), "--org", org.code()),
				new PrintStream(empty, true, "UTF-8"))).isEqualTo(1);
		assertThat(empty.toString(StandardCharsets.UTF_8)).contains("文件是空的");
	}

	private CommandLine.Command command() {
		return commands.stream().filter(c -> c.words().equals(List.of("import", "households"))).findFirst().orElseThrow();
	}

	private ImportView awaitFinished(long id) throws InterruptedException {
		Scope all = fixtures.everything();
		for (int i = 0; i < 300; i++) {
			ImportView v = imports.require(all, id);
			if (v.finished()) {
				return v;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("import " + id + " did not finish");
	}

}
