package org.bangfu.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bangfu.identification.Places;
import org.bangfu.programs.BankBatchView;
import org.bangfu.programs.BankFiles;
import org.bangfu.programs.BankLayouts;
import org.bangfu.programs.CycleStatus;
import org.bangfu.programs.CycleView;
import org.bangfu.programs.Payouts;
import org.bangfu.programs.RosterLineView;
import org.bangfu.programs.RosterWorld;
import org.bangfu.programs.Rosters;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BangfuException;
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
 * The real programs flow books the money: approving a roster commits its total to the fund of
 * the program's fund code, a roster the fund (or its budget) cannot cover is not approved, also
 * when two are approved at the same moment; a restricted donation pays only its program; the
 * bank's return spends the paid lines and releases exactly the failed ones, and the re-issue
 * commits them again; the public disclosure shows the paid amount and no personal data.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, RosterWorld.class })
class FundsRosterIntegrationTests {

	private static final Charset GBK = Charset.forName("GBK");

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
	Funds funds;

	@Autowired
	Donations donations;

	@Autowired
	Budgets budgets;

	@Autowired
	Ledger ledger;

	@Autowired
	org.bangfu.pairing.Ledgers ledgers;

	@Autowired
	BusinessClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBankReturnSpendsThePaidLinesAndReleasesExactlyTheFailedOnes() throws Exception {
		RosterWorld.World w = world.world("资金代发");
		FundView fund = open(w, "district-budget", FundSource.DISTRICT_FINANCE);
		RosterWorld.as(w.finance(), () -> funds.receive(w.scope(), fund.id(), new BigDecimal("5000.00"), null, "年初拨入"));
		HouseholdView a = household(w, "赵资金");
		HouseholdView b = household(w, "钱资金");
		CycleView c = approved(w, "F1");
		long total = c.totalFen();
		assertThat(total).isPositive();
		assertThat(funds.fund(w.scope(), fund.id())).satisfies(f -> {
			assertThat(f.committedFen()).isEqualTo(total);
			assertThat(f.availableFen()).isEqualTo(500_000 - total);
		});

		int y = clock.today().getYear();
		long layout = layouts.builtIn(w.scope()).id();
		RosterWorld.as(w.finance(), () -> payouts.savePayer(w.scope(), "某县民政局", "1202020209000012345"));
		BankBatchView batch = RosterWorld.as(w.finance(), () -> payouts.createBatch(w.scope(), c.id(), layout, LocalDate.of(y, 1, 20)));
		List<RosterLineView> lines = world.lines(w, c.id());
		RosterLineView lineA = lines.stream().filter(l -> l.householdId() == a.id()).findFirst().orElseThrow();
		RosterLineView lineB = lines.stream().filter(l -> l.householdId() == b.id()).findFirst().orElseThrow();
		int seqA = lines.indexOf(lineA) + 1;
		String yuanA = yuan(lineA.amountFen());
		String yuanB = yuan(lineB.amountFen());
		byte[] ret = ("H|" + batch.batchNo() + "|2|" + yuan(total) + "|1|" + yuanA + "|1|" + yuanB + "\r\n"
				+ "D|" + seqA + "|赵资金|" + RosterWorld.ACCOUNT + "|" + yuanA + "|S|\r\n"
				+ "D|" + (3 - seqA) + "|钱资金|" + RosterWorld.ACCOUNT + "|" + yuanB + "|F|账户已销户\r\n").getBytes(GBK);
		RosterWorld.as(w.finance(), () -> importAnswer(w, batch.id(), ret));

		assertThat(funds.fund(w.scope(), fund.id())).satisfies(f -> {
			assertThat(f.spentFen()).isEqualTo(lineA.amountFen());
			assertThat(f.committedFen()).isZero();
			assertThat(f.availableFen()).isEqualTo(500_000 - lineA.amountFen());
		});
		assertThat(jdbc.sql("""
				SELECT coalesce(sum(amount_fen), 0) FROM funds_ledger_entry e JOIN funds_posting p ON p.id = e.posting_id
				WHERE p.kind = 'RELEASE' AND e.account = 'COMMITTED' AND e.reference = ?""").param(lineB.id())
			.query(Long.class).single()).isEqualTo(-lineB.amountFen());

		List<BankBatchView> followUps = RosterWorld.as(w.finance(),
				() -> payouts.reissueFailed(w.scope(), c.id(), LocalDate.of(y, 1, 22)));
		assertThat(followUps).hasSize(1);
		assertThat(funds.fund(w.scope(), fund.id())).satisfies(f -> {
			assertThat(f.committedFen()).isEqualTo(lineB.amountFen());
			assertThat(f.availableFen()).isEqualTo(500_000 - total);
		});
		assertThat(ledger.total(w.scope())).isZero();

		// the household's payments (its page and its ledger 一户一册) name the fund that paid
		assertThat(RosterWorld.as(w.finance(), () -> rosters.payments(w.scope(), a.id())))
			.extracting(p -> p.fundName()).containsExactly(fund.name());
		assertThat(RosterWorld.as(w.finance(), () -> ledgers.ledger(w.finance(), a.id())).payments()).extracting(p -> p.fundName()).containsExactly(fund.name());

		// the public disclosure shows the paid amount and count of the organisation, and nobody's name or account
		Http anonymous = Http.browser(port);
		String disclosed = anonymous.get("/public/funds?year=" + clock.today().getYear()).body();
		assertThat(disclosed).contains(w.place().organisation().name(), "取暖", Yuan.of(lineA.amountFen()))
			.doesNotContain("赵资金", "钱资金", RosterWorld.ACCOUNT, "6222");
		HttpResponse<byte[]> pdf = anonymous.getBytes("/public/funds.pdf?year=" + clock.today().getYear());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
		assertThatThrownBy(() -> jdbc.sql("UPDATE funds_ledger_entry SET amount_fen = 1 WHERE fund_id = ?").param(fund.id()).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM funds_posting WHERE organisation_id = ?")
			.param(w.place().organisation().id()).update()).hasMessageContaining("append-only");
	}

