package org.bangfu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.bangfu.identification.Places;
import org.bangfu.pairing.CadreView;
import org.bangfu.pairing.PairingCommands.Pair;
import org.bangfu.pairing.PairingCommands.RegisterCadre;
import org.bangfu.pairing.PairingVocabulary.VisitKind;
import org.bangfu.pairing.Pairings;
import org.bangfu.pairing.VisitCommands.RecordVisit;
import org.bangfu.pairing.Visits;
import org.bangfu.registry.HouseholdCommands.ExitHousehold;
import org.bangfu.registry.HouseholdQuery;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.reporting.Dashboard.Bar;
import org.bangfu.shared.Actor;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.bangfu.support.Fixtures;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * A dashboard's figures equal hand counts of households generated with a seed (status, cause, category, region,
 * paired, visited), its region drill-down lists as many households as the bar says, and a sibling county sees none of them.
 */
@IntegrationTest
@Import({ Fixtures.class, Places.class, ReportingWorld.class })
class DashboardFiguresIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ReportingWorld world;

	@Autowired
	Dashboards dashboards;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	Pairings pairings;

	@Autowired
	Visits visits;

	@Test
	void dashboardFiguresEqualHandCountsAndSiblingsSeeNothing() {
		Places.Place place = world.place("统计县");
		Places.Place sibling = world.place("邻县");
		Scope scope = place.scope();
		Actor admin = world.actor(place.organisation(), Role.ADMIN, Role.CASEWORKER);
		Random random = new Random(20);
		HardshipCause[] causes = { HardshipCause.ILLNESS, HardshipCause.DISABILITY, HardshipCause.SCHOOLING };
		Map<String, Long> byStatus = new TreeMap<>();
		Map<String, Long> byCause = new TreeMap<>();
		Map<String, Long> byCategory = new TreeMap<>();
		Map<String, Long> byRegion = new TreeMap<>();
		List<HouseholdView> filed = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			HardshipCause cause = causes[random.nextInt(causes.length)];
			List<Category> cats = random.nextBoolean() ? List.of(Category.DIBAO) : List.of(Category.DIBAO, Category.ELDERLY_ALONE);
			String region = random.nextInt(3) == 0 ? place.otherTownship() : place.township();
			boolean draft = i % 7 == 3;
			HouseholdView h = ReportingWorld.as(admin, () -> world.household(scope, place.organisation().id(), region, cause, cats, draft));
			boolean exited = !draft && i % 5 == 4;
			if (exited) {
				ReportingWorld.as(admin, () -> registry.exit(scope, h.id(), new ExitHousehold(registry.today(), "脱困")));
			}
			String status = draft ? "DRAFT" : exited ? "EXITED" : "FILED";
			byStatus.merge(status, 1L, Long::sum);
			if (status.equals("FILED")) {
				filed.add(h);
				byCause.merge(cause.name(), 1L, Long::sum);
				cats.forEach(c -> byCategory.merge(c.name(), 1L, Long::sum));
				byRegion.merge(region.substring(0, 9), 1L, Long::sum);
			}
		}
		// the sibling county files one household: never in our figures
		Actor siblingAdmin = world.actor(sibling.organisation(), Role.ADMIN);
		ReportingWorld.as(siblingAdmin, () -> world.household(sibling.scope(), sibling.organisation().id(), sibling.township(),
				HardshipCause.ILLNESS, List.of(Category.DIBAO), false));
		// three filed households paired, two of them visited last week
		CadreView cadre = ReportingWorld.as(admin, () -> pairings.registerCadre(scope, new RegisterCadre(place.organisation().id(),
				"王干部", null, null)));
		for (int k = 0; k < 3; k++) {
			long id = filed.get(k).id();
			ReportingWorld.as(admin, () -> pairings.pair(scope, new Pair(cadre.id(), null, id, null, null, null)));
		}
		for (int k = 0; k < 2; k++) {
			long id = filed.get(k).id();
			ReportingWorld.as(admin, () -> visits.record(admin, new RecordVisit(id, visits.today().minusDays(7), VisitKind.HOME,
					"王干部", "家中情况稳定", null, null, null, null)));
		}

		Dashboard d = ReportingWorld.as(admin, () -> dashboards.of(scope, null, null, Locale.SIMPLIFIED_CHINESE));
		assertThat(counts(d.byStatus())).isEqualTo(byStatus);
		assertThat(counts(d.byCause())).isEqualTo(byCause);
		assertThat(counts(d.byCategory())).isEqualTo(byCategory);
		assertThat(counts(d.byRegion())).isEqualTo(byRegion);
		Map<String, Long> coverage = d.coverage().stream().collect(Collectors.toMap(FigureValue::code, FigureValue::value));
		assertThat(coverage).containsEntry("households.filed", (long) filed.size())
			.containsEntry("households.paired", 3L)
			.containsEntry("households.unpaired", (long) filed.size() - 3)
			.containsEntry("households.visitedOnTime", 2L);
		assertThat(d.byCause()).extracting(Bar::label).contains("因病");

		// the list behind a region's bar holds as many households as the bar
		Bar township = d.byRegion().get(0);
		assertThat(township.href()).contains("region=" + township.key()).contains("status=FILED");
		long listed = registry.search(scope, new HouseholdQuery(null, null, null, township.key(), HouseholdStatus.FILED, null, null,
				null, null, 1, 10)).total();
		assertThat(listed).isEqualTo(township.value());

		Dashboard other = ReportingWorld.as(siblingAdmin, () -> dashboards.of(sibling.scope(), null, null, Locale.SIMPLIFIED_CHINESE));
		assertThat(counts(other.byStatus())).isEqualTo(Map.of("FILED", 1L));

		// the page and the API show the same numbers to a logged-in user of the county
		Http http = Http.loggedIn(port, admin.login(), Fixtures.PASSWORD);
		HttpResponse<String> page = http.get("/dashboards");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("因病").contains("/webjars/echarts/");
		HttpResponse<String> api = Http.basic(port, admin.login(), Fixtures.PASSWORD).get("/api/v1/dashboards");
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.body()).contains("\"households.paired\"");
	}

	private static Map<String, Long> counts(List<Bar> bars) {
		return bars.stream().collect(Collectors.toMap(Bar::key, Bar::value, Long::sum, TreeMap::new));
	}


}
