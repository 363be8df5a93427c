package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bangfu.identification.Places;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BusinessClock;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After a bank return with failed lines (an account closed, a name that does not match), the
 * finance officer corrects both on one page: one bad account refuses the whole correction and
 * changes nothing; then both go out in one follow-up batch with the new accounts and name, audited.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, RosterWorld.class })
class AccountCorrectionIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RosterWorld world;

	@Autowired
	Rosters rosters;

	@Autowired
	Payouts payouts;

	@Autowired
	BankFiles bank;

	@Autowired
	BankLayouts layouts;

	@Autowired
	BusinessClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void failedLinesAreCorrectedInBulkAllOrNothingAndReissued() throws Exception {
		RosterWorld.World w = world.world("批量更正");
		LocalDate today = clock.today();
		int y = today.getYear();
		HouseholdView a = world.file(w, List.of(Category.DIBAO), true,
				RosterWorld.member("周一帆", today.minusYears(61), Relation.HEAD, Employment.UNABLE, "0", Health.CHRONIC, null));
		HouseholdView b = world.file(w, List.of(Category.DIBAO), true,
				RosterWorld.member("吴二河", today.minusYears(57), Relation.HEAD, Employment.UNABLE, "0", Health.CHRONIC, null));
		CycleView c = world.run(w, "plan10-heating", "K" + w.place().organisation().id(), LocalDate.of(y, 11, 1),
				LocalDate.of(y, 11, 30));
		CycleView s = RosterWorld.as(w.finance(), () -> rosters.submit(w.scope(), c.id(), c.version()));
		RosterWorld.as(w.approver(), () -> rosters.approve(w.scope(), c.id(), s.version()));
		RosterWorld.as(w.finance(), () -> payouts.savePayer(w.scope(), "某县民政局", "1202020209000012345"));
		BankBatchView batch = RosterWorld.as(w.finance(),
				() -> payouts.createBatch(w.scope(), c.id(), layouts.builtIn(w.scope()).id(), LocalDate.of(y, 11, 20)));
		List<RosterLineView> lines = world.lines(w, c.id());
		String yuan = BigDecimal.valueOf(lines.get(0).amountFen(), 2).toPlainString();
		String total = BigDecimal.valueOf(2 * lines.get(0).amountFen(), 2).toPlainString();
		int seqA = lines.indexOf(lines.stream().filter(l -> l.householdId() == a.id()).findFirst().orElseThrow()) + 1;
		byte[] answer = BankData.gbk("H|" + batch.batchNo() + "|2|" + total + "|0|0.00|2|" + total + "\r\n"
				+ "D|" + seqA + "|周一帆|" + RosterWorld.ACCOUNT + "|" + yuan + "|F|账户已销户\r\n"
				+ "D|" + (3 - seqA) + "|吴二河|" + RosterWorld.ACCOUNT + "|" + yuan + "|F|户名不符\r\n");
		RosterWorld.as(w.finance(), () -> {
			try {
				return bank.importAnswer(w.scope(), batch.id(), "回盘.txt", new ByteArrayInputStream(answer));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		long lineA = lines.stream().filter(l -> l.householdId() == a.id()).findFirst().orElseThrow().id();
		long lineB = lines.stream().filter(l -> l.householdId() == b.id()).findFirst().orElseThrow().id();

		Http finance = Http.loggedIn(port, w.finance().login(), Fixtures.PASSWORD);
		String page = finance.get("/programs/cycles/" + c.id() + "/corrections").body();
		assertThat(page).contains("周一帆", "账户已销户", "吴二河", "户名不符", lines.get(0).accountMasked())
			.doesNotContain(RosterWorld.ACCOUNT);

		// one bad account: refused, named, and nothing corrected or re-issued
		HttpResponse<String> bad = finance.form("/programs/cycles/" + c.id() + "/corrections", Map.of("line", lineA + "," + lineB,
				"account-" + lineA, "6217000000001111", "account-" + lineB, "62AB"));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("correction-error", "吴二河：“62AB”无效");
		assertThat(world.lines(w, c.id())).extracting(RosterLineView::paymentStatus).containsOnly("FAILED");
		assertThat(world.lines(w, c.id())).extracting(RosterLineView::accountMasked).doesNotContain("6217********1111");
		assertThat(jdbc.sql("SELECT count(*) FROM programs_bank_batch WHERE follow_up_of = ?").param(batch.id())
			.query(Long.class).single()).isZero();

		// both corrected: one follow-up batch with the new accounts, and the name the bank has on the second
		HttpResponse<String> done = finance.form("/programs/cycles/" + c.id() + "/corrections", Map.of("line", lineA + "," + lineB,
				"account-" + lineA, "6217 0000 0000 1111", "account-" + lineB, "6217000000002222", "name-" + lineB, "吴二和"));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(finance.get("/programs/cycles/" + c.id()).body()).contains("已更正 2 条明细，在 1 个补发批次中重新发放");
		long followUp = jdbc.sql("SELECT id FROM programs_bank_batch WHERE follow_up_of = ?").param(batch.id()).query(Long.class)
			.single();
		String file = new String(download(w, followUp), BankData.GBK);
		assertThat(file.lines().filter(l -> l.startsWith("D|")).map(l -> l.split("\\|")))
			.extracting(d -> d[2] + "|" + d[3] + "|" + d[4])
			.containsExactlyInAnyOrder("周一帆|6217000000001111|" + yuan, "吴二和|6217000000002222|" + yuan);
		assertThat(world.lines(w, c.id())).extracting(RosterLineView::paymentStatus).containsOnly("SENT");
		assertThat(world.lines(w, c.id())).extracting(RosterLineView::accountMasked)
			.containsExactlyInAnyOrder("6217********1111", "6217********2222");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'roster.accountCorrection' AND object_id = ?")
			.param(String.valueOf(c.id())).query(Long.class).single()).isEqualTo(1);
	}

	private byte[] download(RosterWorld.World w, long batchId) throws Exception {
		BankFileDownload file = RosterWorld.as(w.finance(), () -> {
			try {
				return bank.download(w.scope(), batchId);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		try (InputStream in = Files.newInputStream(file.file(), StandardOpenOption.DELETE_ON_CLOSE)) {
			return in.readAllBytes();
		}
	}

}
