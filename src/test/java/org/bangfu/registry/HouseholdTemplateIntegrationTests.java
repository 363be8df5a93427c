package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The import page names the standard template and offers it: the page lists its columns, and the
 * blank template downloads as a workbook with the Chinese headers, a sample household and a sheet
 * of column notes — and that file, as downloaded, imports.
 */
@ImportIntegrationTest
class HouseholdTemplateIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	HouseholdImports imports;

	@TempDir
	Path dir;

	@Test
	void theBlankTemplateDownloadsFromTheImportPageAndItsSampleImports() throws Exception {
		OrganisationView org = fixtures.organisation("模板测试");
		Http page = Http.loggedIn(port, fixtures.user(org.id(), Role.CASEWORKER), Fixtures.PASSWORD);
		assertThat(page.get("/households/import").body()).contains("下载空白模板", "/households/import/template",
				"household-import-columns", "户编号", "household_ref", "每户恰好一个户主");

		HttpResponse<byte[]> file = page.getBytes("/households/import/template");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("household-import-template.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
			Sheet members = workbook.getSheetAt(0);
			assertThat(cells(members.getRow(0))).containsExactly(TemplateColumn.headers());
			assertThat(cells(members.getRow(1))).contains("H-0001", "420102002003", "户主");
			Sheet notes = workbook.getSheet("填写说明");
			assertThat(notes.getLastRowNum()).isEqualTo(TemplateColumn.COUNT);
			assertThat(cells(notes.getRow(2))).containsExactly("区划代码", "region_code", "是", "户（填在户主行）",
					"统计用区划代码，6、9 或 12 位数字（县、乡镇或村级），须为已有区划");
		}

		Path downloaded = Files.write(dir.resolve("template.xlsx"), file.body());
		ImportView done = imports.importLocal(org.code(), downloaded, OnExisting.SKIP, Locale.SIMPLIFIED_CHINESE,
				(a, b, c, d, e) -> {
				});
		assertThat(done.status()).isEqualTo("DONE");
		assertThat(done.rowsAccepted()).isEqualTo(2);
		assertThat(done.householdsFiled()).isEqualTo(1);
	}

	private static List<String> cells(Row row) {
		List<String> values = new ArrayList<>();
		for (Cell c : row) {
			values.add(c.getStringCellValue());
		}
		return values;
	}

}