	@Test
	void aRosterTheFundOrItsBudgetCannotCoverIsNotApprovedAlsoWhenTwoAreApprovedAtOnce() throws Exception {
		RosterWorld.World w = world.world("资金不足");
		FundView fund = open(w, "district-budget", FundSource.DISTRICT_FINANCE);
		household(w, "孙不足");
		household(w, "李不足");
		CycleView first = submitted(w, "S1");
		CycleView second = submitted(w, "S2");
		long total = first.totalFen();
		assertThat(second.totalFen()).isEqualTo(total);

		// not enough: refused in Chinese, the roster stays submitted and nothing is booked
		RosterWorld.as(w.finance(), () -> funds.receive(w.scope(), fund.id(), BigDecimal.valueOf(total - 1, 2), null, null));
		assertThatThrownBy(() -> RosterWorld.as(w.approver(), () -> rosters.approve(w.scope(), first.id(), first.version())))
			.isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.messageKey()).isEqualTo("funds.overspend.fund"));
		assertThat(rosters.cycle(w.scope(), first.id()).status()).isEqualTo(CycleStatus.SUBMITTED);
		assertThat(funds.fund(w.scope(), fund.id()).committedFen()).isZero();

		// enough money, but the year's budget of the program is short by one fen
		RosterWorld.as(w.finance(), () -> funds.receive(w.scope(), fund.id(), BigDecimal.valueOf(total / 2 + 1, 2), null, null));
		RosterWorld.as(w.finance(), () -> budgets.set(w.scope(), clock.today().getYear(), fund.id(), "plan10-heating",
				BigDecimal.valueOf(total - 1, 2)));
		assertThatThrownBy(() -> RosterWorld.as(w.approver(), () -> rosters.approve(w.scope(), first.id(), first.version())))
			.isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.messageKey()).isEqualTo("funds.overspend.budget"));
		RosterWorld.as(w.finance(), () -> budgets.set(w.scope(), clock.today().getYear(), fund.id(), "plan10-heating",
				BigDecimal.valueOf(10 * total, 2)));

		// the fund holds one and a half rosters: two approvals at the same moment, only one passes
		List<Object> results = atOnce(List.of(
				() -> RosterWorld.as(w.approver(), () -> rosters.approve(w.scope(), first.id(), first.version())),
				() -> RosterWorld.as(w.approver2(), () -> rosters.approve(w.scope(), second.id(), second.version()))));
		assertThat(results).filteredOn(CycleView.class::isInstance).hasSize(1);
		assertThat(results).filteredOn(BangfuException.class::isInstance).singleElement()
			.satisfies(ex -> assertThat(((BangfuException) ex).messageKey()).isEqualTo("funds.overspend.fund"));
		FundView after = funds.fund(w.scope(), fund.id());
		assertThat(after.committedFen()).isEqualTo(total);
		assertThat(after.availableFen()).isEqualTo(total / 2);
		assertThat(budgets.list(w.scope(), clock.today().getYear())).singleElement()
			.satisfies(bv -> assertThat(bv.usedFen()).isEqualTo(total));
	}

	@Test
	void aRestrictedDonationPaysOnlyItsProgram() throws Exception {
		RosterWorld.World w = world.world("定向捐赠");
		FundView fund = open(w, "district-budget", FundSource.DONATIONS);
		household(w, "周定向");
		CycleView c = submitted(w, "D1");
		long total = c.totalFen();
		RosterWorld.as(w.finance(), () -> donations.record(w.scope(), new NewDonation(fund.id(), "ORGANISATION", "某爱心企业",
				false, "CASH", null, BigDecimal.valueOf(5 * total, 2), clock.today(), "plan2-august-study", "R-001")));
		assertThatThrownBy(() -> RosterWorld.as(w.approver(), () -> rosters.approve(w.scope(), c.id(), c.version())))
			.isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.messageKey()).isEqualTo("funds.overspend.fund"));

		RosterWorld.as(w.finance(), () -> donations.record(w.scope(), new NewDonation(fund.id(), "PERSON", "王善人", true,
				"CASH", null, BigDecimal.valueOf(total, 2), clock.today(), "plan10-heating", "R-002")));
		RosterWorld.as(w.approver(), () -> rosters.approve(w.scope(), c.id(), c.version()));
		FundView f = funds.fund(w.scope(), fund.id());
		assertThat(f.restrictedFen()).isEqualTo(5 * total);
		assertThat(f.availableFen()).isEqualTo(5 * total);
		assertThat(f.committedFen()).isEqualTo(total);
		assertThat(donations.list(w.scope(), fund.id(), 0, 10)).extracting(DonationView::donorName)
			.containsExactlyInAnyOrder("某爱心企业", null);
	}

	private FundView open(RosterWorld.World w, String code, FundSource source) {
		return RosterWorld.as(w.finance(), () -> funds.open(w.scope(), new NewFund(code, "区财政救助资金", source, false, null)));
	}

	private HouseholdView household(RosterWorld.World w, String name) {
		return world.file(w, List.of(Category.DIBAO), true, RosterWorld.member(name, clock.today().minusYears(60),
				Relation.HEAD, Employment.UNABLE, "0", Health.CHRONIC, null));
	}

	private CycleView submitted(RosterWorld.World w, String key) throws InterruptedException {
		int y = clock.today().getYear();
		CycleView c = world.run(w, "plan10-heating", key + w.place().organisation().id(), LocalDate.of(y, 1, 1),
				LocalDate.of(y, 1, 31));
		return RosterWorld.as(w.finance(), () -> rosters.submit(w.scope(), c.id(), c.version()));
	}

	private CycleView approved(RosterWorld.World w, String key) throws InterruptedException {
		CycleView s = submitted(w, key);
		return RosterWorld.as(w.approver(), () -> rosters.approve(w.scope(), s.id(), s.version()));
	}

	private Object importAnswer(RosterWorld.World w, long batchId, byte[] bytes) {
		try {
			return bank.importAnswer(w.scope(), batchId, "回盘.txt", new ByteArrayInputStream(bytes));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static String yuan(long fen) {
		return BigDecimal.valueOf(fen, 2).toPlainString();
	}

	private static List<Object> atOnce(List<Callable<Object>> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(work.size());
		CyclicBarrier start = new CyclicBarrier(work.size());
		try {
			List<Future<Object>> futures = new ArrayList<>();
			for (Callable<Object> c : work) {
				futures.add(pool.submit(() -> {
					start.await();
					return c.call();
				}));
			}
			List<Object> out = new ArrayList<>();
			for (Future<Object> f : futures) {
				try {
					out.add(f.get());
				}
				catch (ExecutionException ex) {
					out.add(ex.getCause());
				}
			}
			return out;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
