package org.bangfu.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.bangfu.funds.internal.Bookings;
import org.bangfu.funds.internal.FundRow;
import org.bangfu.funds.internal.FundStore;
import org.bangfu.identification.Places;
import org.bangfu.programs.RosterWorld;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Thousands of random operations on two funds (money received, restricted donations, budgets,
 * roster commitments, paid and failed lines, re-issues, transfers, reversals, the revolving fund
 * topped up as it is spent) against a hand model: every refusal is the one the model predicts
 * (no overspend of fund or budget, restricted money only for its program), every posting
 * balances, and each fund's balances equal the hand sums to the fen.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, RosterWorld.class })
class FundsLedgerPropertyIntegrationTests {

	private static final String[] PROGRAMS = { "P1", "P2" };

	private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() * 1000);

	@Autowired
	RosterWorld world;

	@Autowired
	Funds funds;

	@Autowired
	Donations donations;

	@Autowired
	Budgets budgets;

	@Autowired
	Ledger ledger;

	@Autowired
	Bookings bookings;

	@Autowired
	FundStore fundStore;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	BusinessClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLedgerBalancesToTheFenAfterThousandsOfRandomOperations() {
		RosterWorld.World w = world.world("资金随机");
		qt().withExamples(13).withShrinkCycles(0).forAll(longs().all()).checkAssert(seed -> RosterWorld.as(w.finance(), () -> {
			run(w, new Random(seed), 160);
			return null;
		}));
	}

	private void run(RosterWorld.World w, Random random, int operations) {
		long n = IDS.incrementAndGet();
		FundView a = funds.open(w.scope(), new NewFund("A" + n, "区财政" + n, FundSource.DISTRICT_FINANCE, true, null));
		FundView r = funds.open(w.scope(), new NewFund("R" + n, "周转金" + n, FundSource.REVOLVING, false, a.id()));
		Model m = new Model(a.id(), r.id());
		int year = clock.today().getYear();
		for (int i = 0; i < operations; i++) {
			long f = random.nextBoolean() ? a.id() : r.id();
			String program = PROGRAMS[random.nextInt(2)];
			switch (random.nextInt(9)) {
				case 0, 1 -> {
					long fen = 1 + random.nextInt(200_000);
					String purpose = random.nextInt(3) == 0 ? program : null;
					long posting = purpose == null
							? funds.receive(w.scope(), f, BigDecimal.valueOf(fen, 2), null, "拨入")
							: donations.record(w.scope(), new NewDonation(f, "PERSON", "捐赠人", random.nextBoolean(), "CASH", null,
									BigDecimal.valueOf(fen, 2), clock.today(), purpose, "R" + IDS.incrementAndGet())).postingId();
					m.receive(f, purpose, fen, posting);
				}
				case 2 -> {
					String budgetProgram = random.nextInt(3) == 0 ? null : program;
					long fen = random.nextInt(400_000);
					budgets.set(w.scope(), year, f, budgetProgram, BigDecimal.valueOf(fen, 2));
					m.budgets.put(f + "/" + budgetProgram, fen);
				}
				case 3, 4 -> {
					long cycle = IDS.incrementAndGet();
					Map<Long, Long> lines = new LinkedHashMap<>();
					for (int l = 0; l <= random.nextInt(4); l++) {
						lines.put(IDS.incrementAndGet(), 1 + (long) random.nextInt(60_000));
					}
					String expected = m.refusal(f, program, sum(lines));
					String actual = refusal(() -> inTx(() -> bookings.commit(row(f), program, cycle, sum(lines), "COMMIT", Map.of(),
							clock.today(), "test")));
					assertThat(actual).as("commit %s fen of %s", sum(lines), program).isEqualTo(expected);
					if (expected == null) {
						m.commit(f, program, cycle, lines);
					}
				}
				case 5 -> m.someCycle(random).ifPresent(c -> {
					Map<Long, Long> paid = c.pick(random, "OPEN");
					if (!paid.isEmpty()) {
						inTx(() -> {
							bookings.spend(row(c.fund), c.program, c.id, paid, clock.today(), "test");
							return null;
						});
						m.spend(c, paid);
					}
				});
				case 6 -> m.someCycle(random).ifPresent(c -> {
					Map<Long, Long> failed = c.pick(random, "OPEN");
					if (!failed.isEmpty()) {
						inTx(() -> {
							bookings.release(row(c.fund), c.program, c.id, failed, clock.today(), "test");
							return null;
						});
						m.release(c, failed);
					}
				});
				case 7 -> m.someCycle(random).ifPresent(c -> {
					Map<Long, Long> again = c.pick(random, "RELEASED");
					if (!again.isEmpty()) {
						String expected = m.refusal(c.fund, c.program, sum(again));
						String actual = refusal(() -> inTx(() -> bookings.commit(row(c.fund), c.program, c.id, sum(again),
								"RECOMMIT", again, clock.today(), "test")));
						assertThat(actual).as("recommit").isEqualTo(expected);
						if (expected == null) {
							m.recommit(c, again);
						}
					}
				});
				default -> {
					if (random.nextBoolean() && !m.receipts.isEmpty()) {
						long[] receipt = m.receipts.remove(random.nextInt(m.receipts.size()));
						String purpose = receipt[2] < 0 ? null : PROGRAMS[(int) receipt[2]];
						boolean possible = m.available(receipt[1], purpose) >= receipt[3];
						String actual = refusal(() -> ledger.reverse(w.scope(), receipt[0], "更正"));
						assertThat(actual).as("reversal").isEqualTo(possible ? null : "funds.reverse.spent");
						if (possible) {
							m.add(receipt[1], purpose, -receipt[3]);
						}
					}
					else {
						long to = f == a.id() ? r.id() : a.id();
						long fen = 1 + random.nextInt(100_000);
						if (m.free.getOrDefault(f, 0L) >= fen) {
							inTx(() -> bookings.transfer(row(f), row(to), fen, "TRANSFER", clock.today(), "", "test"));
							m.add(f, null, -fen);
							m.add(to, null, fen);
						}
					}
				}
			}
		}
		for (long f : List.of(a.id(), r.id())) {
			FundView v = funds.fund(w.scope(), f);
			assertThat(v.availableFen()).as("available").isEqualTo(m.free.getOrDefault(f, 0L) + m.restricted(f));
			assertThat(v.restrictedFen()).as("restricted").isEqualTo(m.restricted(f));
			assertThat(v.committedFen()).as("committed").isEqualTo(m.committed.getOrDefault(f, 0L));
			assertThat(v.spentFen()).as("spent").isEqualTo(m.spent.getOrDefault(f, 0L));
			assertThat(m.free.getOrDefault(f, 0L)).isNotNegative();
		}
		assertThat(jdbc.sql("""
				SELECT count(*) FROM (SELECT posting_id FROM funds_ledger_entry WHERE fund_id IN (?, ?)
				GROUP BY posting_id HAVING sum(amount_fen) <> 0) unbalanced""").params(a.id(), r.id()).query(Long.class).single())
			.isZero();
		assertThat(ledger.total(w.scope())).isZero();
	}

	private FundRow row(long id) {
		return fundStore.find(id);
	}

	private <T> T inTx(Supplier<T> work) {
		return tx.execute(s -> work.get());
	}

	private static String refusal(Runnable work) {
		try {
			work.run();
			return null;
		}
		catch (BangfuException ex) {
			return ex.messageKey();
		}
	}

	private static long sum(Map<Long, Long> lines) {
		return lines.values().stream().mapToLong(Long::longValue).sum();
	}

	/** The hand model: free and restricted money per fund, committed, spent, budgets, cycles and their lines. */
	static final class Model {

		final long a;

		final long r;

		final Map<Long, Long> free = new HashMap<>();

		final Map<String, Long> restrictedBy = new HashMap<>();

		final Map<Long, Long> committed = new HashMap<>();

		final Map<Long, Long> spent = new HashMap<>();

		final Map<String, Long> used = new HashMap<>();

		final Map<String, Long> budgets = new HashMap<>();

		final List<Cycle> cycles = new ArrayList<>();

		/** posting, fund, purpose index (-1 free), fen. */
		final List<long[]> receipts = new ArrayList<>();

		Model(long a, long r) {
			this.a = a;
			this.r = r;
		}

		void receive(long f, String purpose, long fen, long posting) {
			add(f, purpose, fen);
			receipts.add(new long[] { posting, f, purpose == null ? -1 : java.util.Arrays.asList(PROGRAMS).indexOf(purpose), fen });
		}

		void add(long f, String purpose, long fen) {
			if (purpose == null) {
				free.merge(f, fen, Long::sum);
			}
			else {
				restrictedBy.merge(f + "/" + purpose, fen, Long::sum);
			}
		}

		long available(long f, String purpose) {
			return purpose == null ? free.getOrDefault(f, 0L) : restrictedBy.getOrDefault(f + "/" + purpose, 0L);
		}

		long restricted(long f) {
			return available(f, "P1") + available(f, "P2");
		}

		String refusal(long f, String program, long total) {
			if (total > available(f, program) + available(f, null)) {
				return "funds.overspend.fund";
			}
			Long forProgram = budgets.get(f + "/" + program);
			if (forProgram != null && used.getOrDefault(f + "/" + program, 0L) + total > forProgram) {
				return "funds.overspend.budget";
			}
			Long whole = budgets.get(f + "/null");
			long all = used.getOrDefault(f + "/P1", 0L) + used.getOrDefault(f + "/P2", 0L);
			if (whole != null && all + total > whole) {
				return "funds.overspend.budget";
			}
			return null;
		}

		void commit(long f, String program, long id, Map<Long, Long> lines) {
			Cycle c = new Cycle(id, f, program);
			lines.forEach((ref, fen) -> c.lines.put(ref, new long[] { fen, 0 }));
			cycles.add(c);
			draw(c, sum(lines));
		}

		void recommit(Cycle c, Map<Long, Long> lines) {
			lines.keySet().forEach(ref -> c.lines.get(ref)[1] = 0);
			draw(c, sum(lines));
		}

		private void draw(Cycle c, long total) {
			long fromRestricted = Math.min(total, available(c.fund, c.program));
			add(c.fund, c.program, -fromRestricted);
			add(c.fund, null, -(total - fromRestricted));
			c.restrictedHeld += fromRestricted;
			committed.merge(c.fund, total, Long::sum);
			used.merge(c.fund + "/" + c.program, total, Long::sum);
		}

		void spend(Cycle c, Map<Long, Long> lines) {
			long total = sum(lines);
			lines.keySet().forEach(ref -> c.lines.get(ref)[1] = 1);
			committed.merge(c.fund, -total, Long::sum);
			spent.merge(c.fund, total, Long::sum);
			if (c.fund == r) {
				long topUp = Math.min(total, free.getOrDefault(a, 0L));
				add(a, null, -topUp);
				add(r, null, topUp);
			}
		}

		void release(Cycle c, Map<Long, Long> lines) {
			long total = sum(lines);
			lines.keySet().forEach(ref -> c.lines.get(ref)[1] = 2);
			long back = Math.min(total, c.restrictedHeld);
			c.restrictedHeld -= back;
			add(c.fund, c.program, back);
			add(c.fund, null, total - back);
			committed.merge(c.fund, -total, Long::sum);
			used.merge(c.fund + "/" + c.program, -total, Long::sum);
		}

		java.util.Optional<Cycle> someCycle(Random random) {
			return cycles.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(cycles.get(random.nextInt(cycles.size())));
		}

	}

	/** A committed cycle: its lines (reference to fen and state 0 open, 1 paid, 2 released). */
	static final class Cycle {

		final long id;

		final long fund;

		final String program;

		final Map<Long, long[]> lines = new LinkedHashMap<>();

		long restrictedHeld;

		Cycle(long id, long fund, String program) {
			this.id = id;
			this.fund = fund;
			this.program = program;
		}

		Map<Long, Long> pick(Random random, String state) {
			long wanted = "OPEN".equals(state) ? 0 : 2;
			Map<Long, Long> out = new LinkedHashMap<>();
			lines.forEach((ref, line) -> {
				if (line[1] == wanted && random.nextBoolean()) {
					out.put(ref, line[0]);
				}
			});
			return out;
		}

	}

}
