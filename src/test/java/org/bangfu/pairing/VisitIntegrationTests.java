package org.bangfu.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.bangfu.identity.BangfuUser;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.pairing.PairingCommands.Pair;
import org.bangfu.pairing.PairingVocabulary.Frequency;
import org.bangfu.pairing.PairingVocabulary.Indicator;
import org.bangfu.pairing.PairingVocabulary.VisitKind;
import org.bangfu.pairing.VisitCommands.RecordVisit;
import org.bangfu.pairing.VisitCommands.SetPolicy;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
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

/** Visits: who may record, retries recorded once, photos checked by content, due dates under policies, indicator roll-up. */
@IntegrationTest
@Import(Fixtures.class)
class VisitIntegrationTests {

	@Autowired
	Visits visits;

	@Autowired
	Pairings pairings;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Fixtures fixtures;

	@Autowired
	BusinessClock clock;

	OrganisationView org;

	Scope scope;

	Actor caseworker;

	@BeforeEach
	void setUp() {
		org = fixtures.organisation("走访测试");
		scope = PairingData.scope(fixtures, org);
		caseworker = actor(fixtures.user(org.id(), Role.CASEWORKER), org, Role.CASEWORKER);
	}

	@AfterEach
	void resetClock() {
		clock.set(Clock.system(BusinessClock.zone()));
	}

	@Test
	void aCadreRecordsVisitsOnlyForTheirOwnHouseholdsAndARetryIsRecordedOnce() {
		String login = fixtures.user(org.id(), Role.PAIRING_CADRE);
		Actor cadre = actor(login, org, Role.PAIRING_CADRE);
		HouseholdView mine = household();
		HouseholdView other = household();
		pairings.pair(scope, new Pair(null, cadre.userId(), mine.id(), null, null, null));

		RecordVisit cmd = new RecordVisit(mine.id(), clock.today(), VisitKind.HOME, "李干部", "家中有病人", "医药费高", "申请医疗救助",
				Checklist.of(Map.of(Indicator.FOOD, true, Indicator.MEDICAL_COVER, false)), "draft-" + System.nanoTime());
		VisitView first = visits.record(cadre, cmd);
		VisitView retry = visits.record(cadre, cmd);
		assertThat(retry.id()).isEqualTo(first.id());
		assertThat(visits.ofHousehold(scope, mine.id())).hasSize(1);
		assertThat(first.cadreName()).isEqualTo("测试用户" + login);
		assertThat(first.checklist().medicalCover()).isFalse();

		BangfuException refused = catchBangfu(() -> visits.record(cadre, new RecordVisit(other.id(), clock.today(), VisitKind.PHONE,
				"李干部", null, null, null, null, null)));
		assertThat(refused.problem()).isEqualTo(Problem.FORBIDDEN);
		assertThat(catchBangfu(() -> visits.record(cadre, new RecordVisit(mine.id(), clock.today().plusDays(1), VisitKind.HOME,
				"李干部", null, null, null, null, null))).messageKey()).isEqualTo("visit.date.future");
	}

