package org.bangfu.programs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bangfu.identification.Places;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.Vocabulary.Schooling;
import org.bangfu.shared.BusinessClock;
import org.bangfu.support.Fixtures;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The plans' programs, shipped as data and active at first start, produce the right roster
 * lines and amounts on example households filed through the register, through the roster job
 * on PostgreSQL (the set-based statement), with the account each line pays to.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, RosterWorld.class })
class ShippedProgramRostersIntegrationTests {

	@Autowired
	RosterWorld world;

	@Autowired
	BusinessClock clock;

	RosterWorld.World w;

	LocalDate today;

	HouseholdView workedExample;

	HouseholdView nearDibao;

	HouseholdView alone;

	HouseholdView ill;

	HouseholdView students;

	@BeforeEach
	void households() {
		w = world.world("救助发放");
		today = clock.today();
		// DOMAIN's worked example, a dibao family with the head's card: head 52, spouse 50 (700 a month), son 19 at university.
		workedExample = world.file(w, List.of(Category.DIBAO), true,
				RosterWorld.member("张建国", today.minusYears(52), Relation.HEAD, Employment.LAID_OFF, "0", Health.HEALTHY, null),
				RosterWorld.member("李梅", today.minusYears(50), Relation.SPOUSE, Employment.EMPLOYED, "700", Health.CHRONIC, null),
				RosterWorld.member("张伟", today.minusYears(19), Relation.SON, Employment.STUDENT, "0", Health.HEALTHY, Schooling.BACHELOR));
		// An urban near-dibao couple without a bank account.
		nearDibao = world.file(w, List.of(Category.NEAR_DIBAO), false,
				RosterWorld.member("赵强", today.minusYears(45), Relation.HEAD, Employment.UNEMPLOYED, "0", Health.HEALTHY, null),
				RosterWorld.member("钱芳", today.minusYears(44), Relation.SPOUSE, Employment.FLEXIBLE, "900", Health.HEALTHY, null));
		// An elderly woman living alone.
		alone = world.file(w, List.of(Category.ELDERLY_ALONE), true,
				RosterWorld.member("孙秀英", today.minusYears(78), Relation.HEAD, Employment.RETIRED, "0", Health.CHRONIC, null));
		// A dibao household with a major illness and 6,000 of out-of-pocket medical costs this year.
		ill = world.file(w, List.of(Category.DIBAO, Category.HARDSHIP_WORKER), true,
				RosterWorld.member("周建华", today.minusYears(50), Relation.HEAD, Employment.UNABLE, "0", Health.MAJOR_ILLNESS, null));
		world.medical(w, ill.id(), "6000.00", today.getYear());
		// A hardship-worker family with a junior-school pupil and a university student.
		students = world.file(w, List.of(Category.HARDSHIP_WORKER), true,
				RosterWorld.member("吴军", today.minusYears(47), Relation.HEAD, Employment.EMPLOYED, "1500", Health.HEALTHY, null),
				RosterWorld.member("吴小明", today.minusYears(14), Relation.SON, Employment.STUDENT, "0", Health.HEALTHY, Schooling.JUNIOR),
				RosterWorld.member("吴小丽", today.minusYears(19), Relation.DAUGHTER, Employment.STUDENT, "0", Health.HEALTHY,
						Schooling.BACHELOR));
	}

	/** household id → "payee amount account-status status" lines, sorted. */
	private Map<Long, List<String>> roster(CycleView c) {
		return world.lines(w, c.id()).stream().collect(Collectors.groupingBy(RosterLineView::householdId, java.util.TreeMap::new,
				Collectors.mapping(l -> l.payeeName() + " " + l.amount().toPlainString() + " " + l.accountStatus() + " " + l.status(),
						Collectors.collectingAndThen(Collectors.toList(), x -> x.stream().sorted().toList()))));
	}

	@Test
	void plan2GiftsReachTheRightPeople() throws Exception {
		int y = today.getYear();
		CycleView august = world.run(w, "plan2-august-study", "T" + w.place().organisation().id() + "-08",
				LocalDate.of(y, 8, 1), LocalDate.of(y, 8, 31));
		// the dibao family's student; the hardship-worker family is not on the dibao roll
		assertThat(roster(august)).containsExactly(Map.entry(workedExample.id(), List.of("张伟 200.00 NOT_NEEDED PROPOSED")));

		CycleView ninth = world.run(w, "plan2-double-ninth", "T" + w.place().organisation().id() + "-99", LocalDate.of(y, 10, 1),
				LocalDate.of(y, 10, 31));
		assertThat(roster(ninth)).containsExactly(Map.entry(alone.id(), List.of("孙秀英 200.00 NOT_NEEDED PROPOSED")));

		CycleView december = world.run(w, "plan2-december", "T" + w.place().organisation().id() + "-12", LocalDate.of(y, 12, 1),
				LocalDate.of(y, 12, 31));
		Map<Long, List<String>> dec = roster(december);
		assertThat(dec.get(workedExample.id())).containsExactly("李梅 300.00 NOT_NEEDED PROPOSED");
		assertThat(dec.get(nearDibao.id())).containsExactly("赵强 300.00 NOT_NEEDED PROPOSED", "钱芳 300.00 NOT_NEEDED PROPOSED");
		assertThat(dec.get(alone.id())).containsExactly("孙秀英 300.00 NOT_NEEDED PROPOSED");
		assertThat(dec.get(ill.id())).containsExactly("周建华 300.00 NOT_NEEDED PROPOSED");
		assertThat(december.totalFen()).isEqualTo(5 * 300_00);
	}

