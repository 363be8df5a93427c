package org.bangfu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.cases.CaseQuery;
import org.bangfu.cases.CaseStatus;
import org.bangfu.cases.Cases;
import org.bangfu.cases.NoticeStatus;
import org.bangfu.cases.Notices;
import org.bangfu.identification.Decisions;
import org.bangfu.identity.Users;
import org.bangfu.identity.Users.UserSearch;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.pairing.DueRow;
import org.bangfu.pairing.Pairings;
import org.bangfu.pairing.Visits;
import org.bangfu.platform.StartupData;
import org.bangfu.platform.jobs.JobActorResolver;
import org.bangfu.registry.HouseholdImports;
import org.bangfu.registry.HouseholdQuery;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.shared.Actor;
import org.bangfu.shared.Scope;
import org.bangfu.support.Http;
import org.bangfu.support.IntegrationTest;
import org.bangfu.support.LinkCrawler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo register on a database of its own with demo data forced on: what a first login shows
 * (households in each demo organisation, decisions, a case at every stage, the published notice
 * on the public page, demo.cadre's due visits, unpaired households), and a second load adds nothing.
 */
@IntegrationTest
class DemoRegisterIntegrationTests extends DemoDatabaseTest {

	static final Scope ALL = new Scope(0, "/");

	@LocalServerPort
	int port;

	@Autowired
	List<StartupData> startupData;

	@Autowired
	Organisations organisations;

	@Autowired
	HouseholdRegistry registry;

	@Autowired
	HouseholdImports imports;

	@Autowired
	Decisions decisions;

	@Autowired
	Cases cases;

	@Autowired
	Notices notices;

	@Autowired
	Pairings pairings;

	@Autowired
	Visits visits;

	@Autowired
	Users users;

	@Autowired
	JobActorResolver actors;

	@Test
	void aFirstLoginShowsALivingExampleAndASecondLoadAddsNothing() throws Exception {
		Map<String, Long> before = Map.of("JA-DZ-UNION", 120L, "JA-YY-UNION", 100L, "JA-CZ-C01", 80L);
		before.forEach((code, count) -> assertThat(households(code)).as(code).isEqualTo(count));
		assertThat(registry.search(scope("JA-DZ-UNION"), HouseholdQuery.all()).rows())
			.allSatisfy(h -> assertThat(h.regionCode()).startsWith("420102002").hasSize(12));
		assertThat(imports.recent(scope("JA-UNION"), 10)).extracting(i -> i.fileName())
			.contains("大智街道困难职工摸底.csv", "一元街道困难职工摸底.csv");

		assertThat(decisions.list(scope("JA-UNION"), "union-classes", null, null, 1, 10, Locale.SIMPLIFIED_CHINESE).total())
			.isEqualTo(220);
		assertThat(decisions.list(scope("JA-CIVIL"), "dibao-plan10", null, null, 1, 10, Locale.SIMPLIFIED_CHINESE).total())
			.isEqualTo(80);

		Actor caseworker = actor("demo.caseworker");
		for (CaseStatus status : CaseStatus.values()) {
			assertThat(cases.search(caseworker, new CaseQuery("all", status, null, null, 1, 10)).total()).as(status.name())
				.isPositive();
		}
		assertThat(cases.search(caseworker, new CaseQuery("all", CaseStatus.APPROVED, null, null, 1, 10)).total()).isEqualTo(3);
		assertThat(cases.search(actor("demo.approver"), new CaseQuery("mine", null, null, null, 1, 10)).total())
			.as("waiting for the approver").isPositive();
		Actor reviewer = actor("demo.reviewer");
		assertThat(notices.list(reviewer, NoticeStatus.PUBLISHED)).singleElement()
			.satisfies(n -> assertThat(notices.require(reviewer, n.id()).rows()).hasSize(2));

		String publicPage = Http.browser(port).get("/public/notices").body();
		assertThat(publicPage).contains("江岸区总工会困难职工建档公示（第一批）");

		Actor cadre = actor("demo.cadre");
		List<DueRow> due = visits.dueForUser(cadre, 14);
		assertThat(due).filteredOn(DueRow::overdue).hasSizeGreaterThanOrEqualTo(2);
		assertThat(due).filteredOn(d -> !d.overdue()).hasSizeGreaterThanOrEqualTo(2);
		String mine = Http.loggedIn(port, "demo.cadre", PASSWORD).get("/visits/due/mine").body();
		assertThat(mine).contains(due.get(0).fileNo());
		String home = Http.loggedIn(port, "demo.cadre", PASSWORD).get("/").body();
		assertThat(home).as("a cadre's home is the list of their households")
			.contains("id=\"my-households\"", due.get(0).fileNo(), due.get(due.size() - 1).headName());

		assertThat(pairings.countUnpaired(scope("JA-UNION"))).isEqualTo(6);
		assertThat(pairings.countUnpaired(scope("JA-CIVIL"))).isEqualTo(3);
		assertThat(Http.loggedIn(port, "demo.admin", PASSWORD).get("/pairing/unpaired").statusCode()).isEqualTo(200);

		long allHouseholds = registry.search(ALL, HouseholdQuery.all()).total();
		long allCases = cases.search(actor("admin"), new CaseQuery("all", null, null, null, 1, 10)).total();
		long cadres = pairings.cadres(ALL, false, null).size();
		demoRegister().load();
		assertThat(registry.search(ALL, HouseholdQuery.all()).total()).isEqualTo(allHouseholds);
		assertThat(cases.search(actor("admin"), new CaseQuery("all", null, null, null, 1, 10)).total()).isEqualTo(allCases);
		assertThat(pairings.cadres(ALL, false, null)).hasSize((int) cadres);
	}

	/**
	 * Every link each demo user sees on the example (breadth-first from the home page, one page
	 * per path shape) answers without 403 or a server error: the pages with data show no dead end.
	 */
	@Test
	void everyLinkEachDemoUserSeesOnTheExampleOpens() {
		Map<String, String> problems = new LinkedHashMap<>();
		Map<String, Integer> pages = new LinkedHashMap<>();
		for (String login : DEMO_USERS) {
			LinkCrawler.Result crawl = crawl(port, login);
			problems.putAll(crawl.problems());
			pages.put(login, crawl.pages());
		}
		assertThat(problems).as("links shown that answer 403 or 5xx (user link <- page)").isEmpty();
		assertThat(pages).as("pages opened by each user").allSatisfy((login, n) -> assertThat(n).isGreaterThanOrEqualTo(3));
		assertThat(pages.get("demo.caseworker")).isGreaterThan(30);
	}

	private long households(String organisationCode) {
		return registry.search(scope(organisationCode), HouseholdQuery.all()).total();
	}

	private Scope scope(String organisationCode) {
		OrganisationView org = organisations.findByCode(ALL, organisationCode).orElseThrow();
		return new Scope(org.id(), org.path());
	}

	private Actor actor(String login) {
		long id = users.search(ALL, new UserSearch(login, null, null, null), 10, 0)
			.stream()
			.filter(u -> u.login().equals(login))
			.findFirst()
			.orElseThrow()
			.id();
		return (Actor) actors.authenticationFor(id).orElseThrow().getPrincipal();
	}

	private StartupData demoRegister() {
		return startupData.stream()
			.filter(s -> s.getClass().getSimpleName().startsWith("DemoRegister"))
			.findFirst()
			.orElseThrow();
	}

}
