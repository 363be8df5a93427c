package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.programs.internal.bank.BankCipher;
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
 * An approved roster of a cash program goes to the bank as a real GBK file (payees' clear accounts
 * and ID numbers, the payer of the organisation); the bank's return marks lines PAID or FAILED on
 * the roster; the failed line, its account corrected in the register, is re-issued and paid; nobody
 * is paid twice.
 */
@IntegrationTest
@Import({ Fixtures.class, RosterWorld.class })
class PayoutIntegrationTests {

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
	BankCipher cipher;

	@Autowired
	BusinessClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Programs programs;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@Test
	void anApprovedRosterIsPaidThroughABankFileAndAFailedLineIsCorrectedReissuedAndPaidOnce() throws Exception {
		RosterWorld.World w = world.world("代发名册");
		LocalDate today = clock.today();
		int y = today.getYear();
		HouseholdView a = world.file(w, List.of(Category.DIBAO), true,
				RosterWorld.member("赵大山", today.minusYears(60), Relation.HEAD, Employment.UNABLE, "0", Health.CHRONIC, null));
		HouseholdView b = world.file(w, List.of(Category.DIBAO), true,
				RosterWorld.member("钱小河", today.minusYears(55), Relation.HEAD, Employment.UNABLE, "0", Health.CHRONIC, null));
		CycleView c = world.run(w, "plan10-heating", "T" + w.place().organisation().id(), LocalDate.of(y, 11, 1),
				LocalDate.of(y, 11, 30));
		assertThat(c.lineCount()).isEqualTo(2);
		long layout = layouts.builtIn(w.scope()).id();

		assertRefused(() -> RosterWorld.as(w.finance(), () -> payouts.createBatch(w.scope(), c.id(), layout, null)),
				"programs.payout.notApproved");
		CycleView s = RosterWorld.as(w.finance(), () -> rosters.submit(w.scope(), c.id(), c.version()));
		RosterWorld.as(w.approver(), () -> rosters.approve(w.scope(), c.id(), s.version()));
		assertRefused(() -> RosterWorld.as(w.finance(), () -> payouts.createBatch(w.scope(), c.id(), layout, null)),
				"programs.payout.payer.required");
		assertRefused(() -> RosterWorld.as(w.finance(), () -> payouts.savePayer(w.scope(), "某县民政局", "12ab")),
				"programs.payout.account.invalid");
		RosterWorld.as(w.finance(), () -> payouts.savePayer(w.scope(), "某县民政局", "1202020209000012345"));

		BankBatchView batch = RosterWorld.as(w.finance(),
				() -> payouts.createBatch(w.scope(), c.id(), layout, LocalDate.of(y, 11, 20)));
		assertThat(batch.lineCount()).isEqualTo(2);
		List<RosterLineView> lines = world.lines(w, c.id());
		assertThat(lines).extracting(RosterLineView::paymentStatus).containsOnly("SENT");
		assertThat(lines).extracting(RosterLineView::bankBatchId).containsOnly(batch.id());
		long fen = lines.get(0).amountFen();
		String yuan = BigDecimal.valueOf(fen, 2).toPlainString();
		String total = BigDecimal.valueOf(2 * fen, 2).toPlainString();
		String file = new String(download(w, batch.id()), BankData.GBK);
		String idA = jdbc.sql("SELECT id FROM registry_member WHERE household_id = ?").param(a.id()).query(Long.class).single()
			.toString();
		assertThat(file).startsWith("H|某县民政局|1202020209000012345|" + y + "1120|" + batch.batchNo() + "|2|" + total + "\r\n");
		assertThat(file).contains("|赵大山|" + RosterWorld.ACCOUNT + "|" + yuan + "|01|").contains("|钱小河|");
		assertThat(file).contains(world.registry.revealIdNumber(w.scope(), java.util.Set.of(org.bangfu.shared.Role.ADMIN),
				a.id(), Long.parseLong(idA)));
		assertThat(file).contains("|" + PayoutPolicyName.of(c) + "|");
		// the same roster again: nothing left to send
		assertRefused(() -> RosterWorld.as(w.finance(), () -> payouts.createBatch(w.scope(), c.id(), layout, null)),
				"programs.payout.nothingToSend");

		// the bank pays 赵大山, and 钱小河's account is closed
		RosterLineView lineA = lines.stream().filter(l -> l.householdId() == a.id()).findFirst().orElseThrow();
		int seqA = lines.indexOf(lineA) + 1;
		int seqB = 3 - seqA;
		byte[] ret = BankData.gbk("H|" + batch.batchNo() + "|2|" + total + "|1|" + yuan + "|1|" + yuan + "\r\n"
				+ "D|" + seqA + "|赵大山|" + RosterWorld.ACCOUNT + "|" + yuan + "|S|\r\n"
				+ "D|" + seqB + "|钱小河|" + RosterWorld.ACCOUNT + "|" + yuan + "|F|账户已销户\r\n");
		RosterWorld.as(w.finance(), () -> importAnswer(w, batch.id(), ret));
		lines = world.lines(w, c.id());
		assertThat(lines).filteredOn(l -> l.householdId() == a.id()).singleElement()
			.satisfies(l -> assertThat(l.paymentStatus()).isEqualTo("PAID"));
		assertThat(lines).filteredOn(l -> l.householdId() == b.id()).singleElement().satisfies(l -> {
			assertThat(l.paymentStatus()).isEqualTo("FAILED");
			assertThat(l.paymentReason()).isEqualTo("账户已销户");
		});
		assertThat(RosterWorld.as(w.finance(), () -> rosters.payments(w.scope(), b.id())))
			.extracting(p -> p.line().paymentStatus()).containsExactly("FAILED");

		// the account is corrected in the register and the failed line goes out again, alone
		String corrected = "6217000011112222333";
		jdbc.sql("UPDATE registry_household SET bank_account_enc = ?, bank_account_hash = ?, bank_account_masked = ? WHERE id = ?")
			.params(cipher.encrypt(corrected), cipher.hash(corrected), "6217***********2333", b.id()).update();
		List<BankBatchView> followUps = RosterWorld.as(w.finance(),
				() -> payouts.reissueFailed(w.scope(), c.id(), LocalDate.of(y, 11, 22)));
		assertThat(followUps).singleElement().satisfies(f -> {
			assertThat(f.lineCount()).isEqualTo(1);
			assertThat(f.followUpOf()).isEqualTo(batch.id());
		});
		BankBatchView followUp = followUps.get(0);
		String second = new String(download(w, followUp.id()), BankData.GBK);
		assertThat(second).contains("|钱小河|" + corrected + "|" + yuan + "|").doesNotContain("赵大山");
		assertThat(world.lines(w, c.id())).filteredOn(l -> l.householdId() == b.id()).singleElement().satisfies(l -> {
			assertThat(l.paymentStatus()).isEqualTo("SENT");
			assertThat(l.bankBatchId()).isEqualTo(followUp.id());
			assertThat(l.accountMasked()).isEqualTo("6217***********2333");
		});
		byte[] ret2 = BankData.gbk("H|" + followUp.batchNo() + "|1|" + yuan + "|1|" + yuan + "|0|0.00\r\n"
				+ "D|1|钱小河|" + corrected + "|" + yuan + "|S|\r\n");
		RosterWorld.as(w.finance(), () -> importAnswer(w, followUp.id(), ret2));
		assertThat(world.lines(w, c.id())).extracting(RosterLineView::paymentStatus).containsOnly("PAID");

		// nobody paid twice: nothing failed, nothing to send, one paid bank line per roster line
		assertRefused(() -> RosterWorld.as(w.finance(), () -> payouts.reissueFailed(w.scope(), c.id(), null)),
				"programs.payout.nothingFailed");
		assertRefused(() -> RosterWorld.as(w.finance(), () -> payouts.createBatch(w.scope(), c.id(), layout, null)),
				"programs.payout.nothingToSend");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM programs_bank_line b JOIN programs_roster_line l ON l.id = b.reference
				WHERE l.cycle_id = ? AND b.status = 'PAID'""").param(c.id()).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aMinorsMoneyGoesToTheHeadsCardUnderTheHeadsNameAndIdNumber() throws Exception {
		RosterWorld.World w = world.world("未成年人代领");
		LocalDate today = clock.today();
		int y = today.getYear();
		HouseholdView h = world.file(w, List.of(Category.DIBAO), true,
				RosterWorld.member("孙守业", today.minusYears(41), Relation.HEAD, Employment.LAID_OFF, "0", Health.HEALTHY, null),
				RosterWorld.member("孙小禾", today.minusYears(9), Relation.DAUGHTER, Employment.STUDENT, "0", Health.HEALTHY,
						org.bangfu.registry.Vocabulary.Schooling.PRIMARY));
		String code = "t" + w.place().organisation().id() + "-per-person";
		ProgramContent content = new ProgramContent("每人慰问", null, null, null, ProgramForm.CASH, null, "cat_dibao",
				BeneficiaryUnit.PERSON, null, List.of(new AmountRow("true", null, "100", null, false, "每人100元", null)), null,
				Rounding.FEN, null, List.of(new ProgramTestCase("两口之家", java.util.Map.of("cat_dibao", true),
						List.of(new TestMember("户主", 41, null, null, null, null, null), new TestMember("女儿", 9, null, null, null, null, null)),
						null, null, List.of(new BigDecimal("100"), new BigDecimal("100")))), null);
		ProgramView p = RosterWorld.as(w.finance(), () -> programs.create(w.scope(), code, content));
		RosterWorld.as(w.finance(), () -> programs.activate(w.scope(), p.id()));
		CycleView c = world.run(w, code, "M" + w.place().organisation().id(), LocalDate.of(y, 6, 1), LocalDate.of(y, 6, 30));

		List<RosterLineView> lines = world.lines(w, c.id());
		assertThat(lines).extracting(l -> l.payeeName() + ":" + l.accountHolder() + ":" + l.accountStatus())
			.containsExactlyInAnyOrder("孙守业:null:OK", "孙小禾:孙守业:OK");
		assertThat(lines).extracting(RosterLineView::accountMasked).containsOnly(lines.get(0).accountMasked());
		String roster = org.bangfu.support.Http.loggedIn(port, w.finance().login(), Fixtures.PASSWORD)
			.get("/programs/cycles/" + c.id()).body();
		assertThat(roster).contains("未成年人，发至户主（监护人）孙守业 的账户");

		CycleView s = RosterWorld.as(w.finance(), () -> rosters.submit(w.scope(), c.id(), c.version()));
		RosterWorld.as(w.approver(), () -> rosters.approve(w.scope(), c.id(), s.version()));
		RosterWorld.as(w.finance(), () -> payouts.savePayer(w.scope(), "某县民政局", "1202020209000012345"));
		BankBatchView batch = RosterWorld.as(w.finance(),
				() -> payouts.createBatch(w.scope(), c.id(), layouts.builtIn(w.scope()).id(), LocalDate.of(y, 6, 20)));
		String file = new String(download(w, batch.id()), BankData.GBK);
		long headId = jdbc.sql("SELECT id FROM registry_member WHERE household_id = ? AND relation = 'HEAD'").param(h.id())
			.query(Long.class).single();
		long childId = jdbc.sql("SELECT id FROM registry_member WHERE household_id = ? AND relation <> 'HEAD'").param(h.id())
			.query(Long.class).single();
		java.util.Set<org.bangfu.shared.Role> admin = java.util.Set.of(org.bangfu.shared.Role.ADMIN);
		String headIdNumber = world.registry.revealIdNumber(w.scope(), admin, h.id(), headId);
		String childIdNumber = world.registry.revealIdNumber(w.scope(), admin, h.id(), childId);
		// both lines to the head's card, under the head's name and ID number: the bank's name check passes
		assertThat(file.lines().filter(l -> l.startsWith("D|")))
			.hasSize(2)
			.allSatisfy(l -> assertThat(l).contains("|孙守业|" + RosterWorld.ACCOUNT + "|100.00|01|" + headIdNumber + "|"));
		assertThat(file).doesNotContain("孙小禾").doesNotContain(childIdNumber);
	}

	@Test
	void aPersonsOwnAccountIsRecordedEncryptedAndOnlyWithinTheScope() {
		RosterWorld.World w = world.world("个人账户");
		RosterWorld.World other = world.world("别处个人账户");
		LocalDate today = clock.today();
		HouseholdView h = world.file(w, List.of(Category.DIBAO), true,
				RosterWorld.member("孙一卡", today.minusYears(40), Relation.HEAD, Employment.UNABLE, "0", Health.CHRONIC, null));
		long member = jdbc.sql("SELECT id FROM registry_member WHERE household_id = ?").param(h.id()).query(Long.class).single();
		RosterWorld.as(w.finance(), () -> {
			payouts.saveMemberAccount(w.scope(), h.id(), member, "中国农业银行", "6228 4800 1234 5678 9");
			return null;
		});
		String enc = jdbc.sql("SELECT account_enc FROM programs_member_account WHERE member_id = ?").param(member)
			.query(String.class).single();
		assertThat(enc).doesNotContain("62284800");
		assertThat(cipher.decrypt(enc)).isEqualTo("6228480012345678 9".replace(" ", ""));
		assertRefused(() -> RosterWorld.as(other.finance(), () -> {
			payouts.saveMemberAccount(other.scope(), h.id(), member, "中国农业银行", "6228480012345678");
			return null;
		}), "registry.member.notFound");
	}

	private BankReturnResult importAnswer(RosterWorld.World w, long batchId, byte[] bytes) {
		try {
			return bank.importAnswer(w.scope(), batchId, "回盘.txt", new ByteArrayInputStream(bytes));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
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

	private static void assertRefused(Runnable work, String key) {
		assertThatThrownBy(work::run).isInstanceOfSatisfying(BangfuException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo(key));
	}

	private static final class PayoutPolicyName {

		static String of(CycleView c) {
			return org.bangfu.programs.internal.payout.PayoutPolicy.purpose(c.programName());
		}

	}

}
