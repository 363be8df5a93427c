package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bangfu.identification.Places;
import org.bangfu.programs.internal.RosterGeneration;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.Vocabulary.Schooling;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Never twice and four eyes on PostgreSQL: two users opening the same period at once, runs of
 * one roster at the same time and again after it finished, a roster reviewed within its rule's
 * limits, approved once by someone else even when two approve at the same moment; caps and
 * second grants count what the program already paid this year.
 */
@IntegrationTest
@RecordApplicationEvents
@Import({ Fixtures.class, Places.class, RosterWorld.class })
class RosterReviewIntegrationTests {

	@Autowired
	RosterWorld world;

	@Autowired
	Rosters rosters;

	@Autowired
	Programs programs;

	@Autowired
	RosterGeneration generation;

	@Autowired
	BusinessClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	private static <T> List<Object> atOnce(List<Callable<T>> work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(work.size());
		CyclicBarrier start = new CyclicBarrier(work.size());
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> w : work) {
				futures.add(pool.submit(() -> {
					start.await();
					return w.call();
				}));
			}
			List<Object> out = new ArrayList<>();
			for (Future<T> f : futures) {
				try {
					out.add(f.get());
				}
				catch (java.util.concurrent.ExecutionException ex) {
					out.add(ex.getCause());
				}
			}
			return out;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private HouseholdView family(RosterWorld.World w, LocalDate today) {
		return world.file(w, List.of(Category.DIBAO), true,
				RosterWorld.member("张建国", today.minusYears(52), Relation.HEAD, Employment.LAID_OFF, "0", Health.HEALTHY, null),
				RosterWorld.member("李梅", today.minusYears(50), Relation.SPOUSE, Employment.EMPLOYED, "700", Health.HEALTHY, null),
				RosterWorld.member("张伟", today.minusYears(19), Relation.SON, Employment.STUDENT, "0", Health.HEALTHY, Schooling.BACHELOR));
	}