	@Test
	void plan10PaysPerHouseholdPerMonthAndMedicalReliefWithinItsCapAndTheCost() throws Exception {
		int y = today.getYear();
		String k = "T" + w.place().organisation().id();
		CycleView festival = world.run(w, "plan10-new-year", k + "-NY", LocalDate.of(y, 1, 1), LocalDate.of(y, 1, 31));
		Map<Long, List<String>> ny = roster(festival);
		assertThat(ny.get(workedExample.id())).containsExactly("张建国 800.00 OK PROPOSED");
		assertThat(ny.get(nearDibao.id())).containsExactly("赵强 480.00 MISSING PROPOSED");
		assertThat(ny.get(ill.id())).containsExactly("周建华 800.00 OK PROPOSED");
		assertThat(ny).doesNotContainKeys(alone.id(), students.id());

		CycleView quarter = world.run(w, "plan10-price-subsidy", k + "-Q1", LocalDate.of(y, 1, 1), LocalDate.of(y, 3, 31));
		// 25 a person a month over 3 months; the head's card for the head, the others have no card of their own
		assertThat(roster(quarter).get(workedExample.id())).containsExactly("张伟 75.00 MISSING PROPOSED",
				"张建国 75.00 OK PROPOSED", "李梅 75.00 MISSING PROPOSED");

		CycleView medical = world.run(w, "plan10-medical", k + "-M1", LocalDate.of(y, 1, 1), LocalDate.of(y, 1, 31));
		assertThat(roster(medical)).containsExactly(Map.entry(ill.id(), List.of("周建华 4000.00 OK PROPOSED")));
		RosterLineView line = world.lines(w, medical.id()).get(0);
		assertThat(line.facts()).contains("\"medical_spending_year\": 6000");
		assertThat(line.ruleRow()).isEqualTo(1);
	}

	@Test
	void plan5RangesNeedAReasonAndUniversityTiersFollowTheSchoolingLevel() throws Exception {
		int y = today.getYear();
		String k = "T" + w.place().organisation().id();
		CycleView pupils = world.run(w, "plan5-pupils", k + "-P", LocalDate.of(y, 9, 1), LocalDate.of(y, 9, 30));
		assertThat(roster(pupils)).containsExactly(Map.entry(students.id(), List.of("吴小明 500.00 OK NEEDS_REASON")));
		RosterLineView pupil = world.lines(w, pupils.id()).get(0);
		assertThat(pupil.rangeMinFen()).isEqualTo(500_00);
		assertThat(pupil.rangeMaxFen()).isEqualTo(1000_00);

		CycleView university = world.run(w, "plan5-university", k + "-U", LocalDate.of(y, 9, 1), LocalDate.of(y, 9, 30));
		assertThat(roster(university).get(students.id())).containsExactly("吴小丽 5000.00 MISSING PROPOSED");
		assertThat(roster(university).get(workedExample.id())).containsExactly("张伟 5000.00 MISSING PROPOSED");
	}

	@Test
	void plan21NeverPaysMoreThanTheOutOfPocketCostAndPlan6PaysHardshipWorkers() throws Exception {
		int y = today.getYear();
		String k = "T" + w.place().organisation().id();
		HouseholdView chronic = world.file(w, List.of(Category.HARDSHIP_WORKER), true,
				RosterWorld.member("郑丽", today.minusYears(60), Relation.HEAD, Employment.RETIRED, "800", Health.CHRONIC, null));
		world.medical(w, chronic.id(), "1200.50", y);
		CycleView medical = world.run(w, "plan21-medical", k + "-21", LocalDate.of(y, 3, 1), LocalDate.of(y, 3, 31));
		Map<Long, List<String>> r = roster(medical);
		assertThat(r.get(chronic.id())).containsExactly("郑丽 1200.50 OK PROPOSED");
		assertThat(r.get(ill.id())).containsExactly("周建华 5000.00 OK PROPOSED");
		assertThat(world.lines(w, medical.id())).filteredOn(l -> l.householdId() == chronic.id())
			.singleElement()
			.satisfies(l -> assertThat(l.capped()).isTrue());

		CycleView condolence = world.run(w, "plan6-condolence", k + "-6", LocalDate.of(y, 1, 1), LocalDate.of(y, 2, 1));
		Map<Long, List<String>> c6 = roster(condolence);
		assertThat(c6.get(ill.id())).containsExactly("周建华 1000.00 OK PROPOSED");
		assertThat(c6.get(students.id())).containsExactly("吴军 500.00 OK PROPOSED");
		assertThat(c6).doesNotContainKey(workedExample.id());
		assertThat(condolence.total()).isEqualByComparingTo(new BigDecimal("2000.00"));
	}

}
