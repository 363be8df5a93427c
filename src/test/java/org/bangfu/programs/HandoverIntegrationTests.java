package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.bangfu.pairing.Ledgers;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 重阳 gifts of plan 2 (goods) handed over at a delivery point: nothing before approval; one
 * line to a proxy with a signature photo (scaled down, stored as JPEG), once only; one line
 * recorded as not handed over (deceased); the progress counts, the sheet to sign lists what is
 * still open, and the hand-over shows on the household's payments and its ledger PDF; every
 * hand-over audited. Confirmations that are not JPEG/PNG or claim too many pixels are refused
 * before anything is decoded or stored.
 */
@IntegrationTest
@Import({ Fixtures.class, RosterWorld.class })
class HandoverIntegrationTests {

	@Autowired
	RosterWorld world;

	@Autowired
	Rosters rosters;

	@Autowired
	Handovers handovers;

	@Autowired
	Ledgers ledgers;

	@Autowired
	BusinessClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void goodsAreHandedOverOnceWithAConfirmationAndShowOnTheHouseholdAndItsLedger() throws Exception {
		RosterWorld.World w = world.world("重阳发放");
		LocalDate today = clock.today();
		int y = today.getYear();
		HouseholdView grandma = world.file(w, List.of(Category.ELDERLY_ALONE), false,
				RosterWorld.member("孙秀英", today.minusYears(78), Relation.HEAD, Employment.RETIRED, "0", Health.CHRONIC, null));
		HouseholdView grandpa = world.file(w, List.of(Category.ELDERLY_ALONE), false,
				RosterWorld.member("周老汉", today.minusYears(84), Relation.HEAD, Employment.RETIRED, "0", Health.CHRONIC, null));
		CycleView c = world.run(w, "plan2-double-ninth", "H" + w.place().organisation().id(), LocalDate.of(y, 10, 1),
				LocalDate.of(y, 10, 31));
		assertThat(c.lineCount()).isEqualTo(2);
		long lineA = lineOf(w, c, grandma);
		long lineB = lineOf(w, c, grandpa);
		byte[] signature = HandoverImages.signature(3000, 2000, "jpeg");
		HandOver toSon = new HandOver(HandoverOutcome.HANDED_OVER, true, "孙大伟", "儿子", "村委会", null);

		assertRefused(() -> as(w, () -> handovers.record(w.scope(), c.id(), lineA, toSon, signature)), "handover.notApproved");
		CycleView s = RosterWorld.as(w.finance(), () -> rosters.submit(w.scope(), c.id(), c.version()));
		RosterWorld.as(w.approver(), () -> rosters.approve(w.scope(), c.id(), s.version()));

		// what is not a JPEG or PNG, or claims 80 megapixels, is refused and nothing is recorded
		assertRefused(() -> as(w, () -> handovers.record(w.scope(), c.id(), lineA, toSon, "签字".getBytes())),
				"handover.confirmation.notImage");
		assertRefused(() -> as(w, () -> handovers.record(w.scope(), c.id(), lineA, toSon, HandoverImages.signature(40, 20, "gif"))),
				"handover.confirmation.notImage");
		assertRefused(() -> as(w, () -> handovers.record(w.scope(), c.id(), lineA, toSon, HandoverImages.hugePngHeader(10_000, 8_000))),
				"handover.confirmation.tooManyPixels");
		assertRefused(() -> as(w, () -> handovers.record(w.scope(), c.id(), lineA, toSon, null)), "handover.confirmation.required");
		assertRefused(() -> as(w, () -> handovers.record(w.scope(), c.id(), lineA,
				new HandOver(HandoverOutcome.HANDED_OVER, true, "孙大伟", " ", null, null), signature)),
				"handover.proxy.relation.required");
		RosterWorld.World elsewhere = world.world("别处重阳");
		assertRefused(() -> RosterWorld.as(elsewhere.finance(), () -> handovers.record(elsewhere.scope(), c.id(), lineA, toSon,
				signature)), "programs.cycle.notFound");
		assertThat(handovers.progress(w.scope(), c.id())).isEqualTo(new HandoverProgress(2, 0, 0));

		HandoverView done = as(w, () -> handovers.record(w.scope(), c.id(), lineA, toSon, signature));
		assertThat(done.outcome()).isEqualTo(HandoverOutcome.HANDED_OVER);
		assertThat(done.recipientText()).isEqualTo("孙大伟（儿子）");
		assertThat(done.item()).isEqualTo("重阳节独居老人慰问 ¥200.00");
		assertThat(done.deliveryPoint()).isEqualTo("村委会");
		assertThat(done.handedAtText()).startsWith(today.toString());
		BufferedImage stored = ImageIO.read(as(w, () -> handovers.confirmation(w.scope(), c.id(), lineA)).toFile());
		assertThat(stored.getWidth()).isEqualTo(1600);
		assertThat(stored.getHeight()).isBetween(1060, 1070);
		// handed over once: the second attempt (a second phone, the same line) is refused
		assertRefused(() -> as(w, () -> handovers.record(w.scope(), c.id(), lineA,
				new HandOver(HandoverOutcome.HANDED_OVER, false, null, null, null, null), signature)), "handover.already");

		assertThat(as(w, () -> handovers.sheet(w.scope(), c.id(), "村委会", Locale.SIMPLIFIED_CHINESE)))
			.satisfies(pdf -> assertThat(text(pdf)).contains("周老汉", "村委会").doesNotContain("孙秀英"));

		as(w, () -> handovers.record(w.scope(), c.id(), lineB,
				new HandOver(HandoverOutcome.DECEASED, false, null, null, "村委会", "10月3日去世"), null));
		assertThat(handovers.progress(w.scope(), c.id())).isEqualTo(new HandoverProgress(2, 1, 1));
		assertThat(handovers.cycles(w.scope())).filteredOn(hc -> hc.cycle().id() == c.id()).singleElement()
			.satisfies(hc -> assertThat(hc.progress().open()).isZero());

		// on the household: its payments panel and its ledger (page model and PDF)
		assertThat(as(w, () -> handovers.ofHousehold(w.scope(), grandma.id()))).singleElement()
			.satisfies(h -> assertThat(h.recipientText()).isEqualTo("孙大伟（儿子）"));
		var ledger = as(w, () -> ledgers.ledger(w.finance(), grandma.id()));
		assertThat(ledger.handovers()).extracting(HandoverView::item).containsExactly("重阳节独居老人慰问 ¥200.00");
		assertThat(ledger.payments()).extracting(p -> p.line().amountText()).containsExactly("¥200.00");
		assertThat(text(as(w, () -> ledgers.pdf(w.finance(), grandma.id(), Locale.SIMPLIFIED_CHINESE))))
			.contains("物资、消费券发放", "孙大伟（儿子）", "村委会");
		assertThat(as(w, () -> handovers.ofHousehold(elsewhere.scope(), grandma.id()))).isEmpty();
		assertRefused(() -> as(w, () -> handovers.confirmation(elsewhere.scope(), c.id(), lineA)), "handover.confirmation.notFound");

		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'handover.record' AND object_id IN (?, ?)")
			.params(String.valueOf(lineA), String.valueOf(lineB)).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aCashRosterIsPaidThroughTheBankNotHandedOver() throws Exception {
		RosterWorld.World w = world.world("现金不签收");
		LocalDate today = clock.today();
		int y = today.getYear();
		world.file(w, List.of(Category.DIBAO), true,
				RosterWorld.member("吴现金", today.minusYears(60), Relation.HEAD, Employment.UNABLE, "0", Health.CHRONIC, null));
		CycleView c = world.run(w, "plan10-heating", "H" + w.place().organisation().id(), LocalDate.of(y, 11, 1),
				LocalDate.of(y, 11, 30));
		assertRefused(() -> as(w, () -> handovers.lines(w.scope(), c.id(), "ALL", null)), "handover.cash");
	}

	private long lineOf(RosterWorld.World w, CycleView c, HouseholdView h) {
		return world.lines(w, c.id()).stream().filter(l -> l.householdId() == h.id()).findFirst().orElseThrow().id();
	}

	private static <T> T as(RosterWorld.World w, java.util.function.Supplier<T> work) {
		return RosterWorld.as(w.finance(), work);
	}

	private static void assertRefused(Runnable r, String key) {
		assertThatThrownBy(r::run).isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.messageKey()).isEqualTo(key));
	}

	static String text(byte[] pdf) {
		try {
			PdfReader reader = new PdfReader(pdf);
			try {
				PdfTextExtractor extractor = new PdfTextExtractor(reader);
				StringBuilder b = new StringBuilder();
				for (int p = 1; p <= reader.getNumberOfPages(); p++) {
					b.append(extractor.getTextFromPage(p));
				}
				return b.toString().replaceAll("\\s", "");
			}
			finally {
				reader.close();
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
