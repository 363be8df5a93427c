package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import org.bangfu.identity.BangfuUser;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.pairing.AssistanceCommands.AddAgreement;
import org.bangfu.pairing.AssistanceCommands.AddMeasure;
import org.bangfu.pairing.AssistanceCommands.ClauseData;
import org.bangfu.pairing.AssistanceCommands.ConfirmLedger;
import org.bangfu.pairing.PairingCommands.Pair;
import org.bangfu.pairing.PairingVocabulary.Indicator;
import org.bangfu.pairing.PairingVocabulary.MeasureType;
import org.bangfu.pairing.PairingVocabulary.VisitKind;
import org.bangfu.pairing.VisitCommands.RecordVisit;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** The ledger (一户一册) as a PDF: Chinese text extracted from it shows the file, pairing, visit with checklist, measure, agreement and signature lines. */
@IntegrationTest
@Import(Fixtures.class)
class LedgerPdfIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Ledgers ledgers;

	@Autowired
	Visits visits;

	@Autowired
	Assistance assistance;

	@Autowired
	Pairings pairings;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Fixtures fixtures;

	@Test
	void theLedgerPdfCarriesTheWholeRecordInChinese() throws Exception {
		OrganisationView org = fixtures.organisation("手册测试工会");
		Scope scope = PairingData.scope(fixtures, org);
		String login = fixtures.user(org.id(), Role.CASEWORKER);
		Actor actor = new BangfuUser(fixtures.userId(login), login, "周社工", org.id(), org.path(), org.name(),
				EnumSet.of(Role.CASEWORKER), "", true, null);
		HouseholdView h = PairingData.household(registry, scope, org.id());
		CadreView cadre = pairings.registerCadre(scope, new PairingCommands.RegisterCadre(org.id(), "孙志强", null, "科长"));
		pairings.pair(scope, new Pair(cadre.id(), null, h.id(), null, null, null));
		visits.record(actor, new RecordVisit(h.id(), LocalDate.now().minusDays(2), VisitKind.HOME, "孙志强、周社工",
				"户主腰伤未愈，家中无劳动力", "孩子学费没有着落", "协助申请助学金",
				Checklist.of(Map.of(Indicator.FOOD, true, Indicator.NO_DROPOUT, false)), null));
		assistance.addMeasure(actor, new AddMeasure(h.id(), null, MeasureType.EDUCATION, "学费欠缴三千元", "秋季学期前缴清学费", "周社工",
				LocalDate.now().plusMonths(2)));
		AgreementView a = assistance.addAgreement(actor, new AddAgreement(h.id(), "二〇二六年度帮扶协议", null, null,
				List.of(new ClauseData("每月走访一次", "孙志强", null), new ClauseData("协助办理医保报销", "周社工", null))));
		assistance.signOnScreen(actor, a.id(), "王德明");
		assistance.confirmLedger(actor, h.id(), new ConfirmLedger(LocalDate.now().withDayOfMonth(1), LocalDate.now(), "王德明", null));
		assertThat(catchMessage(() -> assistance.signOnScreen(actor, a.id(), "王德明"))).isEqualTo("agreement.signed.already");

		byte[] pdf = ledgers.pdf(actor, h.id(), Locale.SIMPLIFIED_CHINESE);
		String text = text(pdf).replaceAll("\\s", "");
		assertThat(text).as("text of the PDF, without line breaks and spaces").contains("帮扶手册（一户一册）", h.fileNo(), "王德明", org.name(), "孙志强", "一对多",
				"户主腰伤未愈", "孩子学费没有着落", "协助申请助学金", "不愁吃：达标", "义务教育无辍学：未达标",
				"学费欠缴三千元", "秋季学期前缴清学费", "二〇二六年度帮扶协议", "每月走访一次", "当面确认",
				"户主签字", "帮扶干部签字", "第1页", "第2页");

		// the same through the API, in English labels, for a user in the organisation
		HttpResponse<byte[]> res = Http.basic(port, login, Fixtures.PASSWORD).language("en")
			.getBytes("/api/v1/ledgers/" + h.id() + "/pdf");
		assertThat(res.statusCode()).isEqualTo(200);
		assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(text(res.body())).contains("Assistance ledger", "Visits", "Head of household", "户主腰伤未愈");

		OrganisationView other = fixtures.organisation("别处");
		assertThat(Http.basic(port, fixtures.user(other.id(), Role.ADMIN), Fixtures.PASSWORD)
			.getBytes("/api/v1/ledgers/" + h.id() + "/pdf").statusCode()).isEqualTo(404);
	}

	static String text(byte[] pdf) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		try {
			PdfTextExtractor extractor = new PdfTextExtractor(reader);
			StringBuilder b = new StringBuilder();
			for (int p = 1; p <= reader.getNumberOfPages(); p++) {
				b.append(extractor.getTextFromPage(p)).append('\n');
			}
			return b.toString();
		}
		finally {
			reader.close();
		}
	}

	private static String catchMessage(Runnable r) {
		try {
			r.run();
		}
		catch (BangfuException ex) {
			return ex.messageKey();
		}
		return null;
	}

}