	@Test
	void photosAreCheckedByContentAndScaledDown() throws Exception {
		HouseholdView h = household();
		VisitView v = visits.record(caseworker, new RecordVisit(h.id(), clock.today(), VisitKind.HOME, "王", null, null, null, null, null));
		BufferedImage big = new BufferedImage(3200, 1800, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(big, "png", png);
		VisitView.PhotoView photo = visits.addPhoto(caseworker, v.id(), png.toByteArray());
		assertThat(photo.width()).isEqualTo(1600);
		assertThat(photo.height()).isEqualTo(900);
		assertThat(photo.contentType()).isEqualTo("image/jpeg");
		BufferedImage stored = ImageIO.read(visits.photo(scope, photo.id()).path().toFile());
		assertThat(stored.getWidth()).isEqualTo(1600);

		byte[] fake = "<html>not an image</html>".getBytes();
		assertThat(catchBangfu(() -> visits.addPhoto(caseworker, v.id(), fake)).messageKey()).isEqualTo("visit.photo.notImage");
	}

	@Test
	void nextDueDatesFollowThePoliciesAcrossMonthEnds() {
		OrganisationView branch = fixtures.organisationUnder(org.id(), "季度分会");
		visits.setPolicy(scope, new SetPolicy(org.id(), null, Frequency.MONTHLY, null));
		visits.setPolicy(scope, new SetPolicy(org.id(), Category.ELDERLY_ALONE.name(), Frequency.DAYS, 45));
		visits.setPolicy(scope, new SetPolicy(branch.id(), null, Frequency.QUARTERLY, null));
		CadreView cadre = pairings.registerCadre(scope, new PairingCommands.RegisterCadre(org.id(), "钱干部", null, null));

		at(2026, 2, 10);
		HouseholdView a = household(org.id());
		HouseholdView b = PairingData.household(registry, scope, org.id(), PairingData.DAZHI, Category.ELDERLY_ALONE);
		HouseholdView c = household(branch.id());
		HouseholdView d = household(org.id());
		pairings.pair(scope, new Pair(cadre.id(), null, a.id(), null, null, null));
		pairings.pair(scope, new Pair(cadre.id(), null, b.id(), null, null, null));
		pairings.pair(scope, new Pair(cadre.id(), null, d.id(), null, null, null));
		at(2026, 3, 1);
		visit(a, LocalDate.of(2026, 1, 31));
		visit(b, LocalDate.of(2026, 1, 20));
		visit(c, LocalDate.of(2025, 12, 31));

		Map<Long, DueRow> all = new java.util.HashMap<>();
		visits.due(scope, null, 366, false, 100).forEach(r -> all.put(r.householdId(), r));
		assertThat(all.get(a.id()).dueOn()).as("monthly after 31 Jan").isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(all.get(a.id()).overdue()).isTrue();
		assertThat(all.get(a.id()).daysLeft()).isEqualTo(-1);
		assertThat(all.get(b.id()).dueOn()).as("elderly: every 45 days").isEqualTo(LocalDate.of(2026, 3, 6));
		assertThat(all.get(b.id()).frequency()).isEqualTo(Frequency.DAYS);
		assertThat(all.get(c.id()).dueOn()).as("branch quarterly after 31 Dec").isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(all.get(d.id()).dueOn()).as("never visited: from the pairing start 10 Feb").isEqualTo(LocalDate.of(2026, 3, 31));
		for (DueRow r : all.values()) {
			LocalDate basis = r.lastVisit() != null ? r.lastVisit() : LocalDate.of(2026, 2, 10);
			if (r.householdId() != c.id()) {
				assertThat(new VisitFrequency(r.frequency(), r.intervalDays()).nextDue(basis)).as("SQL and Java agree").isEqualTo(r.dueOn());
			}
		}

		assertThat(visits.due(scope, null, 7, false, 100)).extracting(DueRow::householdId).containsExactly(a.id(), b.id());
		assertThat(visits.due(scope, null, 0, true, 100)).extracting(DueRow::householdId).containsExactly(a.id());
		assertThat(visits.due(scope, cadre.id(), 31, false, 100)).extracting(DueRow::householdId)
			.containsExactly(a.id(), b.id(), d.id());

		visit(a, LocalDate.of(2026, 3, 1));
		assertThat(visits.nextDue(scope, a.id()).orElseThrow().dueOn()).isEqualTo(LocalDate.of(2026, 4, 30));
	}

	@Test
	void theLatestChecklistPerHouseholdIsRolledUp() {
		OrganisationView branch = fixtures.organisationUnder(org.id(), "指标分会");
		HouseholdView h1 = household(org.id());
		HouseholdView h2 = household(branch.id());
		household(branch.id());
		at(2026, 5, 1);
		Map<Indicator, Boolean> allMet = new java.util.EnumMap<>(Indicator.class);
		for (Indicator i : Indicator.values()) {
			allMet.put(i, true);
		}
		visitWith(h1, LocalDate.of(2026, 3, 1), Checklist.of(Map.of(Indicator.FOOD, false)));
		visitWith(h1, LocalDate.of(2026, 4, 1), Checklist.of(allMet));
		visitWith(h1, LocalDate.of(2026, 4, 20), Checklist.empty());
		visitWith(h2, LocalDate.of(2026, 4, 2), Checklist.of(Map.of(Indicator.FOOD, false, Indicator.SAFE_WATER, true)));

		List<IndicatorRollup> rows = visits.indicatorsByOrganisation(scope, org.id());
		IndicatorRollup total = rows.get(0);
		assertThat(total.households()).isEqualTo(3);
		assertThat(total.withChecklist()).isEqualTo(2);
		assertThat(total.count(Indicator.FOOD)).isEqualTo(new IndicatorRollup.Count(Indicator.FOOD, 1, 1, 1));
		assertThat(total.count(Indicator.SAFE_WATER)).isEqualTo(new IndicatorRollup.Count(Indicator.SAFE_WATER, 2, 0, 1));
		assertThat(total.count(Indicator.HOUSING_SAFE)).isEqualTo(new IndicatorRollup.Count(Indicator.HOUSING_SAFE, 1, 0, 2));
		IndicatorRollup own = rows.get(1);
		assertThat(own.count(Indicator.FOOD).met()).isEqualTo(1);
		IndicatorRollup child = rows.get(2);
		assertThat(child.name()).isEqualTo(branch.name());
		assertThat(child.count(Indicator.FOOD)).isEqualTo(new IndicatorRollup.Count(Indicator.FOOD, 0, 1, 1));
		assertThat(visits.indicatorState(scope, h1.id()).orElseThrow().checklist().allMet()).isTrue();

		List<IndicatorRollup> byRegion = visits.indicatorsByRegion(scope, "420102");
		assertThat(byRegion).singleElement().satisfies(r -> {
			assertThat(r.name()).isEqualTo("大智街道");
			assertThat(r.count(Indicator.FOOD).notMet()).isEqualTo(1);
		});
	}

	private void visit(HouseholdView h, LocalDate on) {
		visitWith(h, on, Checklist.empty());
	}

	private void visitWith(HouseholdView h, LocalDate on, Checklist checklist) {
		visits.record(caseworker, new RecordVisit(h.id(), on, VisitKind.HOME, "走访组", null, null, null, checklist, null));
	}

	private void at(int y, int m, int d) {
		clock.set(Clock.fixed(LocalDate.of(y, m, d).atStartOfDay(BusinessClock.zone()).toInstant(), ZoneOffset.UTC));
	}

	private HouseholdView household() {
		return household(org.id());
	}

	private HouseholdView household(long orgId) {
		return PairingData.household(registry, scope, orgId);
	}

	Actor actor(String login, OrganisationView org, Role role) {
		return new BangfuUser(fixtures.userId(login), login, "测试用户" + login, org.id(), org.path(), org.name(), EnumSet.of(role), "", true, null);
	}

	private static BangfuException catchBangfu(Runnable r) {
		try {
			r.run();
		}
		catch (BangfuException ex) {
			return ex;
		}
		throw new AssertionError("expected a BangfuException");
	}

}
