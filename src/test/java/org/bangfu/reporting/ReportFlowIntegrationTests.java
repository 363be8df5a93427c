package org.bangfu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.identification.Places;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A report goes from template to submitted, frozen and rolled up, with the missing list and a reminder; a correction
 * is a new version; siblings see nothing; the xlsx opens in LibreOffice and the PDF renders as a page with ink. And an
 * assessment's scores equal a hand computation.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, ReportingWorld.class })
class ReportFlowIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ReportingWorld world;

	@Autowired
	Reports reports;

	@Autowired
	Reminders reminders;

	@Autowired
	Assessments assessments;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReportIsFilledSubmittedFrozenRolledUpAndCorrected() throws Exception {
		Places.Place place = world.place("上报县");
		OrganisationView county = place.organisation();
		OrganisationView town1 = world.under(county.id(), "甲镇");
		OrganisationView town2 = world.under(county.id(), "乙镇");
		Actor countyUser = world.actor(county, Role.CASEWORKER);
		Actor clerk1 = world.actor(town1, Role.CASEWORKER);
		Actor clerk2 = world.actor(town2, Role.CASEWORKER);
		for (int i = 0; i < 3; i++) {
			ReportingWorld.as(clerk1, () -> world.household(clerk1.scope(), town1.id(), place.township(), HardshipCause.ILLNESS,
					List.of(Category.DIBAO), false));
		}
		ReportingWorld.as(clerk2, () -> world.household(clerk2.scope(), town2.id(), place.township(), HardshipCause.ILLNESS,
				List.of(), false));

		ReportView draft = ReportingWorld.as(clerk1, () -> reports.fill(clerk1, "PAIRING_TABLE", "2026"));
		assertThat(draft.status()).isEqualTo("DRAFT");
		assertThat(value(draft, "households.filed")).isEqualTo(3);
		assertThat(value(draft, "households.unpaired")).isEqualTo(3);
		assertThatThrownBy(() -> ReportingWorld.as(clerk1, () -> reports.edit(clerk1, draft.id(), "households.paired", 1, " ")))
			.isInstanceOf(BangfuException.class).extracting(e -> ((BangfuException) e).field()).isEqualTo("reason");
		ReportingWorld.as(clerk1, () -> reports.edit(clerk1, draft.id(), "households.paired", 1, "一户已由镇领导结对，系统未录入"));
		ReportView sent = ReportingWorld.as(clerk1, () -> reports.submit(clerk1, draft.id()));
		assertThat(sent.status()).isEqualTo("SUBMITTED");
		assertThat(value(sent, "households.paired")).isEqualTo(1);
		// frozen: no edit through the façade, and the database refuses a change to the figures
		assertThatThrownBy(() -> ReportingWorld.as(clerk1, () -> reports.edit(clerk1, sent.id(), "households.paired", 2, "x")))
			.isInstanceOf(BangfuException.class);
		assertThatThrownBy(() -> jdbc.sql("UPDATE reporting_report SET figures = '[]' WHERE id = ?").param(sent.id()).update())
			.hasMessageContaining("frozen");

		// the county sees town 1 submitted and town 2 missing; town 2 is reminded before the deadline (15 October)
		ReportOverview overview = ReportingWorld.as(countyUser, () -> reports.overview(countyUser, "PAIRING_TABLE", "2026"));
		assertThat(overview.deadline()).isEqualTo(LocalDate.of(2026, 10, 15));
		assertThat(overview.submitters()).extracting(SubmitterStatus::organisationName)
			.containsExactlyInAnyOrder(town1.name(), town2.name());
		assertThat(overview.missing()).extracting(SubmitterStatus::organisationId).containsExactly(town2.id());
		reminders.remind(LocalDate.of(2026, 10, 9));
		assertThat(reminders.of(clerk2, java.util.Locale.SIMPLIFIED_CHINESE)).extracting(Notification::templateCode, Notification::periodKey)
			.contains(org.assertj.core.groups.Tuple.tuple("PAIRING_TABLE", "2026"));
		assertThat(reminders.of(clerk1, java.util.Locale.SIMPLIFIED_CHINESE)).extracting(Notification::templateCode)
			.doesNotContain("PAIRING_TABLE");
		Http page2 = Http.loggedIn(port, clerk2.login(), Fixtures.PASSWORD);
		assertThat(page2.get("/reporting/notifications").body()).contains("结对帮扶表").contains("2026-10-15");

		// the county's own report sums what was submitted and lists town 2 as missing
		ReportView rolled = ReportingWorld.as(countyUser, () -> reports.fill(countyUser, "PAIRING_TABLE", "2026"));
		assertThat(value(rolled, "households.filed")).isEqualTo(3);
		assertThat(value(rolled, "households.paired")).isEqualTo(1);
		assertThat(rolled.lines()).hasSize(2);
		assertThat(rolled.lines().stream().filter(ReportView.Line::missing).map(ReportView.Line::organisationId))
			.containsExactly(town2.id());

		// a correction is a new version with a reason; the first is superseded, the county sees version 2
		ReportView v2 = ReportingWorld.as(clerk1, () -> reports.correct(clerk1, sent.id(), "核实后更正结对户数"));
		assertThat(v2.version()).isEqualTo(2);
		ReportingWorld.as(clerk1, () -> reports.edit(clerk1, v2.id(), "households.paired", 2, "核实后为两户"));
		ReportingWorld.as(clerk1, () -> reports.submit(clerk1, v2.id()));
		assertThat(reports.view(clerk1, sent.id()).status()).isEqualTo("SUPERSEDED");
		ReportOverview after = ReportingWorld.as(countyUser, () -> reports.overview(countyUser, "PAIRING_TABLE", "2026"));
		assertThat(after.submitters().stream().filter(s -> s.organisationId() == town1.id()).findFirst().orElseThrow().version())
			.isEqualTo(2);

		// a sibling town sees neither town 1's report nor town 2's draft
		assertThatThrownBy(() -> reports.view(clerk2, v2.id())).isInstanceOf(BangfuException.class);
		assertThatThrownBy(() -> reports.view(clerk1, rolled.id())).isInstanceOf(BangfuException.class);

		// files: the xlsx opens (POI and LibreOffice), the PDF renders as an A4 page with ink on it
		Http http = Http.loggedIn(port, clerk1.login(), Fixtures.PASSWORD);
		HttpResponse<byte[]> xlsx = http.getBytes("/reports/" + v2.id() + ".xlsx");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			assertThat(book.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("已建档户数");
			assertThat(book.getSheetAt(0).getRow(2).getCell(2).getNumericCellValue()).isEqualTo(3.0);
		}
		convertsInLibreOffice(xlsx.body());
		HttpResponse<byte[]> pdf = http.getBytes("/reports/" + v2.id() + ".pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertRendersWithInk(pdf.body());
	}

	@Test
	void scoresEqualAHandComputation() throws Exception {
		Places.Place place = world.place("考核县");
		OrganisationView county = place.organisation();
		OrganisationView a = world.under(county.id(), "甲乡");
		OrganisationView b = world.under(county.id(), "乙乡");
		Actor assessor = world.actor(county, Role.APPROVER);
		Actor clerkA = world.actor(a, Role.CASEWORKER);
		Actor clerkB = world.actor(b, Role.CASEWORKER);
		// A: 3 filed + 1 draft; B: 2 filed. Nobody paired, visited, paid or in review.
		for (int i = 0; i < 4; i++) {
			boolean draft = i == 3;
			ReportingWorld.as(clerkA, () -> world.household(clerkA.scope(), a.id(), place.township(), HardshipCause.ILLNESS, List.of(), draft));
		}
		for (int i = 0; i < 2; i++) {
			ReportingWorld.as(clerkB, () -> world.household(clerkB.scope(), b.id(), place.township(), HardshipCause.ILLNESS, List.of(), false));
		}
		ReportingWorld.as(assessor, () -> assessments.setScheme(assessor, 2026, null));
		ReportingWorld.as(assessor, () -> {
			assessments.score(assessor, 2026, a.id(), "NINE_IN_PLACE", new BigDecimal("8.5"), "九个到位抽查，住房一户不达标");
			return null;
		});
		assertThatThrownBy(() -> ReportingWorld.as(assessor, () -> {
			assessments.score(assessor, 2026, b.id(), "NINE_IN_PLACE", new BigDecimal("11"), "超过分值");
			return null;
		})).isInstanceOf(BangfuException.class);
		List<Scorecard> ranking = ReportingWorld.as(assessor, () -> assessments.ranking(assessor, 2026));
		// hand computation with the default scheme:
		// A: filed 20 x 3/4 = 15.00; paired 0; visited 0; paid 15 (nothing to pay); cases 10 (none); nine 8.50 -> 48.50
		// B: filed 20; paired 0; visited 0; paid 15; cases 10; nine not scored -> 45.00
		Map<Long, BigDecimal> totals = ranking.stream().collect(java.util.stream.Collectors.toMap(Scorecard::organisationId, Scorecard::total));
		assertThat(totals.get(a.id())).isEqualByComparingTo("48.50");
		assertThat(totals.get(b.id())).isEqualByComparingTo("45.00");
		assertThat(ranking.get(0).organisationId()).isEqualTo(a.id());
		assertThat(ranking.get(0).rank()).isEqualTo(1);
		Scorecard.Point filedA = ranking.get(0).points().get(0);
		assertThat(filedA.numerator()).isEqualTo(3);
		assertThat(filedA.denominator()).isEqualTo(4);
		assertThat(filedA.percent()).isEqualByComparingTo("75.00");
		Http http = Http.loggedIn(port, assessor.login(), Fixtures.PASSWORD);
		HttpResponse<byte[]> pdf = http.getBytes("/assessments/2026.pdf?organisationId=" + a.id());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertRendersWithInk(pdf.body());
		HttpResponse<byte[]> xlsx = http.getBytes("/assessments/2026.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			assertThat(book.getSheetAt(0).getRow(2).getCell(1).getStringCellValue()).isEqualTo(a.name());
			assertThat(book.getSheetAt(0).getRow(2).getCell(2).getNumericCellValue()).isEqualTo(48.5);
		}
		assertThat(http.get("/assessments?year=2026").body()).contains("48.50").contains("九个到位抽查");
	}

	private static long value(ReportView r, String code) {
		return r.figures().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow().value();
	}

	static void assertRendersWithInk(byte[] pdf) throws Exception {
		assertRendersWithInk(pdf, 500);
	}

	/** Renders the first page at 50 dpi: an A4 page whose dark pixels are more than {@code minDark} and less than a quarter. */
	static void assertRendersWithInk(byte[] pdf, long minDark) throws Exception {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(1);
			assertThat(doc.getPage(0).getMediaBox().getWidth()).isBetween(594f, 597f);
			BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 50);
			long dark = 0;
			for (int y = 0; y < image.getHeight(); y++) {
				for (int x = 0; x < image.getWidth(); x++) {
					int rgb = image.getRGB(x, y);
					int lum = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
					if (lum < 128) {
						dark++;
					}
				}
			}
			// text and table lines: well above nothing, well below a black page
			assertThat(dark).isGreaterThan(minDark).isLessThan((long) image.getWidth() * image.getHeight() / 4);
		}
	}

	static void convertsInLibreOffice(byte[] xlsx) throws Exception {
		Path soffice = Path.of("/usr/bin/soffice");
		Assumptions.assumeTrue(Files.isExecutable(soffice), "LibreOffice is not installed: the xlsx was only checked with POI");
		Path dir = Files.createTempDirectory("report-xlsx");
		Path in = dir.resolve("report.xlsx");
		Files.write(in, xlsx);
		Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=file://" + dir.resolve("profile"), "--headless",
				"--convert-to", "pdf", "--outdir", dir.toString(), in.toString()).redirectErrorStream(true).start();
		assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
		Path out = dir.resolve("report.pdf");
		assertThat(out).exists();
		// a spreadsheet prints as text without ruled lines: less ink than our PDFs, but never a blank page
		assertRendersWithInk(Files.readAllBytes(out), 100);
	}

}
