package org.bangfu.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bangfu.organisation.OrganisationView;
import org.bangfu.registry.HouseholdCommands.AddMember;
import org.bangfu.registry.HouseholdCommands.CloseHousehold;
import org.bangfu.registry.HouseholdCommands.MoveMember;
import org.bangfu.registry.HouseholdCommands.RemoveMember;
import org.bangfu.registry.HouseholdCommands.ReopenHousehold;
import org.bangfu.registry.HouseholdCommands.UpdateHousehold;
import org.bangfu.registry.Vocabulary.CloseReason;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Money;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@Import(Fixtures.class)
class HouseholdRegistryIntegrationTests {

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BusinessClock clock;

	@Autowired
	JdbcClient jdbc;

	Scope scope;

	OrganisationView org;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("登记测试工会");
		scope = new Scope(org.id(), fixtures.everything().path() + org.id() + "/");
	}

	@AfterEach
	void resetClock() {
		clock.set(Clock.system(BusinessClock.zone()));
	}

	@Test
	void theWorkedExampleGivesPerCapita23333() {
		LocalDate today = registry.today();
		HouseholdView h = registry.file(scope, Households.headOnly(Households.idNumber(today.minusYears(52).minusDays(3), true)));
		registry.addMember(scope, h.id(), new AddMember(Households.person("李梅", Households.idNumber(today.minusYears(50).minusDays(3), false), Relation.SPOUSE, "700")));
		registry.addMember(scope, h.id(), new AddMember(Households.student("张伟", Households.idNumber(today.minusYears(19).minusDays(3), true))));
		HouseholdView now = registry.view(scope, h.id());
		HouseholdFigures f = now.figures(today);
		assertThat(f.size()).isEqualTo(3);
		assertThat(f.monthlyIncome()).isEqualTo(Money.ofYuan(700));
		assertThat(f.annualIncome()).isEqualTo(Money.ofYuan(8400));
		assertThat(f.perCapitaMonthlyIncome()).isEqualTo(Money.of("233.33"));
		assertThat(f.ages().values()).containsExactlyInAnyOrder(52, 50, 19);
		assertThat(now.headName()).isEqualTo("张建国");
		assertThat(now.bankAccountMasked()).isEqualTo("***************0123");
	}

	@Test
	void aPersonCannotBeInTwoActiveHouseholdsEvenInAnotherOrganisation() {
		String id = Households.idNumber(LocalDate.of(1980, 5, 5), true);
		HouseholdView first = registry.file(scope, Households.headOnly(id));
		OrganisationView other = fixtures.organisation("另一工会");
		Scope otherScope = new Scope(other.id(), fixtures.everything().path() + other.id() + "/");
		assertThatThrownBy(() -> registry.file(otherScope, Households.headOnly(id.toLowerCase())))
			.isInstanceOfSatisfying(BangfuException.class, ex -> {
				assertThat(ex.problem()).isEqualTo(Problem.CONFLICT);
				// the sibling organisation is told neither where nor which file (MembershipOracleIntegrationTests)
				assertThat(ex.messageKey()).isEqualTo("registry.member.inHouseholdOutOfScope");
				assertThat(ex.args()).hasSize(1).noneMatch(a -> a.toString().contains(first.fileNo()));
			});
	}

	@Test
	void concurrentFilingsOfTheSamePersonLetExactlyOneSucceed() throws Exception {
		String id = Households.idNumber(LocalDate.of(1975, 1, 2), false);
		CountDownLatch start = new CountDownLatch(1);
		Callable<Object> task = () -> {
			start.await();
			try {
				return registry.file(scope, Households.headOnly(id));
			}
			catch (BangfuException ex) {
				return ex;
			}
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Object> a = pool.submit(task);
			Future<Object> b = pool.submit(task);
			start.countDown();
			List<Object> results = List.of(a.get(), b.get());
			assertThat(results).filteredOn(HouseholdView.class::isInstance).hasSize(1);
			HouseholdView winner = (HouseholdView) results.stream().filter(HouseholdView.class::isInstance).findFirst().get();
			BangfuException loser = (BangfuException) results.stream().filter(BangfuException.class::isInstance).findFirst().get();
			assertThat(loser.messageKey()).isEqualTo("registry.member.inOtherHousehold");
			assertThat(loser.args()[1].toString()).contains(winner.fileNo());
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void movingAMemberKeepsHistoryInBothHouseholds() {
		HouseholdView a = registry.file(scope, Households.headOnly(Households.idNumber(LocalDate.of(1970, 1, 1), true)));
		HouseholdView b = registry.file(scope, Households.headOnly(Households.idNumber(LocalDate.of(1971, 1, 1), true)));
		MemberView son = registry.addMember(scope, a.id(), new AddMember(Households.student("张小明", Households.idNumber(LocalDate.of(2005, 3, 3), true))));
		MemberView moved = registry.moveMember(scope, a.id(), son.id(), new MoveMember(b.id(), Relation.SON));
		assertThat(registry.view(scope, a.id()).members()).extracting(MemberView::name).containsExactly("张建国");
		assertThat(registry.view(scope, b.id()).members()).extracting(MemberView::name).contains("张小明");
		assertThat(moved.idNumberMasked()).isEqualTo(son.idNumberMasked());
		assertThat(registry.history(scope, a.id())).extracting(HouseholdChange::kind)
			.containsExactly("member.moveOut", "member.add", "file");
		assertThat(registry.history(scope, b.id())).extracting(HouseholdChange::kind)
			.containsExactly("member.moveIn", "file");
		// the snapshot before the move still shows him in the first household
		assertThat(registry.history(scope, a.id()).get(1).after().members()).extracting(MemberView::name)
			.contains("张小明");
		// and the person is now held by the second household only
		assertThatThrownBy(() -> registry.addMember(scope, a.id(), new AddMember(Households.person("张小明", idOf(moved), Relation.SON, "0"))))
			.isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.args()[1].toString()).contains(b.fileNo()));
	}

	@Test
	void theFileCanBeReadAsItStoodOnADate() {
		clock.set(Clock.fixed(LocalDate.of(2026, 1, 10).atTime(10, 0).toInstant(ZoneOffset.ofHours(8)), BusinessClock.zone()));
		HouseholdView h = registry.file(scope, Households.headOnly(Households.idNumber(LocalDate.of(1972, 2, 2), true)));
		clock.set(Clock.fixed(LocalDate.of(2026, 3, 1).atTime(9, 0).toInstant(ZoneOffset.ofHours(8)), BusinessClock.zone()));
		var d = Households.household(h.fileNo());
		var changed = new HouseholdCommands.HouseholdData(d.fileNo(), d.regionCode(), "新地址 8 号", d.phone(), d.mainCause(),
				d.secondaryCauses(), d.categories(), d.housingType(), d.floorArea(), d.annualRent(), d.vehicles(),
				d.savings(), d.business(), d.bankName(), "", d.remarks());
		registry.update(scope, h.id(), new UpdateHousehold(h.version(), changed));
		assertThat(registry.asOf(scope, h.id(), LocalDate.of(2026, 1, 10)).address()).isEqualTo(d.address());
		assertThat(registry.asOf(scope, h.id(), LocalDate.of(2026, 2, 28)).address()).isEqualTo(d.address());
		assertThat(registry.asOf(scope, h.id(), LocalDate.of(2026, 3, 1)).address()).isEqualTo("新地址 8 号");
		assertThatThrownBy(() -> registry.asOf(scope, h.id(), LocalDate.of(2026, 1, 9)))
			.isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.problem()).isEqualTo(Problem.NOT_FOUND));
		assertThat(registry.view(scope, h.id()).bankAccountMasked()).as("blank account keeps the stored one")
			.isEqualTo("***************0123");
	}

	@Test
	void closingReleasesMembersAndReopeningClaimsThemAgain() {
		String id = Households.idNumber(LocalDate.of(1960, 6, 6), true);
		HouseholdView h = registry.file(scope, Households.headOnly(id));
		HouseholdView closed = registry.close(scope, h.id(), new CloseHousehold(CloseReason.DEATH, "户主去世"));
		assertThat(closed.status()).isEqualTo(HouseholdStatus.CLOSED);
		assertThatThrownBy(() -> registry.addMember(scope, h.id(), new AddMember(Households.student("甲", Households.idNumber(LocalDate.of(2010, 1, 1), true)))))
			.isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.messageKey()).isEqualTo("registry.household.closed"));
		// while closed, the person may be filed elsewhere …
		HouseholdView other = registry.file(scope, Households.headOnly(id));
		// … so reopening the first one fails, naming the other household
		assertThatThrownBy(() -> registry.reopen(scope, h.id(), new ReopenHousehold(null)))
			.isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.args()[1].toString()).contains(other.fileNo()));
		registry.close(scope, other.id(), new CloseHousehold(CloseReason.TRANSFER, null));
		assertThat(registry.reopen(scope, h.id(), new ReopenHousehold("误注销")).status()).isEqualTo(HouseholdStatus.FILED);
	}

	@Test
	void theHeadIsUniqueAndCannotBeRemoved() {
		HouseholdView h = registry.file(scope, Households.headOnly(Households.idNumber(LocalDate.of(1965, 1, 1), true)));
		assertThatThrownBy(() -> registry.addMember(scope, h.id(), new AddMember(Households.person("二户主", Households.idNumber(LocalDate.of(1966, 1, 1), true), Relation.HEAD, "0"))))
			.isInstanceOfSatisfying(BangfuException.class, ex -> {
				assertThat(ex.field()).isEqualTo("relation");
				assertThat(ex.messageKey()).isEqualTo("registry.head.exists");
			});
		long headId = h.head().orElseThrow().id();
		assertThatThrownBy(() -> registry.removeMember(scope, h.id(), headId, new RemoveMember(null)))
			.isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.messageKey()).isEqualTo("registry.head.required"));
	}

	@Test
	void aSiblingOrganisationsHouseholdIsNotFound() {
		HouseholdView h = registry.file(scope, Households.headOnly(Households.idNumber(LocalDate.of(1990, 1, 1), true)));
		OrganisationView sibling = fixtures.organisation("兄弟工会");
		Scope siblingScope = new Scope(sibling.id(), fixtures.everything().path() + sibling.id() + "/");
		assertThat(registry.find(siblingScope, h.id())).isEmpty();
		assertThatThrownBy(() -> registry.view(siblingScope, h.id()))
			.isInstanceOfSatisfying(BangfuException.class, ex -> assertThat(ex.problem()).isEqualTo(Problem.NOT_FOUND));
		assertThat(registry.search(siblingScope, HouseholdQuery.all()).rows()).isEmpty();
		assertThat(registry.search(scope, HouseholdQuery.all()).rows()).extracting(HouseholdRow::id).containsExactly(h.id());
	}

	@Test
	void idNumbersAreStoredHashedEncryptedAndMasked() {
		String id = Households.idNumber(LocalDate.of(1988, 8, 8), false);
		HouseholdView h = registry.file(scope, Households.headOnly(id));
		String dump = jdbc.sql("SELECT m::text FROM registry_member m WHERE household_id = ?").param(h.id()).query(String.class).single()
				+ jdbc.sql("SELECT string_agg(c::text, '') FROM registry_change c WHERE household_id = ?").param(h.id()).query(String.class).single();
		assertThat(dump).doesNotContain(id).contains(id.substring(0, 6) + "********" + id.substring(14));
		assertThat(registry.search(scope, new HouseholdQuery(id, null, null, null, null, null, null, null, null, null, null)).rows())
			.extracting(HouseholdRow::id).containsExactly(h.id());
	}

	String idOf(MemberView m) {
		long householdId = jdbc.sql("SELECT household_id FROM registry_member WHERE id = ?").param(m.id()).query(Long.class).single();
		return registry.revealIdNumber(scope, java.util.EnumSet.of(Role.CASEWORKER), householdId, m.id());
	}

}