	@Test
	void twoUsersOpeningTheSamePeriodAtOnceGetOneCycle() throws Exception {
		RosterWorld.World w = world.world("同期两人");
		ProgramView p = programs.active("plan10-heating").orElseThrow();
		int y = clock.today().getYear();
		String key = "T" + w.place().organisation().id() + "-H";
		NewCycle c = new NewCycle(p.id(), "取暖", key, LocalDate.of(y, 11, 1), LocalDate.of(y, 11, 30), LocalDate.of(y, 11, 30));
		List<Object> results = atOnce(List.of(() -> RosterWorld.as(w.finance(), () -> rosters.open(w.scope(), c)),
				() -> RosterWorld.as(w.approver(), () -> rosters.open(w.scope(), c))));
		assertThat(results).filteredOn(CycleView.class::isInstance).hasSize(1);
		assertThat(results).filteredOn(BangfuException.class::isInstance).singleElement()
			.satisfies(e -> assertThat(((BangfuException) e).messageKey()).isEqualTo("programs.cycle.periodTaken"));
		assertThat(jdbc.sql("SELECT count(*) FROM programs_cycle WHERE program_code = 'plan10-heating' AND period_key = ?")
			.param(key).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void concurrentAndRepeatedRunsOfOneRosterPayNobodyTwice() throws Exception {
		RosterWorld.World w = world.world("并发生成");
		LocalDate today = clock.today();
		for (int i = 0; i < 5; i++) {
			family(w, today);
		}
		ProgramView p = programs.active("plan10-price-subsidy").orElseThrow();
		int y = today.getYear();
		CycleView c = RosterWorld.as(w.finance(), () -> rosters.open(w.scope(), new NewCycle(p.id(), "价格补贴", "T"
				+ w.place().organisation().id(), LocalDate.of(y, 1, 1), LocalDate.of(y, 2, 28), LocalDate.of(y, 3, 5))));
		long job = RosterWorld.as(w.finance(), () -> rosters.generate(w.scope(), c.id()));
		// the job, and two more runs of the same cycle at the same moment (two instances)
		atOnce(List.<Callable<Long>>of(() -> generation.generate(c.id(), n -> {
		}), () -> generation.generate(c.id(), n -> {
		})));
		world.waitFor(job);
		assertThat(world.lines(w, c.id())).hasSize(15).allMatch(l -> l.amountFen() == 50_00);
		// run again after it finished (as after a crash): nothing added
		long again = RosterWorld.as(w.finance(), () -> rosters.generate(w.scope(), c.id()));
		world.waitFor(again);
		CycleView after = rosters.cycle(w.scope(), c.id());
		assertThat(after.lineCount()).isEqualTo(15);
		assertThat(after.totalFen()).isEqualTo(15 * 50_00);
		assertThat(after.status()).isEqualTo(CycleStatus.GENERATED);
	}

	@Test
	void aRosterIsReviewedWithinItsLimitsAndApprovedOnceBySomeoneElse() throws Exception {
		RosterWorld.World w = world.world("四眼审批");
		LocalDate today = clock.today();
		HouseholdView h = world.file(w, List.of(Category.HARDSHIP_WORKER), true,
				RosterWorld.member("吴军", today.minusYears(47), Relation.HEAD, Employment.EMPLOYED, "1500", Health.HEALTHY, null),
				RosterWorld.member("吴小明", today.minusYears(14), Relation.SON, Employment.STUDENT, "0", Health.HEALTHY, Schooling.JUNIOR));
		int y = today.getYear();
		CycleView c = world.run(w, "plan5-pupils", "T" + w.place().organisation().id(), LocalDate.of(y, 9, 1), LocalDate.of(y, 9, 30));
		RosterLineView line = world.lines(w, c.id()).get(0);
		assertThat(rosters.checks(w.scope(), c.id()).needsReason()).isEqualTo(1);
		assertThatThrownBy(() -> RosterWorld.as(w.finance(), () -> rosters.submit(w.scope(), c.id(), c.version())))
			.isInstanceOf(BangfuException.class).hasMessageContaining("programs.roster.needsReason");
		assertThatThrownBy(() -> RosterWorld.as(w.finance(),
				() -> rosters.edit(w.scope(), c.id(), line.id(), new LineEdit(new BigDecimal("1200"), "家庭困难", line.version()))))
			.isInstanceOf(BangfuException.class).hasMessageContaining("programs.line.amount.outOfRange");
		assertThatThrownBy(() -> RosterWorld.as(w.finance(),
				() -> rosters.edit(w.scope(), c.id(), line.id(), new LineEdit(new BigDecimal("800"), " ", line.version()))))
			.isInstanceOf(BangfuException.class).hasMessageContaining("programs.line.reason.required");
		RosterLineView edited = RosterWorld.as(w.finance(),
				() -> rosters.edit(w.scope(), c.id(), line.id(), new LineEdit(new BigDecimal("800"), "单亲，学费负担重", line.version())));
		assertThat(edited.amountFen()).isEqualTo(800_00);
		assertThat(edited.status()).isEqualTo(LineStatus.EDITED);
		// the same edit again from a stale read is refused
		assertThatThrownBy(() -> RosterWorld.as(w.finance(),
				() -> rosters.edit(w.scope(), c.id(), line.id(), new LineEdit(new BigDecimal("900"), "再改", line.version()))))
			.isInstanceOf(BangfuException.class).hasMessageContaining("programs.line.changed");

		CycleView submitted = RosterWorld.as(w.finance(), () -> rosters.submit(w.scope(), c.id(), rosters.cycle(w.scope(), c.id()).version()));
		assertThat(submitted.status()).isEqualTo(CycleStatus.SUBMITTED);
		assertThatThrownBy(() -> RosterWorld.as(w.finance(), () -> rosters.approve(w.scope(), c.id(), submitted.version())))
			.isInstanceOf(BangfuException.class)
			.satisfies(e -> assertThat(((BangfuException) e).problem()).isEqualTo(Problem.FORBIDDEN));

		List<Object> results = atOnce(List.of(() -> RosterWorld.as(w.approver(), () -> rosters.approve(w.scope(), c.id(), submitted.version())),
				() -> RosterWorld.as(w.approver2(), () -> rosters.approve(w.scope(), c.id(), submitted.version()))));
		assertThat(results).filteredOn(CycleView.class::isInstance).hasSize(1);
		assertThat(results).filteredOn(BangfuException.class::isInstance).hasSize(1);
		assertThat(events.stream(RosterApproved.class).filter(e -> e.cycleId() == c.id()))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.totalFen()).isEqualTo(800_00);
				assertThat(e.lineCount()).isEqualTo(1);
				assertThat(e.programCode()).isEqualTo("plan5-pupils");
			});
		// locked
		RosterLineView now = rosters.line(w.scope(), c.id(), line.id());
		assertThatThrownBy(() -> RosterWorld.as(w.finance(),
				() -> rosters.remove(w.scope(), c.id(), line.id(), new LineRemoval("错误", now.version()))))
			.isInstanceOf(BangfuException.class).hasMessageContaining("programs.cycle.notEditable");
		assertThat(rosters.ofHousehold(h.id())).extracting(RosterLineView::amountFen).containsExactly(800_00L);
	}

	@Test
	void capsAndSecondGrantsCountWhatTheProgramAlreadyPaidThisYear() throws Exception {
		RosterWorld.World w = world.world("年度封顶");
		LocalDate today = clock.today();
		int y = today.getYear();
		HouseholdView h = world.file(w, List.of(Category.DIBAO), true,
				RosterWorld.member("周建华", today.minusYears(50), Relation.HEAD, Employment.UNABLE, "0", Health.CHRONIC, null));
		world.medical(w, h.id(), "10000.00", y);
		String k = "T" + w.place().organisation().id();
		CycleView first = world.run(w, "plan10-medical", k + "-1", LocalDate.of(y, 1, 1), LocalDate.of(y, 1, 31));
		approve(w, first);
		CycleView second = world.run(w, "plan10-medical", k + "-2", LocalDate.of(y, 2, 1), LocalDate.of(y, 2, 28));
		assertThat(world.lines(w, second.id())).singleElement().satisfies(l -> {
			assertThat(l.amountFen()).isEqualTo(4000_00);
			assertThat(l.secondGrant()).isTrue();
			assertThat(l.status()).isEqualTo(LineStatus.NEEDS_REASON);
		});

		CycleView a = world.run(w, "plan21-medical", k + "-a", LocalDate.of(y, 1, 1), LocalDate.of(y, 1, 31));
		assertThat(a.totalFen()).isEqualTo(5000_00);
		approve(w, a);
		CycleView b = world.run(w, "plan21-medical", k + "-b", LocalDate.of(y, 6, 1), LocalDate.of(y, 6, 30));
		// 5,000 a household a year already paid: nothing more this year
		assertThat(world.lines(w, b.id())).isEmpty();
	}

	@Autowired
	org.bangfu.programs.internal.CasePayments casePayments;

	@Test
	void anApprovedAssistanceCasePaysThroughAProgramOnce() {
		RosterWorld.World w = world.world("案件发放");
		LocalDate today = clock.today();
		HouseholdView h = family(w, today);
		long caseId = jdbc.sql("""
				INSERT INTO cases_case (case_no, type, chain_id, household_id, file_no, head_name, organisation_id, region_code, status,
				    summary, requested_amount, created_by_id, created_by)
				SELECT :no, 'ASSISTANCE', (SELECT id FROM cases_chain ORDER BY id LIMIT 1), h.id, h.file_no, '张建国', h.organisation_id,
				       h.region_code, 'APPROVED', '医疗费用负担重', 1500.50, 0, 'test'
				FROM registry_household h WHERE h.id = :h RETURNING id""")
			.param("no", "T" + System.nanoTime()).param("h", h.id()).query(Long.class).single();
		assertThat(casePayments.pay(caseId, today)).isPresent();
		// the event again (a redelivery): nothing more
		assertThat(casePayments.pay(caseId, today)).isEmpty();
		List<CycleView> cycles = rosters.cycles(w.scope()).stream().filter(c -> c.periodKey().equals("case-" + caseId)).toList();
		assertThat(cycles).singleElement().satisfies(c -> {
			assertThat(c.programCode()).isEqualTo("case-assistance");
			assertThat(c.status()).isEqualTo(CycleStatus.GENERATED);
			assertThat(c.totalFen()).isEqualTo(1500_50);
		});
		assertThat(world.lines(w, cycles.get(0).id())).singleElement().satisfies(l -> {
			assertThat(l.payeeName()).isEqualTo("张建国");
			assertThat(l.accountStatus()).isEqualTo(AccountStatus.OK);
			assertThat(l.facts()).contains("\"case_id\": " + caseId);
		});
		approve(w, cycles.get(0));
		assertThat(rosters.cycle(w.scope(), cycles.get(0).id()).status()).isEqualTo(CycleStatus.APPROVED);
	}

	private void approve(RosterWorld.World w, CycleView c) {
		CycleView s = RosterWorld.as(w.finance(), () -> rosters.submit(w.scope(), c.id(), rosters.cycle(w.scope(), c.id()).version()));
		RosterWorld.as(w.approver(), () -> rosters.approve(w.scope(), c.id(), s.version()));
	}

}
