package org.bangfu.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.identification.Places;
import org.bangfu.programs.RosterWorld;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The year's books equal hand sums: 建帐 carries last year's receipts into the year, 对账 counts
 * January to June, 查帐 the whole year; the xlsx lists the entries behind the figures, the PDF opens.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, RosterWorld.class })
class FundsReportsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RosterWorld world;

	@Autowired
	Funds funds;

	@Autowired
	FundReports reports;

	@Test
	void theThreeBooksEqualHandSums() throws Exception {
		RosterWorld.World w = world.world("年度帐册");
		int y = 2025;
		FundView f = RosterWorld.as(w.finance(), () -> funds.open(w.scope(), new NewFund("books", "帐册资金",
				FundSource.DISTRICT_FINANCE, false, null)));
		long[][] receipts = { { 2024, 3, 100_00 }, { 2024, 11, 250_50 }, { 2025, 2, 300_01 }, { 2025, 6, 40_00 },
				{ 2025, 7, 5_00 }, { 2025, 12, 1_99 }, { 2026, 1, 7_77 } };
		for (long[] r : receipts) {
			RosterWorld.as(w.finance(), () -> funds.receive(w.scope(), f.id(), BigDecimal.valueOf(r[2], 2),
					LocalDate.of((int) r[0], (int) r[1], 10), "R"));
		}
		ReportLine opening = line(w.scope(), ReportKind.OPENING, y, f.id());
		assertThat(opening.openingAvailable()).isZero();
		assertThat(opening.received()).isEqualTo(100_00 + 250_50);
		assertThat(opening.closingAvailable()).isEqualTo(350_50);
		ReportLine mid = line(w.scope(), ReportKind.MIDYEAR, y, f.id());
		assertThat(mid.openingAvailable()).isEqualTo(350_50);
		assertThat(mid.received()).isEqualTo(300_01 + 40_00);
		assertThat(mid.closingAvailable()).isEqualTo(350_50 + 340_01);
		ReportLine end = line(w.scope(), ReportKind.YEAREND, y, f.id());
		assertThat(end.received()).isEqualTo(300_01 + 40_00 + 5_00 + 1_99);
		assertThat(end.closingAvailable()).isEqualTo(350_50 + 347_00);

		Http finance = Http.loggedIn(port, w.finance().login(), Fixtures.PASSWORD);
		HttpResponse<byte[]> xlsx = finance.getBytes("/funds/reports/YEAREND.xlsx?year=" + y);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet summary = book.getSheetAt(0);
			assertThat(summary.getSheetName()).isEqualTo("查帐");
			Row row = summary.getRow(1);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("帐册资金");
			assertThat(BigDecimal.valueOf(row.getCell(5).getNumericCellValue())).isEqualByComparingTo("347.00");
			Sheet entries = book.getSheetAt(1);
			assertThat(entries.getLastRowNum()).isEqualTo(8);
			double sum = 0;
			for (int i = 1; i <= entries.getLastRowNum(); i++) {
				if (entries.getRow(i).getCell(4).getStringCellValue().equals("可用")) {
					sum += entries.getRow(i).getCell(6).getNumericCellValue();
				}
			}
			assertThat(BigDecimal.valueOf(sum).setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("347.00");
		}
		HttpResponse<byte[]> pdf = finance.getBytes("/funds/reports/OPENING.pdf?year=" + y);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
	}

	private ReportLine line(org.bangfu.shared.Scope scope, ReportKind kind, int year, long fundId) {
		return reports.lines(scope, kind, year).stream().filter(l -> l.fundId() == fundId).findFirst().orElseThrow();
	}

}
